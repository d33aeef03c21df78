import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asRecord, gatekeeper, validateResourceOfTypes } from "@platform/policy-kit";
import { KUBERNETES_TYPES } from "@platform/facts";
import { objectLabel } from "../workloads.js";

function isZero(value: unknown): boolean {
    return value === 0 || value === "0" || value === "0%";
}

/**
 * PodDisruptionBudgets allow at least one voluntary disruption: `maxUnavailable: 0` or
 * `minAvailable: 100%` blocks every node drain (upgrades, Karpenter consolidation) forever.
 */
export const pdbNotZeroDisruption: ResourceValidationPolicy = {
    name: "kubernetes-pdb-not-zero-disruption",
    description: "PodDisruptionBudgets allow at least one voluntary disruption.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: gatekeeper({ K8sPodDisruptionBudget: "Pod Disruption Budget" }),
    tags: ["seed-003"],
    remediationSteps: "Set maxUnavailable: 1 (or a minAvailable below the replica count); never maxUnavailable: 0 or minAvailable: 100%.",
    url: "https://kubernetes.io/docs/tasks/run-application/configure-pdb/",
    validateResource: validateResourceOfTypes([KUBERNETES_TYPES.podDisruptionBudget], (props, args, reportViolation) => {
        const spec = asRecord(props["spec"]);
        const label = objectLabel(args.type, props, args.name);
        if (spec?.["maxUnavailable"] === undefined && spec?.["minAvailable"] === undefined) {
            reportViolation(`${label} sets neither maxUnavailable nor minAvailable; set maxUnavailable: 1.`);
        } else if (isZero(spec?.["maxUnavailable"])) {
            reportViolation(`${label} sets maxUnavailable: 0, which blocks every node drain; allow at least one disruption.`);
        } else if (spec?.["minAvailable"] === "100%") {
            reportViolation(`${label} sets minAvailable: 100%, which blocks every node drain; allow at least one disruption.`);
        }
    }),
};
