/** The production environment a resource belongs to, for the gcp pack's prod-only rules. */
import type { PolicyResource } from "@pulumi/policy";
import { resourceEnvironment, stackEnvironments } from "@platform/policy-kit";
import { isProductionEnvironment } from "@platform/facts";

/** `prod` or `dr` from the resource's own labels (over its provider's defaults), else the stack's production environments, else undefined. */
export function productionEnvironmentOf(resource: PolicyResource, resources: readonly PolicyResource[]): string | undefined {
    const own = resourceEnvironment(resource);
    if (isProductionEnvironment(own)) return own;
    const stack = stackEnvironments(resources).filter(isProductionEnvironment);
    return stack.length > 0 ? stack.join("/") : undefined;
}
