/** A stack of one environment for the aws pack's stack-policy tests: an AWS provider tagged with it. */
import type { Policy } from "@pulumi/policy";
import { evaluatePack, type EvaluatedResource, expectedViolation, ownershipTags, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";

export function environmentStack(environment: string) {
    const s = new StackFixture({ stack: environment });
    const provider = s.awsProvider("aws", ownershipTags(environment), { jsonEncoded: true });
    const add = (
        type: string,
        name: string,
        props: Record<string, unknown>,
        extra: { propertyDependencies?: Record<string, EvaluatedResource[]>; id?: string } = {},
    ) => s.custom(type, name, props, { provider, ...extra });
    return { s, add };
}

export function runPolicy(policy: Policy, s: StackFixture) {
    return evaluatePack({ name: packName, policies: [policy] }, s.build());
}

export function violation(policy: Policy, urn: string | null, detail: string) {
    return expectedViolation(packName, policy, urn, detail);
}
