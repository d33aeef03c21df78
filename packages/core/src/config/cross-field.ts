/**
 * Config rules that span fields: the environment against the stack name, zones against the
 * region and the profile, overlapping networks, and production floors against waivers. They run on
 * the raw values (each rule only when its own inputs are well-formed), so a config with several
 * unrelated mistakes reports all of them in one run.
 */
import { MAX_AZ_SLOTS } from "../cidr/carve.js";
import { type LabelledCidr, tryParseCidr } from "../cidr/ipv4.js";
import { checkNodeShape } from "../environments/machine-types.js";
import { type Cloud, type EnvironmentName, type EnvironmentProfile, isEnvironmentName, PROFILES } from "../environments/profiles.js";
import type { Issue } from "../issues.js";
import { checkNoOverlaps } from "../validation/cidr.js";
import { checkUnique } from "../validation/names.js";
import { groupRoleIssues, rbacIssues } from "./cluster-access-schema.js";
import { AWS_REGION_PATTERN, GCP_REGION_PATTERN } from "../validation/names.js";
import { checkZones } from "../validation/zones.js";
import { dataIssues } from "./data-cross-field.js";
import { securityIssues } from "./security-cross-field.js";
import { applyProfileOverrides } from "./profile-overrides.js";
import { checkWaivers, type Waiver, WAIVABLE_SETTINGS } from "./waivers.js";

/** The region a cloud defaults to when a stack moves an environment to the other cloud. */
export const DEFAULT_REGION: Readonly<Record<Cloud, string>> = { aws: "us-east-1", gcp: "us-west1" };

function record(value: unknown): Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The stack a config file belongs to must be its environment, or `<environment>-<suffix>` (e.g. dev-pr-123). */
export function checkStackName(environment: EnvironmentName, stack: string): Issue[] {
    if (stack === environment || stack.startsWith(`${environment}-`)) {
        return [];
    }
    return [
        {
            field: "platform:environment",
            value: environment,
            problem: `does not match the stack "${stack}" this config belongs to (it would deploy ${stack} with the ${environment} profile)`,
            fix: `set platform:environment to the stack's environment, or name the stack ${environment} or ${environment}-<suffix>`,
        },
    ];
}

export interface Resolved {
    readonly environment: EnvironmentName;
    readonly cloud: Cloud;
    readonly region: string;
    readonly base: EnvironmentProfile;
    readonly profile: EnvironmentProfile;
}

/** Environment, cloud, region and profile, when the environment is known (`undefined` otherwise). */
export function resolveEnvironment(raw: Readonly<Record<string, unknown>>): Resolved | undefined {
    const environment = raw["environment"];
    if (!isEnvironmentName(environment)) {
        return undefined;
    }
    const base = PROFILES[environment];
    const cloud: Cloud = raw["cloud"] === "aws" || raw["cloud"] === "gcp" ? raw["cloud"] : base.cloud;
    const pattern = cloud === "aws" ? AWS_REGION_PATTERN : GCP_REGION_PATTERN;
    const rawRegion = raw["region"];
    const region =
        typeof rawRegion === "string" && pattern.test(rawRegion) ? rawRegion : cloud === base.cloud ? base.region : DEFAULT_REGION[cloud];
    const located = { ...base, cloud, region };
    return { environment, cloud, region, base: located, profile: applyProfileOverrides(located, raw["profile"]) };
}

function zoneIssues(raw: Readonly<Record<string, unknown>>, env: Resolved): Issue[] {
    const zones = record(raw["network"])["availabilityZones"];
    if (zones === undefined) {
        return [];
    }
    const needed = env.profile.network.availabilityZones;
    return checkZones("platform:network.availabilityZones", zones, {
        cloud: env.cloud,
        region: env.region,
        min: {
            count: needed,
            why: `the ${env.environment} profile needs ${needed}`,
            fix: `list at least ${needed} zones, or lower platform:profile.network.availabilityZones`,
        },
        max: MAX_AZ_SLOTS,
    });
}

function networkIssues(raw: Readonly<Record<string, unknown>>, env: Resolved | undefined): Issue[] {
    const network = record(raw["network"]);
    const blocks: LabelledCidr[] = [];
    const add = (label: string, value: unknown) => {
        if (typeof value === "string" && tryParseCidr(value).ok) blocks.push({ label, cidr: value });
    };
    add("platform:network.cidr", network["cidr"]);
    const issues: Issue[] = [];
    const secondary = network["secondaryRegions"];
    if (Array.isArray(secondary)) {
        secondary.forEach((entry: unknown, i) => {
            const { region, cidr } = record(entry);
            if (env !== undefined && region === env.region) {
                issues.push({
                    field: `platform:network.secondaryRegions[${i}].region`,
                    value: region,
                    problem: "repeats the stack's primary region",
                    fix: "pick a different region or drop the entry",
                });
            }
            add(`platform:network.secondaryRegions[${i}].cidr`, cidr);
        });
    }
    const reserved = network["reservedCidrs"];
    if (Array.isArray(reserved)) {
        reserved.forEach((value: unknown, i) => add(`platform:network.reservedCidrs[${i}]`, value));
    }
    return [...issues, ...checkNoOverlaps(blocks)];
}

/** The cluster profile's fields against each other and the network (on the resolved profile). */
function clusterIssues(env: Resolved): Issue[] {
    const c = env.profile.cluster;
    const field = "platform:profile.cluster";
    const issues: Issue[] = checkNodeShape(`${field}.nodeVcpu`, env.cloud, c.nodeVcpu, c.nodeMemoryGiB);
    if (c.minNodes > c.nodeCount || c.nodeCount > c.maxNodes) {
        issues.push({
            field: `${field}.nodeCount`,
            value: { minNodes: c.minNodes, nodeCount: c.nodeCount, maxNodes: c.maxNodes },
            problem: "must lie between minNodes and maxNodes",
            fix: "choose minNodes <= nodeCount <= maxNodes",
        });
    }
    if (c.nodeZones > env.profile.network.availabilityZones) {
        issues.push({
            field: `${field}.nodeZones`,
            value: c.nodeZones,
            problem: `the network spans only ${env.profile.network.availabilityZones} zone(s)`,
            fix: "lower nodeZones, or raise platform:profile.network.availabilityZones",
        });
    }
    if (c.systemNodes === 1) {
        issues.push({
            field: `${field}.systemNodes`,
            value: c.systemNodes,
            problem: "one system node is a single point of failure for CoreDNS and the autoscaler",
            fix: "use 0 (system add-ons share the general nodes) or at least 2",
        });
    }
    return issues;
}

/** Allow-list entries that are well-formed strings (for the waiver and uniqueness checks). */
function publicAccessCidrs(raw: Readonly<Record<string, unknown>>): string[] {
    const value = record(raw["cluster"])["publicAccessCidrs"];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function waiverList(value: unknown): Waiver[] {
    if (!Array.isArray(value)) return [];
    return value.flatMap((entry: unknown) => {
        const w = record(entry);
        const setting = w["setting"];
        if (!(WAIVABLE_SETTINGS as readonly unknown[]).includes(setting)) return [];
        return [
            {
                setting: setting as Waiver["setting"],
                reason: typeof w["reason"] === "string" ? w["reason"] : "",
                owner: typeof w["owner"] === "string" ? w["owner"] : "",
                ...(typeof w["expires"] === "string" ? { expires: w["expires"] } : {}),
            },
        ];
    });
}

export interface CrossFieldOptions {
    readonly stack?: string;
    /** YYYY-MM-DD (UTC). */
    readonly today: string;
}

export function crossFieldIssues(raw: Readonly<Record<string, unknown>>, opts: CrossFieldOptions): Issue[] {
    const env = resolveEnvironment(raw);
    const issues: Issue[] = [];
    if (env !== undefined && opts.stack !== undefined) {
        issues.push(...checkStackName(env.environment, opts.stack));
    }
    if (env !== undefined) {
        issues.push(...zoneIssues(raw, env));
    }
    issues.push(...networkIssues(raw, env));
    const allowList = publicAccessCidrs(raw);
    issues.push(...checkUnique("platform:cluster.publicAccessCidrs", allowList, "block"));
    const admins = record(raw["cluster"])["adminRoleArns"];
    if (Array.isArray(admins)) {
        issues.push(...checkUnique("platform:cluster.adminRoleArns", admins, "role"));
    }
    issues.push(...dataIssues(raw, env?.region));
    issues.push(...securityIssues(raw, env));
    issues.push(...rbacIssues(raw["platform"]));
    issues.push(...groupRoleIssues(raw["cluster"], raw["platform"]));
    if (env !== undefined) {
        issues.push(...clusterIssues(env));
        issues.push(...checkWaivers(env.base, env.profile, waiverList(raw["waivers"]), opts.today, { publicAccessCidrs: allowList }));
    }
    return issues;
}

/**
 * Rules across environments: no two environments' networks overlap (nor any environment's
 * network and another's reserved blocks), so peering, VPN and DR routing stay possible. Each
 * stack file lists only its own network; this derives the rest from the other files.
 */
export function environmentNetworkIssues(
    environments: readonly PlatformSettingsLike[],
    fileOf: (environment: EnvironmentName) => string = (environment) => `environments/Pulumi.${environment}.yaml`,
): Issue[] {
    const blocks: LabelledCidr[] = [];
    for (const env of environments) {
        const file = fileOf(env.environment);
        blocks.push({ label: `${file} platform:network.cidr`, cidr: env.network.cidr });
        env.network.secondaryRegions.forEach((r, i) =>
            blocks.push({ label: `${file} platform:network.secondaryRegions[${i}].cidr`, cidr: r.cidr }),
        );
    }
    return checkNoOverlaps(blocks);
}

/** The parts of validated settings the cross-environment rules read. */
interface PlatformSettingsLike {
    readonly environment: EnvironmentName;
    readonly network: { readonly cidr: string; readonly secondaryRegions: ReadonlyArray<{ readonly cidr: string }> };
}
