import type { ResourceValidationPolicy } from "@pulumi/policy";
import { gatekeeper, seedTags, validateResourceOfTypes } from "@platform/policy-kit";
import { objectLabel, podTemplate, WORKLOAD_TYPES } from "../workloads.js";

const HOST_FIELDS = ["hostPID", "hostIPC", "hostNetwork"] as const;

/** No host namespaces (seed 001, Gatekeeper rule 6): hostPID, hostIPC and hostNetwork stay false (unset is false). */
export const noHostNamespaces: ResourceValidationPolicy = {
    name: "kubernetes-no-host-namespaces",
    description: "Pods do not share the node's PID, IPC or network namespace.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: gatekeeper({ K8sPSPHostNamespace: "Host Namespace", K8sPSPHostNetworkingPorts: "Host Networking Ports" }),
    tags: seedTags("001"),
    remediationSteps:
        "Remove hostPID, hostIPC and hostNetwork from the pod spec (or set them to false); node-level agents belong to the platform's system namespaces.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    validateResource: validateResourceOfTypes(WORKLOAD_TYPES, (props, args, reportViolation) => {
        const { spec } = podTemplate(args.type, props);
        const shared = HOST_FIELDS.filter((f) => spec?.[f] === true);
        if (shared.length > 0) {
            reportViolation(`${objectLabel(args.type, props, args.name)} sets ${shared.map((f) => `${f}: true`).join(", ")}; remove them.`);
        }
    }),
};
