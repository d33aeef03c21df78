import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import {
    asArray,
    asRecord,
    asString,
    asStringArray,
    resourcesOfTypes,
    seedTags,
    tryRead,
    withoutPropertiesYet,
} from "@platform/policy-kit";
import { KUBERNETES_TYPES } from "@platform/facts";
import { labelsOf } from "../workloads.js";

/** The label PlatformNamespace puts on add-on namespaces (`@platform/workload` NAMESPACE_KIND_LABEL). */
export const NAMESPACE_KIND_LABEL = "platform.io/namespace-kind";

/** A NetworkPolicy that selects every pod and denies all ingress: `podSelector: {}`, Ingress in policyTypes, no ingress rules. */
function isDefaultDeny(policy: PolicyResource): boolean {
    const spec = asRecord(policy.props["spec"]);
    const selector = asRecord(spec?.["podSelector"]);
    // An empty selector (`{}`, or empty matchLabels / matchExpressions) selects every pod.
    const empty = (v: unknown) =>
        v === undefined || (Array.isArray(v) ? v.length === 0 : Object.keys(asRecord(v) ?? { notEmpty: true }).length === 0);
    const everyPod = selector !== undefined && Object.values(selector).every(empty);
    return everyPod && asStringArray(spec?.["policyTypes"]).includes("Ingress") && (asArray(spec?.["ingress"]) ?? []).length === 0;
}

/**
 * Every app namespace the stack creates has a default-deny NetworkPolicy (seeds 004 `default-deny-ingress`,
 * 000): pods receive only the traffic a policy allows. Namespaces labelled
 * `platform.io/namespace-kind: system` (the add-ons', whose controllers talk to the API server and
 * cloud APIs on paths their charts do not declare) are exempt.
 */
export const namespaceDefaultDeny: StackValidationPolicy = {
    name: "kubernetes-namespace-default-deny",
    description: "Every app namespace has a default-deny NetworkPolicy.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: seedTags("000", "004"),
    remediationSteps:
        "Create a NetworkPolicy in the namespace with podSelector: {} and policyTypes: [Ingress, Egress] and no rules (PlatformNamespace does), then allow each workload's traffic explicitly.",
    url: "https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies",
    validateStack: (args, reportViolation) => {
        // Values unknown in a preview, and objects of a provider not configured yet (no properties), are not judged.
        const networkPolicies = resourcesOfTypes(args.resources, KUBERNETES_TYPES.networkPolicy);
        if (networkPolicies.some(withoutPropertiesYet)) return;
        const policies = networkPolicies.map((p) =>
            tryRead(() => (isDefaultDeny(p) ? asString(asRecord(p.props["metadata"])?.["namespace"]) : undefined)),
        );
        if (policies.some((p) => !p.known)) return;
        const denied = new Set(policies.map((p) => (p.known ? p.value : undefined)));
        for (const ns of resourcesOfTypes(args.resources, KUBERNETES_TYPES.namespace)) {
            if (withoutPropertiesYet(ns)) continue;
            const read = tryRead(() => {
                const metadata = asRecord(ns.props["metadata"]);
                return { name: asString(metadata?.["name"]) ?? ns.name, kind: labelsOf(metadata)[NAMESPACE_KIND_LABEL] };
            });
            if (!read.known || read.value.kind === "system" || denied.has(read.value.name)) continue;
            reportViolation(
                `Namespace ${read.value.name} has no default-deny NetworkPolicy; add one (podSelector: {}, policyTypes: [Ingress, Egress], no rules).`,
                ns.urn,
            );
        }
    },
};
