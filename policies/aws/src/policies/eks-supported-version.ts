import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asNonEmptyString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES, kubernetesMinor, OLDEST_SUPPORTED_KUBERNETES_VERSION } from "@platform/facts";

/**
 * EKS clusters pin a Kubernetes version no older than the oldest one the platform supports
 * (CKV_AWS_339; seed 001 "Kubernetes 1.28+"; the platform's floor is `OLDEST_SUPPORTED_KUBERNETES_VERSION`
 * of `@platform/facts`, inside EKS standard support). Older versions stop getting fixes and move to
 * paid extended support; an unpinned version lets EKS pick one and drift between environments.
 */
export const eksSupportedVersion: ResourceValidationPolicy = {
    name: "aws-eks-supported-version",
    description: `EKS clusters pin a Kubernetes version of at least ${OLDEST_SUPPORTED_KUBERNETES_VERSION}.`,
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_AWS_339: "Ensure EKS clusters run on a supported Kubernetes version" }),
    remediationSteps: `Set version to a supported minor version (${OLDEST_SUPPORTED_KUBERNETES_VERSION} or newer, e.g. the profile's), and upgrade one minor version at a time, dev first.`,
    url: "https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.eksCluster], (props, args, reportViolation) => {
        const fix = `set version to ${OLDEST_SUPPORTED_KUBERNETES_VERSION} or newer`;
        const version = asNonEmptyString(props["version"]);
        if (version === undefined) {
            reportViolation(`EKS cluster ${args.name} does not set version, so EKS picks one and environments drift apart; ${fix}.`);
            return;
        }
        const minor = kubernetesMinor(version);
        const floor = kubernetesMinor(OLDEST_SUPPORTED_KUBERNETES_VERSION);
        if (minor === undefined || floor === undefined) {
            reportViolation(`EKS cluster ${args.name} has version "${version}", which is not a <major>.<minor> version; ${fix}.`);
            return;
        }
        if (minor[0] < floor[0] || (minor[0] === floor[0] && minor[1] < floor[1])) {
            reportViolation(
                `EKS cluster ${args.name} runs Kubernetes ${version}, older than ${OLDEST_SUPPORTED_KUBERNETES_VERSION}; ${fix}.`,
            );
        }
    }),
};
