/**
 * The environment a stack or resource belongs to, read from the `environment` tag/label the
 * platform puts on every provider's `defaultTags` / `defaultLabels`. Environment-dependent policies
 * (ha-in-prod, kms-prevent-destroy) use it instead of the stack name, which is free-form.
 */
import { awsDefaultTags, gcpDefaultLabels, resourceTags, type TaggedResourceLike } from "./tags.js";

export const ENVIRONMENT_KEY = "environment";

/**
 * Environments held to production rules (dr is a standby prod). Packs run standalone in the
 * analyzer and do not load @platform/core; tests/src/stack-config.test.ts keeps this list equal
 * to core's `isProductionEnvironment`.
 */
export const PRODUCTION_ENVIRONMENTS: readonly string[] = ["prod", "dr"];

export function isProductionEnvironment(environment: string | undefined): boolean {
    return environment !== undefined && PRODUCTION_ENVIRONMENTS.includes(environment);
}

/** The `environment` default tag/label of an AWS or GCP provider resource. */
export function providerEnvironment(provider: TaggedResourceLike): string | undefined {
    if (provider.type === "pulumi:providers:aws") return awsDefaultTags(provider.props)[ENVIRONMENT_KEY] || undefined;
    if (provider.type === "pulumi:providers:gcp") return gcpDefaultLabels(provider.props)[ENVIRONMENT_KEY] || undefined;
    return undefined;
}

/** The `environment` of one resource: its effective tags/labels (own over its provider's defaults). */
export function resourceEnvironment(resource: TaggedResourceLike): string | undefined {
    return resourceTags(resource)[ENVIRONMENT_KEY] || undefined;
}

/**
 * Every environment a stack declares, sorted: from its providers' default tags/labels, or, when no
 * provider declares one, from its resources' tags/labels. [] when nothing declares one.
 */
export function stackEnvironments(resources: readonly TaggedResourceLike[]): string[] {
    const fromProviders = resources.map(providerEnvironment).filter((e): e is string => e !== undefined);
    const found = fromProviders.length > 0 ? fromProviders : resources.map(resourceEnvironment).filter((e): e is string => e !== undefined);
    return [...new Set(found)].sort();
}

/** True when any environment the stack declares is prod or dr (a mixed stack gets the stricter rules). */
export function isProductionStack(resources: readonly TaggedResourceLike[]): boolean {
    return stackEnvironments(resources).some(isProductionEnvironment);
}
