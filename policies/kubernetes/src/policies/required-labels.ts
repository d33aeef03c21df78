import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asRecord, gatekeeper, seedTags, validateResourceOfTypes } from "@platform/policy-kit";
import { KUBERNETES_TYPES, REQUIRED_WORKLOAD_LABELS } from "@platform/facts";
import { labelsOf, objectLabel, podTemplate, WORKLOAD_TYPES } from "../workloads.js";

/**
 * The labels app, version, environment and team (seed 001, Gatekeeper rule 7 `pod-must-have-labels`)
 * on every workload and on its pod template (so the pods carry them too). `environment` is also
 * how kubernetes-min-replicas-prod knows the environment.
 */
export const requiredLabels: ResourceValidationPolicy = {
    name: "kubernetes-required-labels",
    description: "Workloads and their pods carry the labels app, version, environment and team.",
    enforcementLevel: "mandatory",
    severity: "low",
    framework: gatekeeper({ K8sRequiredLabels: "Required Labels" }),
    tags: seedTags("001", "003"),
    remediationSteps:
        "Set metadata.labels app, version, environment and team (non-empty) on the workload and on its pod template; the golden-path Workload sets them.",
    url: "https://open-policy-agent.github.io/gatekeeper-library/website/validation/requiredlabels",
    validateResource: validateResourceOfTypes(WORKLOAD_TYPES, (props, args, reportViolation) => {
        const label = objectLabel(args.type, props, args.name);
        const places: Array<[string, Record<string, string>]> = [["metadata.labels", labelsOf(asRecord(props["metadata"]))]];
        if (args.type !== KUBERNETES_TYPES.pod) {
            places.push(["the pod template's labels", labelsOf(podTemplate(args.type, props).metadata)]);
        }
        for (const [where, labels] of places) {
            const missing = REQUIRED_WORKLOAD_LABELS.filter((key) => !labels[key]);
            if (missing.length > 0) {
                reportViolation(`${label} lacks ${missing.join(", ")} in ${where}; set app, version, environment and team.`);
            }
        }
    }),
};
