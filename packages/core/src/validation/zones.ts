/** Availability zone (AWS) and zone (GCP) rules shared by config validation and the network components. */
import type { Issue } from "../issues.js";

export type ZoneCloud = "aws" | "gcp";

/** Default zone names for a region: `us-east-1a..` on AWS, `us-west1-a..` on GCP. */
export function defaultZones(cloud: ZoneCloud, region: string, count: number): string[] {
    const letters = "abcdefghij".slice(0, count).split("");
    return letters.map((letter) => (cloud === "aws" ? `${region}${letter}` : `${region}-${letter}`));
}

const ZONE_PATTERN: Readonly<Record<ZoneCloud, RegExp>> = {
    aws: /^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/,
    gcp: /^[a-z]+-[a-z]+\d+-[a-z]$/,
};

export interface ZoneRules {
    readonly cloud: ZoneCloud;
    /** The zones must belong to this region when given. */
    readonly region?: string;
    /** Fewest zones accepted, with the reason shown when too few (`the prod profile needs 3`). */
    readonly min: { readonly count: number; readonly why: string; readonly fix: string };
    readonly max: number;
}

/** A list of zone names: well-formed, in the region, each once, between `min` and `max` long. */
export function checkZones(field: string, value: unknown, rules: ZoneRules): Issue[] {
    const example = defaultZones(
        rules.cloud,
        rules.region ?? (rules.cloud === "aws" ? "us-east-1" : "us-west1"),
        Math.max(rules.min.count, 1),
    );
    if (!Array.isArray(value) || value.some((z) => typeof z !== "string")) {
        return [{ field, value, problem: "must be a list of zone names", fix: `write a YAML list, e.g. [${example.join(", ")}]` }];
    }
    const zones = value as string[];
    const malformed = zones.filter((z) => !ZONE_PATTERN[rules.cloud].test(z));
    if (malformed.length > 0) {
        return [
            {
                field,
                value,
                problem: `${malformed.join(", ")} ${malformed.length === 1 ? "is not a zone name" : "are not zone names"}`,
                fix: `use names such as ${example.join(", ")}`,
            },
        ];
    }
    const issues: Issue[] = [];
    const region = rules.region;
    const foreign = region === undefined ? [] : zones.filter((z) => (rules.cloud === "aws" ? z.slice(0, -1) : z.slice(0, -2)) !== region);
    if (foreign.length > 0) {
        issues.push({
            field,
            value,
            problem: `${foreign.join(", ")} not in region ${region}`,
            fix: `list zones of ${region}, e.g. ${example.join(", ")}`,
        });
    }
    const duplicates = zones.filter((z, i) => zones.indexOf(z) !== i);
    if (duplicates.length > 0) {
        issues.push({ field, value, problem: `${[...new Set(duplicates)].join(", ")} listed twice`, fix: "list each zone once" });
    }
    if (zones.length < rules.min.count) {
        issues.push({ field, value, problem: `${zones.length} zone(s) listed but ${rules.min.why}`, fix: rules.min.fix });
    } else if (zones.length > rules.max) {
        issues.push({
            field,
            value,
            problem: `${zones.length} zones listed; at most ${rules.max} are supported`,
            fix: `list at most ${rules.max}`,
        });
    }
    return issues;
}
