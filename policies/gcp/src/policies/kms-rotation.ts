import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/** The longest rotation period allowed: 90 days (CKV_GCP_43). */
export const MAX_ROTATION_SECONDS = 90 * 24 * 60 * 60;

/** Seconds in a protobuf duration string such as "7776000s" or "86400.5s"; undefined otherwise. */
export function durationSeconds(value: string): number | undefined {
    const match = /^(\d+(?:\.\d+)?)s$/.exec(value);
    return match ? Number(match[1]) : undefined;
}

/**
 * Symmetric crypto keys rotate at least every 90 days (CKV_GCP_43). Without `rotationPeriod` a key
 * never rotates. Asymmetric and MAC keys cannot rotate automatically and are not applicable.
 */
export const kmsRotation: ResourceValidationPolicy = {
    name: "gcp-kms-rotation",
    description: "Symmetric Cloud KMS keys rotate at least every 90 days.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_GCP_43: "Ensure KMS encryption keys are rotated within a period of 90 days" }),
    remediationSteps: `Set rotationPeriod on symmetric crypto keys to at most "${MAX_ROTATION_SECONDS}s" (90 days).`,
    url: "https://cloud.google.com/kms/docs/key-rotation",
    validateResource: validateResourceOfTypes([GCP_TYPES.cryptoKey], (props, args, reportViolation) => {
        const purpose = asString(props["purpose"]) ?? "ENCRYPT_DECRYPT";
        if (purpose !== "ENCRYPT_DECRYPT") args.notApplicable(`keys with purpose ${purpose} cannot rotate automatically`);
        const fix = `set rotationPeriod to at most "${MAX_ROTATION_SECONDS}s" (90 days).`;
        const period = asString(props["rotationPeriod"]);
        if (period === undefined) {
            reportViolation(`crypto key ${args.name} does not set rotationPeriod, so it never rotates; ${fix}`);
            return;
        }
        const seconds = durationSeconds(period);
        if (seconds === undefined) {
            reportViolation(
                `crypto key ${args.name} has rotationPeriod "${period}", which is not a duration in seconds like "7776000s"; ${fix}`,
            );
        } else if (seconds > MAX_ROTATION_SECONDS) {
            reportViolation(
                `crypto key ${args.name} rotates every ${Number((seconds / 86400).toFixed(1))} days (rotationPeriod "${period}"); ${fix}`,
            );
        }
    }),
};
