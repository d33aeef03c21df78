import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asStringArray, checkov, resourceEnvironment, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES, isProductionEnvironment } from "@platform/facts";

/** Control-plane log types every cluster sends: who called the API, and how they authenticated. */
export const REQUIRED_LOG_TYPES = ["api", "audit", "authenticator"] as const;
/** Added in prod and dr: the controllers' and scheduler's logs, to investigate an incident to the end. */
export const PRODUCTION_LOG_TYPES = [...REQUIRED_LOG_TYPES, "controllerManager", "scheduler"] as const;

/**
 * EKS clusters send their control-plane logs to CloudWatch (CKV_AWS_37, seed rule 25 "audit/logging
 * on"): api, audit and authenticator everywhere, all five types in prod and dr. Unset means none.
 * The environment is the cluster's `environment` tag (its own, else its provider's default tags).
 */
export const eksControlPlaneLogging: ResourceValidationPolicy = {
    name: "aws-eks-control-plane-logging",
    description: "EKS clusters log api, audit and authenticator, and all five control-plane log types in prod and dr.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_AWS_37: "Ensure Amazon EKS control plane logging is enabled for all log types" }),
    remediationSteps:
        'Set enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"] (all five are required in prod and dr), and create the /aws/eks/<cluster>/cluster log group first with a retention and a KMS key.',
    url: "https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.eksCluster], (props, args, reportViolation) => {
        const environment = resourceEnvironment(args);
        const required: readonly string[] = isProductionEnvironment(environment) ? PRODUCTION_LOG_TYPES : REQUIRED_LOG_TYPES;
        const enabled = asStringArray(props["enabledClusterLogTypes"]);
        const missing = required.filter((t) => !enabled.includes(t));
        if (missing.length === 0) return;
        const where = isProductionEnvironment(environment) ? ` (${environment} needs all five)` : "";
        reportViolation(
            `EKS cluster ${args.name} does not log ${missing.join(", ")}${where}; add them to enabledClusterLogTypes (${required.join(", ")}).`,
        );
    }),
};
