/** The environments the platform runs, and which of them production rules apply to. */

/** Long-lived environments. `dr` is the GCP disaster-recovery environment for prod. */
export const ENVIRONMENTS = ["dev", "staging", "prod", "dr"] as const;
export type EnvironmentName = (typeof ENVIRONMENTS)[number];

/** Environments held to production rules (protection, HA, retention floors); dr is a standby prod. */
export const PRODUCTION_ENVIRONMENTS: readonly EnvironmentName[] = ["prod", "dr"];

export function isEnvironmentName(value: unknown): value is EnvironmentName {
    return typeof value === "string" && (ENVIRONMENTS as readonly string[]).includes(value);
}

/** True for prod and dr. Accepts any string (policies read it from tags), so unknown names are non-production. */
export function isProductionEnvironment(environment: string | undefined): boolean {
    return environment !== undefined && (PRODUCTION_ENVIRONMENTS as readonly string[]).includes(environment);
}
