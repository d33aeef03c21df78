/**
 * Application Load Balancers and what configures them: listeners (through `loadBalancerArn`) and
 * WAFv2 associations (through `resourceArn`), matched by property dependency, known ARN or
 * dependency like every other reference between resources.
 */
import type { PolicyResource } from "@pulumi/policy";
import { asString, referencedResources, resourcesOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/** Application Load Balancers of the stack (unset `loadBalancerType` is application, the provider's default). */
export function applicationLoadBalancers(resources: readonly PolicyResource[]): PolicyResource[] {
    return resourcesOfTypes(resources, AWS_TYPES.lbLoadBalancer).filter(
        (lb) => (asString(lb.props["loadBalancerType"]) ?? "application") === "application",
    );
}

/** Internet-facing: `internal` is not true (unset is internet-facing, the provider's default). */
export function isInternetFacing(lb: PolicyResource): boolean {
    return lb.props["internal"] !== true;
}

/** The listeners of a load balancer. */
export function listenersOf(lb: PolicyResource, resources: readonly PolicyResource[]): PolicyResource[] {
    return resourcesOfTypes(resources, AWS_TYPES.lbListener).filter((l) => referencedResources(l, "loadBalancerArn", [lb]).length > 0);
}

/** The listeners of the stack's application load balancers, with their load balancer. */
export function applicationListeners(resources: readonly PolicyResource[]): Array<{ listener: PolicyResource; lb: PolicyResource }> {
    return applicationLoadBalancers(resources).flatMap((lb) => listenersOf(lb, resources).map((listener) => ({ listener, lb })));
}
