import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asRecord, seedTags, validateResourceOfTypes } from "@platform/policy-kit";
import { KUBERNETES_TYPES } from "@platform/facts";
import { labelsOf, objectLabel } from "../workloads.js";

const ENFORCE = "pod-security.kubernetes.io/enforce";
const ALLOWED = ["restricted", "baseline"];

/**
 * Namespaces enforce Pod Security Standards at `restricted` or `baseline` (seeds 002, 003 S13):
 * the admission controller then refuses privileged pods whatever created them (Helm charts
 * included, which this pack cannot see into). Unset means `privileged`, a violation.
 */
export const namespacePodSecurity: ResourceValidationPolicy = {
    name: "kubernetes-namespace-pod-security",
    description: "Namespaces enforce the restricted or baseline Pod Security Standard.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: seedTags("002", "003"),
    remediationSteps: `Label the namespace ${ENFORCE}: restricted (baseline only for a system add-on that needs it), with a pinned ${ENFORCE}-version; the platform's PlatformNamespace does.`,
    url: "https://kubernetes.io/docs/concepts/security/pod-security-admission/",
    validateResource: validateResourceOfTypes([KUBERNETES_TYPES.namespace], (props, args, reportViolation) => {
        const level = labelsOf(asRecord(props["metadata"]))[ENFORCE];
        if (level !== undefined && ALLOWED.includes(level)) return;
        reportViolation(
            `${objectLabel(args.type, props, args.name)} ${level === undefined ? `has no ${ENFORCE} label (privileged)` : `enforces ${level}`}; label it ${ENFORCE}: restricted.`,
        );
    }),
};
