import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * Symmetric KMS keys rotate their key material yearly (CKV_AWS_7). AWS leaves rotation off unless
 * asked, so unset is a violation. Asymmetric and HMAC keys cannot rotate automatically and are
 * not applicable.
 */
export const kmsRotation: ResourceValidationPolicy = {
    name: "aws-kms-rotation",
    description: "Symmetric KMS keys have automatic key rotation enabled.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_AWS_7: "Ensure rotation for customer created CMKs is enabled" }),
    remediationSteps:
        "Set enableKeyRotation: true on symmetric encryption keys; AWS then rotates the key material yearly (rotationPeriodInDays shortens the period).",
    url: "https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.kmsKey], (props, args, reportViolation) => {
        const spec = asString(props["keySpec"]) ?? asString(props["customerMasterKeySpec"]) ?? "SYMMETRIC_DEFAULT";
        const usage = asString(props["keyUsage"]) ?? "ENCRYPT_DECRYPT";
        if (spec !== "SYMMETRIC_DEFAULT" || usage !== "ENCRYPT_DECRYPT") {
            args.notApplicable("automatic rotation applies to symmetric encryption keys only");
        }
        const rotation: unknown = props["enableKeyRotation"];
        if (rotation === true) return;
        const state =
            rotation === undefined
                ? "does not set enableKeyRotation (AWS leaves rotation off)"
                : `sets enableKeyRotation: ${JSON.stringify(rotation)}`;
        reportViolation(`KMS key ${args.name} ${state}; set enableKeyRotation: true.`);
    }),
};
