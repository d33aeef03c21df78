/** zod issues as platform {@link Issue}s: `platform:<path>`, the rejected value, problem and fix. */
import type { z } from "zod";
import type { Issue } from "../issues.js";
import { decodeIssue } from "./fields.js";
import { CLOUD_ONLY_KEYS } from "./schema.js";
import { CONFIG_NAMESPACE } from "./settings.js";

/** `platform:network.secondaryRegions[0].cidr` for the path `[network, secondaryRegions, 0, cidr]`. */
export function configKey(path: readonly PropertyKey[]): string {
    let key = `${CONFIG_NAMESPACE}:`;
    path.forEach((segment, i) => {
        if (typeof segment === "number") key += `[${segment}]`;
        else key += i === 0 ? String(segment) : `.${String(segment)}`;
    });
    return key;
}

function relativeKey(path: readonly PropertyKey[]): string {
    return path.map(String).join(".");
}

function record(value: unknown): Record<string, unknown> {
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

export function issuesFromZod(error: z.ZodError, cloud: "aws" | "gcp"): Issue[] {
    const issues: Issue[] = [];
    for (const iss of error.issues) {
        const input = (iss as { input?: unknown }).input;
        if (iss.code === "unrecognized_keys") {
            for (const key of iss.keys) {
                const path = [...iss.path, key];
                const only = CLOUD_ONLY_KEYS[relativeKey(path)];
                const value = record(input)[key];
                if (only !== undefined && only !== cloud) {
                    const fix =
                        key === "secondaryRegions"
                            ? "remove it; an AWS VPC is regional (use another stack per region)"
                            : `remove it, or set platform:cloud to ${only}`;
                    issues.push({
                        field: configKey(path),
                        value,
                        problem: `is only supported on ${only}; this is ${cloud === "aws" ? "an" : "a"} ${cloud} stack`,
                        fix,
                    });
                } else {
                    const decoded = decodeIssue(iss.message);
                    issues.push({
                        field: configKey(path),
                        value,
                        problem: decoded?.problem ?? "unknown setting",
                        fix: decoded?.fix ?? "remove it",
                    });
                }
            }
            continue;
        }
        if (iss.code === "invalid_union" && "discriminator" in iss && iss.discriminator === "cloud") {
            issues.push({
                field: configKey(["cloud"]),
                value: record(input)["cloud"],
                problem: "is not an allowed value",
                fix: "use one of: aws, gcp",
            });
            continue;
        }
        const decoded = decodeIssue(iss.message);
        issues.push({
            field: configKey(iss.path),
            value: input,
            problem: decoded?.problem ?? iss.message,
            fix: decoded?.fix ?? "see schema/stack-config.schema.json for the accepted values",
        });
    }
    return issues;
}
