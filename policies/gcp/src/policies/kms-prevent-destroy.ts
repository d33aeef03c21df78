import type { ResourceValidationPolicy } from "@pulumi/policy";
import { checkov, resourceEnvironment, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES, isProductionEnvironment } from "@platform/facts";

/**
 * In prod and dr, crypto keys and key rings carry `protect: true` (CKV_GCP_82's intent): destroying
 * a key makes everything it encrypted unreadable, so a refactor or a stack removal must never
 * delete one. A resource policy, so the violation blocks before anything is created; the
 * environment is the resource's `environment` label over its provider's `defaultLabels`.
 */
export const kmsPreventDestroy: ResourceValidationPolicy = {
    name: "gcp-kms-prevent-destroy",
    description: "Cloud KMS keys and key rings are protected from deletion in prod and dr.",
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: checkov({ CKV_GCP_82: "Ensure KMS keys are protected from deletion" }),
    remediationSteps: "Set the resource option protect: true on crypto keys and key rings in prod and dr.",
    url: "https://www.pulumi.com/docs/iac/concepts/resources/options/protect/",
    validateResource: validateResourceOfTypes([GCP_TYPES.cryptoKey, GCP_TYPES.keyRing], (_props, args, reportViolation) => {
        const environment = resourceEnvironment(args);
        if (!isProductionEnvironment(environment) || args.opts.protect) return;
        const kind = args.type === GCP_TYPES.keyRing ? "key ring" : "crypto key";
        reportViolation(
            `${kind} ${args.name} is in environment ${environment} but not protected; set the resource option protect: true so Pulumi never deletes it (data it encrypted would become unreadable).`,
        );
    }),
};
