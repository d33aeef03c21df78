import { asRecord, gatekeeper, seedTags } from "@platform/policy-kit";
import { containerPolicy } from "../container-policy.js";

/** No privileged containers (seed 001, Gatekeeper rule 1): a privileged container is root on the node. Unset is unprivileged. */
export const noPrivileged = containerPolicy({
    name: "kubernetes-no-privileged",
    description: "Containers are not privileged.",
    severity: "critical",
    framework: gatekeeper({ K8sPSPPrivilegedContainer: "Privileged containers" }),
    tags: seedTags("001"),
    remediationSteps:
        "Remove securityContext.privileged: true (or set it to false); grant the one capability the process needs instead, or run the task on a node agent outside the workload.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    check: (c) =>
        asRecord(c.props["securityContext"])?.["privileged"] === true
            ? "is privileged (root on the node); remove securityContext.privileged"
            : undefined,
});
