import { asRecord, gatekeeper } from "@platform/policy-kit";
import { containerPolicy } from "../container-policy.js";

/** No privilege escalation (setuid binaries, file capabilities): `allowPrivilegeEscalation: false`. Unset allows it, a violation. */
export const noPrivilegeEscalation = containerPolicy({
    name: "kubernetes-no-privilege-escalation",
    description: "Containers cannot escalate privileges.",
    severity: "high",
    framework: gatekeeper({ K8sPSPAllowPrivilegeEscalationContainer: "Allow Privilege Escalation in Container" }),
    remediationSteps: "Set securityContext.allowPrivilegeEscalation: false on every container.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    check: (c) =>
        asRecord(c.props["securityContext"])?.["allowPrivilegeEscalation"] === false
            ? undefined
            : "does not set securityContext.allowPrivilegeEscalation: false; set it",
});
