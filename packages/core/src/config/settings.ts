/**
 * The platform's stack configuration: the raw shape users write in `Pulumi.<stack>.yaml` under
 * the `platform:` namespace, and the validated, profile-resolved settings every layer reads.
 */
import {
    type Cloud,
    CLOUDS,
    ENVIRONMENTS,
    type EnvironmentName,
    type EnvironmentProfile,
    NAT_GATEWAY_STRATEGIES,
    PROFILES,
} from "../environments/profiles.js";
import { AWS_VPC_PREFIX_RANGE, GCP_REGION_PREFIX_RANGE, MAX_AZ_SLOTS } from "../cidr/carve.js";
import { findOverlaps, type LabelledCidr, tryParseCidr } from "../cidr/ipv4.js";
import { AWS_REGION_PATTERN, DOMAIN_NAME_PATTERN as DOMAIN_PATTERN, GCP_PROJECT_PATTERN, GCP_REGION_PATTERN } from "../patterns.js";
import { ownershipTags, type OwnershipTags } from "../tags.js";
import { ConfigValidationError } from "./issues.js";
import { IssueCollector, isPlainObject, ObjectReader } from "./reader.js";

/** Config namespace shared by every stack project and the root project. */
export const CONFIG_NAMESPACE = "platform";

/** Top-level keys accepted under `platform:`. */
export const CONFIG_KEYS = [
    "environment",
    "project",
    "team",
    "costCenter",
    "cloud",
    "region",
    "gcpProject",
    "awsAccountId",
    "network",
    "dns",
    "profile",
] as const;

/** CloudWatch Logs accepts only these retention values. */
export const CLOUDWATCH_RETENTION_DAYS = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** A second GCP region of the same VPC. */
export interface RegionalRange {
    readonly region: string;
    readonly cidr: string;
}

export interface NetworkSettings {
    /** The VPC CIDR (AWS) or the primary region's range (GCP). */
    readonly cidr: string;
    /** AZ names (AWS, e.g. `us-east-1a`) or zone names (GCP, e.g. `us-west1-a`), in slot order. */
    readonly availabilityZones: readonly string[];
    /** Networks this one must never overlap (peers, on-premises, the other cloud). */
    readonly reservedCidrs: readonly string[];
    /** GCP only: further regions of the same VPC, each with its own range. */
    readonly secondaryRegions: readonly RegionalRange[];
}

export interface DnsSettings {
    /** Public zone apex, e.g. `example.com`; no public zone when unset. */
    readonly publicZone?: string;
    /** Private zone, e.g. `prod.internal`; no private zone when unset. */
    readonly privateZone?: string;
}

/** Validated settings for one stack. */
export interface PlatformSettings {
    /** Short product prefix for resource names (`<project>-<env>-<component>`). */
    readonly project: string;
    readonly environment: EnvironmentName;
    readonly cloud: Cloud;
    readonly region: string;
    /** GCP project id (required when `cloud` is `gcp`). */
    readonly gcpProject?: string;
    /** AWS account the stack may deploy to; the provider refuses any other. @default any account */
    readonly awsAccountId?: string;
    /** The environment's profile with any `platform:profile` overrides applied. */
    readonly profile: EnvironmentProfile;
    readonly ownership: OwnershipTags;
    readonly network: NetworkSettings;
    readonly dns: DnsSettings;
}

const PROJECT_PATTERN = /^[a-z][a-z0-9]{1,11}$/;
const TAG_VALUE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** Default AZ / zone names for a region: `us-east-1a..` on AWS, `us-west1-a..` on GCP. */
export function defaultZones(cloud: Cloud, region: string, count: number): string[] {
    const letters = "abcdefghij".slice(0, count).split("");
    return letters.map((letter) => (cloud === "aws" ? `${region}${letter}` : `${region}-${letter}`));
}

function zoneBelongsToRegion(cloud: Cloud, region: string, zone: string): boolean {
    return cloud === "aws" ? new RegExp(`^${region}[a-z]$`).test(zone) : new RegExp(`^${region}-[a-z]$`).test(zone);
}

function readProfileOverrides(base: EnvironmentProfile, reader: ObjectReader | undefined): EnvironmentProfile {
    if (!reader) {
        return base;
    }
    reader.rejectUnknown(["network", "cluster", "data", "minReplicas", "protectStatefulResources", "logRetentionDays"]);
    const network = reader.object("network");
    network?.rejectUnknown(["availabilityZones", "natGateways", "flowLogRetentionDays"]);
    const cluster = reader.object("cluster");
    cluster?.rejectUnknown(["nodeCount", "nodeVcpu", "nodeMemoryGiB", "nodeZones"]);
    const data = reader.object("data");
    data?.rejectUnknown(["highAvailability", "storageGb", "backupRetentionDays", "pointInTimeRecovery", "deletionProtection"]);
    const retention = { min: 1, max: 3653, allowed: CLOUDWATCH_RETENTION_DAYS };
    return {
        ...base,
        network: {
            availabilityZones: network?.integer("availabilityZones", { min: 1, max: MAX_AZ_SLOTS }) ?? base.network.availabilityZones,
            natGateways: network?.oneOf("natGateways", NAT_GATEWAY_STRATEGIES) ?? base.network.natGateways,
            flowLogRetentionDays: network?.integer("flowLogRetentionDays", retention) ?? base.network.flowLogRetentionDays,
        },
        cluster: {
            nodeCount: cluster?.integer("nodeCount", { min: 1, max: 1000 }) ?? base.cluster.nodeCount,
            nodeVcpu: cluster?.integer("nodeVcpu", { min: 1, max: 192 }) ?? base.cluster.nodeVcpu,
            nodeMemoryGiB: cluster?.integer("nodeMemoryGiB", { min: 1, max: 1536 }) ?? base.cluster.nodeMemoryGiB,
            nodeZones: cluster?.integer("nodeZones", { min: 1, max: MAX_AZ_SLOTS }) ?? base.cluster.nodeZones,
        },
        data: {
            highAvailability: data?.boolean("highAvailability") ?? base.data.highAvailability,
            storageGb: data?.integer("storageGb", { min: 20, max: 65536 }) ?? base.data.storageGb,
            backupRetentionDays: data?.integer("backupRetentionDays", { min: 1, max: 35 }) ?? base.data.backupRetentionDays,
            pointInTimeRecovery: data?.boolean("pointInTimeRecovery") ?? base.data.pointInTimeRecovery,
            deletionProtection: data?.boolean("deletionProtection") ?? base.data.deletionProtection,
        },
        minReplicas: reader.integer("minReplicas", { min: 1, max: 100 }) ?? base.minReplicas,
        protectStatefulResources: reader.boolean("protectStatefulResources") ?? base.protectStatefulResources,
        logRetentionDays: reader.integer("logRetentionDays", retention) ?? base.logRetentionDays,
    };
}

function readNetwork(
    reader: ObjectReader | undefined,
    cloud: Cloud,
    region: string,
    profile: EnvironmentProfile,
    issues: IssueCollector,
): NetworkSettings {
    const empty: NetworkSettings = { cidr: "", availabilityZones: [], reservedCidrs: [], secondaryRegions: [] };
    if (!reader) {
        return empty;
    }
    reader.rejectUnknown(["cidr", "availabilityZones", "reservedCidrs", "secondaryRegions"]);
    const prefixRange = cloud === "aws" ? AWS_VPC_PREFIX_RANGE : GCP_REGION_PREFIX_RANGE;
    const labelled: LabelledCidr[] = [];
    const checkCidr = (key: string, value: string, sized: boolean): boolean => {
        const parsed = tryParseCidr(value);
        if (!parsed.ok) {
            issues.add(key, value, parsed.reason, "write a network address with its prefix, e.g. 10.20.0.0/16");
            return false;
        }
        if (sized && (parsed.cidr.prefix < prefixRange.min || parsed.cidr.prefix > prefixRange.max)) {
            issues.add(
                key,
                value,
                `prefix /${parsed.cidr.prefix} is outside the supported /${prefixRange.min}../${prefixRange.max} for ${cloud}`,
                `use a block from /${prefixRange.min} to /${prefixRange.max}, e.g. 10.20.0.0/16`,
            );
            return false;
        }
        labelled.push({ label: key, cidr: value });
        return true;
    };

    const cidr = reader.string("cidr", { required: true, hint: "a block such as 10.20.0.0/16" });
    if (cidr !== undefined) {
        checkCidr(reader.key("cidr"), cidr, true);
    }

    const reservedCidrs = reader.stringList("reservedCidrs", "[10.0.0.0/16, 192.168.0.0/16]") ?? [];
    reservedCidrs.forEach((value, i) => checkCidr(`${reader.key("reservedCidrs")}[${i}]`, value, false));

    const secondaryRegions: RegionalRange[] = [];
    const rawSecondary = reader.source["secondaryRegions"];
    if (rawSecondary !== undefined) {
        if (cloud !== "gcp") {
            issues.add(
                reader.key("secondaryRegions"),
                rawSecondary,
                "is only supported on gcp",
                "remove it; an AWS VPC is regional (use another stack per region)",
            );
        } else if (!Array.isArray(rawSecondary)) {
            issues.add(reader.key("secondaryRegions"), rawSecondary, "must be a list", "write [{ region: us-east4, cidr: 10.41.0.0/16 }]");
        } else {
            rawSecondary.forEach((item, i) => {
                const key = `${reader.key("secondaryRegions")}[${i}]`;
                if (!isPlainObject(item)) {
                    issues.add(key, item, "must be an object", "write { region: us-east4, cidr: 10.41.0.0/16 }");
                    return;
                }
                const entry = new ObjectReader(key, item, issues);
                entry.rejectUnknown(["region", "cidr"]);
                const r = entry.string("region", { required: true, pattern: GCP_REGION_PATTERN, hint: "a GCP region such as us-east4" });
                const c = entry.string("cidr", { required: true, hint: "a block such as 10.41.0.0/16" });
                if (r !== undefined && r === region) {
                    issues.add(entry.key("region"), r, "repeats the stack's primary region", "pick a different region or drop the entry");
                }
                if (r !== undefined && c !== undefined && checkCidr(entry.key("cidr"), c, true)) {
                    secondaryRegions.push({ region: r, cidr: c });
                }
            });
        }
    }

    for (const [a, b] of findOverlaps(labelled)) {
        issues.add(
            b.label,
            b.cidr,
            `overlaps ${a.label} (${a.cidr})`,
            "choose non-overlapping blocks so routing and peering stay unambiguous",
        );
    }

    const needed = profile.network.availabilityZones;
    let zones = reader.stringList("availabilityZones", `[${defaultZones(cloud, region, needed).join(", ")}]`);
    if (zones !== undefined) {
        const key = reader.key("availabilityZones");
        const foreign = zones.filter((z) => !zoneBelongsToRegion(cloud, region, z));
        const duplicates = zones.filter((z, i) => zones!.indexOf(z) !== i);
        if (foreign.length > 0) {
            issues.add(
                key,
                zones,
                `${foreign.join(", ")} not in region ${region}`,
                `list zones of ${region}, e.g. ${defaultZones(cloud, region, needed).join(", ")}`,
            );
        } else if (duplicates.length > 0) {
            issues.add(key, zones, `${duplicates.join(", ")} listed twice`, "list each zone once");
        } else if (zones.length < needed) {
            issues.add(
                key,
                zones,
                `${zones.length} zone(s) listed but the ${profile.environment} profile needs ${needed}`,
                `list at least ${needed} zones, or lower platform:profile.network.availabilityZones`,
            );
        } else if (zones.length > MAX_AZ_SLOTS) {
            issues.add(key, zones, `more than ${MAX_AZ_SLOTS} zones`, `list at most ${MAX_AZ_SLOTS}`);
        }
        zones = zones.slice(0, needed);
    }
    return {
        cidr: cidr ?? "",
        availabilityZones: zones ?? defaultZones(cloud, region, needed),
        reservedCidrs,
        secondaryRegions,
    };
}

/**
 * Validates raw `platform:` config values (keys without the namespace; objects already parsed)
 * and resolves the environment profile. Throws {@link ConfigValidationError} listing every issue.
 */
export function parsePlatformConfig(raw: Readonly<Record<string, unknown>>): PlatformSettings {
    const issues = new IssueCollector();
    const root = new ObjectReader(CONFIG_NAMESPACE, raw, issues, ":");
    root.rejectUnknown(CONFIG_KEYS);

    const environment = root.oneOf("environment", ENVIRONMENTS, { required: true });
    const project = root.string("project", {
        required: true,
        pattern: PROJECT_PATTERN,
        hint: "2-12 lowercase letters or digits starting with a letter, e.g. acme",
    });
    const team = root.string("team", { required: true, pattern: TAG_VALUE_PATTERN, hint: "a lowercase team slug, e.g. platform" });
    const costCenter = root.string("costCenter", {
        required: true,
        pattern: TAG_VALUE_PATTERN,
        hint: "a lowercase cost-center code, e.g. cc-1042",
    });
    const base = PROFILES[environment ?? "dev"];
    const cloud = root.oneOf("cloud", CLOUDS) ?? base.cloud;
    const defaultRegion = cloud === base.cloud ? base.region : cloud === "aws" ? "us-east-1" : "us-west1";
    const region =
        root.string("region", {
            pattern: cloud === "aws" ? AWS_REGION_PATTERN : GCP_REGION_PATTERN,
            hint: cloud === "aws" ? "an AWS region such as us-east-1" : "a GCP region such as us-west1",
        }) ?? defaultRegion;
    const gcpProject = root.string("gcpProject", {
        required: cloud === "gcp",
        pattern: GCP_PROJECT_PATTERN,
        hint: "a GCP project id such as acme-dr-prod",
    });
    const awsAccountId = root.string("awsAccountId", { pattern: /^\d{12}$/, hint: "the 12-digit AWS account id, e.g. 123456789012" });
    if (cloud === "gcp" && raw["awsAccountId"] !== undefined) {
        issues.add("platform:awsAccountId", raw["awsAccountId"], "is set on a gcp stack", "remove it, or set platform:cloud to aws");
    }
    if (cloud === "aws" && raw["gcpProject"] !== undefined) {
        issues.add("platform:gcpProject", raw["gcpProject"], "is set on an aws stack", "remove it, or set platform:cloud to gcp");
    }

    const profile = readProfileOverrides({ ...base, cloud, region }, root.object("profile"));
    const network = readNetwork(root.object("network", { required: true, hint: "{ cidr: 10.20.0.0/16 }" }), cloud, region, profile, issues);

    const dnsReader = root.object("dns");
    dnsReader?.rejectUnknown(["publicZone", "privateZone"]);
    const dns: DnsSettings = {
        publicZone: dnsReader?.string("publicZone", { pattern: DOMAIN_PATTERN, hint: "a lowercase domain such as example.com" }),
        privateZone: dnsReader?.string("privateZone", { pattern: DOMAIN_PATTERN, hint: "a lowercase domain such as prod.internal" }),
    };

    if (issues.issues.length > 0 || environment === undefined || project === undefined || team === undefined || costCenter === undefined) {
        throw new ConfigValidationError(issues.issues);
    }
    return {
        project,
        environment,
        cloud,
        region,
        gcpProject,
        awsAccountId,
        profile,
        ownership: ownershipTags({ environment, team, costCenter, project }),
        network,
        dns,
    };
}
