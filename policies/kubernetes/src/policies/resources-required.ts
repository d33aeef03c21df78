import { asRecord, asString, gatekeeper, seedTags } from "@platform/policy-kit";
import { containerPolicy } from "../container-policy.js";

const NEEDED = ["requests.cpu", "requests.memory", "limits.cpu", "limits.memory"] as const;

/** CPU and memory requests and limits on every container (seeds 001, 003, 004): the scheduler places pods by requests, limits stop a neighbour starving the node. */
export const resourcesRequired = containerPolicy({
    name: "kubernetes-resources-required",
    description: "Containers set CPU and memory requests and limits.",
    severity: "medium",
    framework: gatekeeper({ K8sContainerLimits: "Container Limits", K8sRequiredResources: "Required Resources" }),
    tags: seedTags("001", "003", "004"),
    remediationSteps:
        "Set resources.requests.cpu, resources.requests.memory, resources.limits.cpu and resources.limits.memory on every container (seed 004: requests 1 CPU / 2Gi, limits 2 CPU / 4Gi).",
    url: "https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/",
    check: (c) => {
        const resources = asRecord(c.props["resources"]);
        const missing = NEEDED.filter((path) => {
            const [group = "", kind = ""] = path.split(".");
            const value = asRecord(resources?.[group])?.[kind];
            return asString(value) === undefined && typeof value !== "number";
        });
        return missing.length === 0 ? undefined : `does not set resources ${missing.join(", ")}; set CPU and memory requests and limits`;
    },
});
