/** The production environment a resource belongs to, for the aws pack's prod-only rules. */
import type { PolicyResource } from "@pulumi/policy";
import { resourceEnvironment, stackEnvironments } from "@platform/policy-kit";
import { isProductionEnvironment } from "@platform/facts";

/**
 * `prod` or `dr` when the resource's own `environment` tag (over its provider's default tags) is a
 * production one, else the stack's production environments joined (`prod/dr`), else undefined.
 */
export function productionEnvironmentOf(resource: PolicyResource, resources: readonly PolicyResource[]): string | undefined {
    const own = resourceEnvironment(resource);
    if (isProductionEnvironment(own)) return own;
    const stack = stackEnvironments(resources).filter(isProductionEnvironment);
    return stack.length > 0 ? stack.join("/") : undefined;
}
