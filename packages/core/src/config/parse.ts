/**
 * `parsePlatformConfig`: validates the raw `platform:` values of a stack (keys without the
 * namespace, objects already parsed) once, at the boundary, and resolves the environment profile.
 * Throws {@link ConfigValidationError} listing every problem.
 */
import { DEFAULT_BREAK_GLASS_GROUP, DEFAULT_TRUSTED_REGISTRIES } from "@platform/facts";
import { ownershipTags } from "../tags.js";
import { defaultZones } from "../validation/zones.js";
import { crossFieldIssues, resolveEnvironment } from "./cross-field.js";
import { resolveAwsDataSettings, resolveGcpDataSettings } from "./data-settings.js";
import { ConfigValidationError } from "./errors.js";
import { PLATFORM_CONFIG_SCHEMA } from "./schema.js";
import type { PlatformSettings } from "./settings.js";
import { issuesFromZod } from "./zod-issues.js";
import { DEFAULT_FALCO_MINIMUM_PRIORITY } from "./cluster-access-schema.js";
import { resolveSecuritySettings } from "./security-settings.js";

export interface ParseOptions {
    /** The stack the config belongs to; its name must be the environment or `<environment>-<suffix>`. */
    readonly stack?: string;
    /** Today (YYYY-MM-DD, UTC), for waiver expiry. @default the current date */
    readonly today?: string;
}

export function parsePlatformConfig(raw: Readonly<Record<string, unknown>>, opts: ParseOptions = {}): PlatformSettings {
    const env = resolveEnvironment(raw);
    // The cloud discriminates the schema; it defaults to the environment profile's cloud.
    const input = { ...raw, cloud: raw["cloud"] ?? env?.cloud ?? "aws" };
    const parsed = PLATFORM_CONFIG_SCHEMA.safeParse(input, { reportInput: true });
    const issues = parsed.success ? [] : issuesFromZod(parsed.error, env?.cloud ?? "aws");
    issues.push(...crossFieldIssues(raw, { stack: opts.stack, today: opts.today ?? new Date().toISOString().slice(0, 10) }));
    if (issues.length > 0 || !parsed.success || env === undefined) {
        throw new ConfigValidationError(issues);
    }
    const config = parsed.data;
    const { environment, region, profile } = env;
    const zones = config.network.availabilityZones?.slice(0, profile.network.availabilityZones);
    const base = {
        project: config.project,
        environment,
        region,
        profile,
        ownership: ownershipTags({ environment, team: config.team, costCenter: config.costCenter, project: config.project }),
        dns: { publicZone: config.dns?.publicZone, privateZone: config.dns?.privateZone },
        waivers: config.waivers ?? [],
        platform: {
            ...(config.platform?.acmeEmail !== undefined ? { acmeEmail: config.platform.acmeEmail } : {}),
            trustedRegistries: config.platform?.trustedRegistries ?? [...DEFAULT_TRUSTED_REGISTRIES],
            ...(config.platform?.alerting !== undefined ? { alerting: config.platform.alerting } : {}),
            runtimeSecurity: { minimumPriority: config.platform?.runtimeSecurity?.minimumPriority ?? DEFAULT_FALCO_MINIMUM_PRIORITY },
            rbac: {
                breakGlassGroup: config.platform?.rbac?.breakGlassGroup ?? DEFAULT_BREAK_GLASS_GROUP,
                teams: config.platform?.rbac?.teams ?? [],
            },
            ...(config.platform?.edgeRateLimitPer5Minutes !== undefined
                ? { edgeRateLimitPer5Minutes: config.platform.edgeRateLimitPer5Minutes }
                : {}),
        },
        security: resolveSecuritySettings(config.security, environment),
        alerts: {
            emails: config.alerts?.emails ?? [],
            ...(config.alerts?.uptimeCheck !== undefined
                ? { uptimeCheck: { host: config.alerts.uptimeCheck.host, path: config.alerts.uptimeCheck.path ?? "/" } }
                : {}),
        },
    };
    const network = {
        cidr: config.network.cidr,
        availabilityZones: zones ?? defaultZones(config.cloud, region, profile.network.availabilityZones),
        reservedCidrs: config.network.reservedCidrs ?? [],
    };
    const publicAccessCidrs = config.cluster?.publicAccessCidrs ?? [];
    if (config.cloud === "aws") {
        return {
            ...base,
            cloud: "aws",
            awsAccountId: config.awsAccountId,
            network: { ...network, secondaryRegions: [] },
            cluster: {
                adminRoleArns: config.cluster?.adminRoleArns ?? [],
                groupRoles: config.cluster?.groupRoles ?? [],
                publicAccessCidrs,
            },
            data: resolveAwsDataSettings(config.data, profile),
            ...(config.budget !== undefined ? { budget: config.budget } : {}),
            ...(config.dr !== undefined ? { dr: config.dr } : {}),
        };
    }
    return {
        ...base,
        cloud: "gcp",
        gcpProject: config.gcpProject,
        network: { ...network, secondaryRegions: config.network.secondaryRegions ?? [] },
        cluster: { publicAccessCidrs },
        data: resolveGcpDataSettings(config.data, profile),
        ...(config.budget !== undefined ? { budget: config.budget } : {}),
        ...(config.dr !== undefined ? { dr: { hostnames: config.dr.hostnames } } : {}),
    };
}
