import { asRecord, asStringArray, gatekeeper } from "@platform/policy-kit";
import { containerPolicy } from "../container-policy.js";

/** Capabilities dropped: `drop: [ALL]`, and at most NET_BIND_SERVICE added back (Pod Security restricted). */
export const dropAllCapabilities = containerPolicy({
    name: "kubernetes-drop-all-capabilities",
    description: "Containers drop all capabilities and add back at most NET_BIND_SERVICE.",
    severity: "high",
    framework: gatekeeper({ K8sPSPCapabilities: "Capabilities" }),
    remediationSteps:
        'Set securityContext.capabilities: { drop: ["ALL"] } on every container; add back only NET_BIND_SERVICE, and only to bind a port below 1024.',
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    check: (c) => {
        const caps = asRecord(asRecord(c.props["securityContext"])?.["capabilities"]);
        const added = asStringArray(caps?.["add"]).filter((cap) => cap !== "NET_BIND_SERVICE");
        if (!asStringArray(caps?.["drop"]).includes("ALL"))
            return 'does not drop all capabilities; set securityContext.capabilities.drop: ["ALL"]';
        return added.length > 0 ? `adds capabilities ${added.join(", ")}; add back at most NET_BIND_SERVICE` : undefined;
    },
});
