import { asRecord, asString, gatekeeper } from "@platform/policy-kit";
import { containerPolicy } from "../container-policy.js";
import { effectiveSecurity } from "../workloads.js";

/** A seccomp profile (RuntimeDefault, or a Localhost profile) on the container or the pod; unset is Unconfined, a violation. */
export const seccompRuntimeDefault = containerPolicy({
    name: "kubernetes-seccomp-runtime-default",
    description: "Containers run with the RuntimeDefault (or a Localhost) seccomp profile.",
    severity: "medium",
    framework: gatekeeper({ K8sPSPSeccomp: "Seccomp" }),
    remediationSteps: 'Set securityContext.seccompProfile: { type: "RuntimeDefault" } on the pod (or every container).',
    url: "https://kubernetes.io/docs/tutorials/security/seccomp/",
    check: (c, pod) => {
        const type = asString(asRecord(effectiveSecurity(pod, c, "seccompProfile"))?.["type"]);
        if (type === "RuntimeDefault" || type === "Localhost") return undefined;
        return type === undefined
            ? 'has no seccomp profile (Unconfined); set seccompProfile.type: "RuntimeDefault" on the pod or the container'
            : `uses the ${type} seccomp profile; use RuntimeDefault`;
    },
});
