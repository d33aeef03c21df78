/** Applying `platform:profile` overrides to an environment profile. */
import { MAX_AZ_SLOTS } from "../cidr/carve.js";
import { type DataProfile, type EnvironmentProfile, NAT_GATEWAY_STRATEGIES, type NatGatewayStrategy } from "../environments/profiles.js";
import { CLOUDWATCH_RETENTION_DAYS } from "../validation/retention.js";

function record(value: unknown): Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function isNat(value: unknown): value is NatGatewayStrategy {
    return (NAT_GATEWAY_STRATEGIES as readonly unknown[]).includes(value);
}

/**
 * The profile with the overrides applied. Only well-formed values apply (the schema reports the
 * others), so cross-field checks can run on a config that also has unrelated problems.
 */
export function applyProfileOverrides(base: EnvironmentProfile, overrides: unknown): EnvironmentProfile {
    const o = record(overrides);
    const network = record(o["network"]);
    const zones = network["availabilityZones"];
    const nat = network["natGateways"];
    const retention = network["flowLogRetentionDays"];
    const protect = o["protectStatefulResources"];
    return {
        ...base,
        network: {
            availabilityZones:
                typeof zones === "number" && Number.isInteger(zones) && zones >= 1 && zones <= MAX_AZ_SLOTS
                    ? zones
                    : base.network.availabilityZones,
            natGateways: isNat(nat) ? nat : base.network.natGateways,
            flowLogRetentionDays:
                typeof retention === "number" && (CLOUDWATCH_RETENTION_DAYS as readonly number[]).includes(retention)
                    ? retention
                    : base.network.flowLogRetentionDays,
        },
        protectStatefulResources: typeof protect === "boolean" ? protect : base.protectStatefulResources,
        data: applyDataOverrides(base.data, record(o["data"])),
    };
}

/** `platform:profile.data` over the data profile; only well-formed values apply (the schema reports the rest). */
function applyDataOverrides(base: DataProfile, o: Record<string, unknown>): DataProfile {
    const flag = (key: keyof DataProfile, fallback: boolean): boolean => (typeof o[key] === "boolean" ? o[key] : fallback);
    const whole = (key: keyof DataProfile, min: number, max: number, fallback: number): number => {
        const v = o[key];
        return typeof v === "number" && Number.isInteger(v) && v >= min && v <= max ? v : fallback;
    };
    return {
        highAvailability: flag("highAvailability", base.highAvailability),
        storageGb: whole("storageGb", 20, 65536, base.storageGb),
        backupRetentionDays: whole("backupRetentionDays", 1, 35, base.backupRetentionDays),
        pointInTimeRecovery: flag("pointInTimeRecovery", base.pointInTimeRecovery),
        deletionProtection: flag("deletionProtection", base.deletionProtection),
    };
}
