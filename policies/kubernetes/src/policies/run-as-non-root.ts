import { asNumber, gatekeeper, seedTags } from "@platform/policy-kit";
import { containerPolicy } from "../container-policy.js";
import { effectiveSecurity } from "../workloads.js";

/**
 * Containers run as a non-root user (seed 001, Gatekeeper rule 2): `runAsNonRoot: true` on the
 * container or the pod, and never `runAsUser: 0`. Unset is a violation: the image's USER decides,
 * which is root for most base images.
 */
export const runAsNonRoot = containerPolicy({
    name: "kubernetes-run-as-non-root",
    description: "Containers run as a non-root user.",
    severity: "high",
    framework: gatekeeper({ K8sPSPAllowedUsers: "Allowed users" }),
    tags: seedTags("001"),
    remediationSteps:
        "Set securityContext.runAsNonRoot: true on the pod (or every container) and a non-zero runAsUser, e.g. 10001; build the image with a non-root USER.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    check: (c, pod) => {
        if (asNumber(effectiveSecurity(pod, c, "runAsUser")) === 0)
            return "runs as user 0 (root); set runAsUser to a non-zero user and runAsNonRoot: true";
        return effectiveSecurity(pod, c, "runAsNonRoot") === true
            ? undefined
            : "does not set runAsNonRoot: true (the image's user decides, often root); set it on the pod or the container";
    },
});
