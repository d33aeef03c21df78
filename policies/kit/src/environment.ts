/**
 * The environment a stack or resource belongs to, read from the `environment` tag/label the
 * platform puts on every provider's `defaultTags` / `defaultLabels`. Environment-dependent policies
 * use it instead of the stack name, which is free-form. Which environments are production is a
 * fact of `@platform/facts` (`isProductionEnvironment`, `PRODUCTION_ENVIRONMENTS`).
 */
import { isProductionEnvironment, PULUMI_TYPES, type RequiredTagKey } from "@platform/facts";
import { awsDefaultTags, gcpDefaultLabels, resourceTags, type TaggedResourceLike } from "./tags.js";

/** The ownership tag/label that names the environment. */
export const ENVIRONMENT_KEY: RequiredTagKey = "environment";

/** The `environment` default tag/label of an AWS or GCP provider resource. */
export function providerEnvironment(provider: TaggedResourceLike): string | undefined {
    if (provider.type === PULUMI_TYPES.awsProvider) return awsDefaultTags(provider.props)[ENVIRONMENT_KEY] || undefined;
    if (provider.type === PULUMI_TYPES.gcpProvider) return gcpDefaultLabels(provider.props)[ENVIRONMENT_KEY] || undefined;
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
