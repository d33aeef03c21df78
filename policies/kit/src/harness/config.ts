/**
 * Policy pack configuration, resolved the way a real `pulumi preview --policy-pack-config` run
 * resolves it, so `getConfig()` and effective enforcement levels match:
 *
 * - `@pulumi/policy` `protoutil.js` `normalizeConfig`: a string value is an enforcement level; an
 *   object is `{ enforcementLevel?, ...properties }`.
 * - pulumi `pkg/resource/analyzer/config.go` `ReconcilePolicyPackConfig`: start from every policy's
 *   level (its own, else the pack's, as `makeAnalyzerInfo` reports it) and its schema defaults,
 *   apply `all` (level only), then per-policy levels and properties, then validate against the schema.
 * - `server.js` `configure`: each policy's config becomes `{ ...properties, enforcementLevel }`.
 *
 * Schema validation here covers `required`, `type` and `enum` (the engine uses a full JSON Schema
 * validator); anything richer is not checked offline.
 */
import type { EnforcementLevel, Policy } from "@pulumi/policy";

const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/** What config resolution needs of a policy (a `Policy`, or a policy's `AnalyzerInfo` entry). */
export type PolicyConfigInfo = Pick<Policy, "name" | "enforcementLevel" | "configSchema">;

/** One policy's resolved configuration. */
export interface ResolvedPolicyConfig {
    readonly enforcementLevel: EnforcementLevel;
    readonly properties: Readonly<Record<string, unknown>>;
}

function isLevel(value: unknown): value is EnforcementLevel {
    return typeof value === "string" && (LEVELS as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

interface GivenConfig {
    level?: EnforcementLevel;
    properties: Record<string, unknown>;
}

function normalize(key: string, value: unknown): GivenConfig {
    if (typeof value === "string") {
        if (!isLevel(value)) {
            throw new Error(`policy pack config ${key}: "${value}" is not a valid enforcement level (${LEVELS.join(", ")})`);
        }
        return { level: value, properties: {} };
    }
    if (!isRecord(value)) {
        throw new Error(`policy pack config ${key}: expected an enforcement level or an object, got ${JSON.stringify(value)}`);
    }
    const { enforcementLevel, ...properties } = value;
    if (enforcementLevel !== undefined && !isLevel(enforcementLevel)) {
        throw new Error(`policy pack config ${key}: ${JSON.stringify(enforcementLevel)} is not a valid enforcement level`);
    }
    return { level: enforcementLevel, properties };
}

function jsonType(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return "array";
    if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
    return typeof value;
}

function typeMatches(expected: unknown, value: unknown): boolean {
    const types = Array.isArray(expected) ? expected : [expected];
    const actual = jsonType(value);
    return types.some((t) => t === actual || (t === "number" && actual === "integer"));
}

function validate(policyName: string, schema: Policy["configSchema"], properties: Record<string, unknown>): string[] {
    if (!schema) return [];
    const errors: string[] = [];
    for (const key of schema.required ?? []) {
        if (!(key in properties)) errors.push(`${policyName}: ${key} is required`);
    }
    for (const [key, value] of Object.entries(properties)) {
        const prop = schema.properties[key] as Record<string, unknown> | undefined;
        if (!prop) continue;
        if (prop["type"] !== undefined && !typeMatches(prop["type"], value)) {
            // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the SDK message prints the schema type as given
            errors.push(`${policyName}: ${key}: Invalid type. Expected: ${String(prop["type"])}, given: ${jsonType(value)}`);
        }
        const allowed = prop["enum"];
        if (Array.isArray(allowed) && !allowed.some((a) => JSON.stringify(a) === JSON.stringify(value))) {
            errors.push(`${policyName}: ${key} must be one of ${JSON.stringify(allowed)}`);
        }
    }
    return errors;
}

/**
 * Resolves every policy's enforcement level and config properties.
 * @param packLevel the pack's default level (`PolicyPack` uses "advisory" when none is given).
 * @throws when the config names an invalid level or fails the policies' config schemas.
 */
export function resolvePolicyConfig(
    policies: readonly PolicyConfigInfo[],
    packLevel: EnforcementLevel,
    config: Readonly<Record<string, unknown>> = {},
): Map<string, ResolvedPolicyConfig> {
    const result = new Map<string, { enforcementLevel: EnforcementLevel; properties: Record<string, unknown> }>();
    for (const policy of policies) {
        const defaults: Record<string, unknown> = {};
        for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
            const record = schema as Record<string, unknown>;
            if ("default" in record) defaults[key] = record["default"];
        }
        result.set(policy.name, { enforcementLevel: policy.enforcementLevel || packLevel, properties: defaults });
    }
    const given = Object.entries(config).map(([key, value]) => [key, normalize(key, value)] as const);
    const all = given.find(([key]) => key === "all")?.[1];
    if (all?.level) {
        for (const entry of result.values()) entry.enforcementLevel = all.level;
    }
    for (const [key, value] of given) {
        const entry = result.get(key) ?? { enforcementLevel: packLevel, properties: {} };
        if (value.level) entry.enforcementLevel = value.level;
        Object.assign(entry.properties, value.properties);
        result.set(key, entry);
    }
    const errors = policies.flatMap((p) => validate(p.name, p.configSchema, result.get(p.name)?.properties ?? {}));
    if (errors.length > 0) {
        throw new Error(`policy pack configuration is invalid:\n${errors.join("\n")}`);
    }
    return result;
}
