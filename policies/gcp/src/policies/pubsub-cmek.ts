import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asNonEmptyString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/**
 * Pub/Sub topics encrypt their messages with a customer-managed key (CKV_GCP_83): the platform's
 * data key, whose rotation, access and destruction the platform controls, instead of a
 * Google-managed key. Unset is Google-managed.
 */
export const pubsubCmek: ResourceValidationPolicy = {
    name: "gcp-pubsub-cmek",
    description: "Pub/Sub topics encrypt with a customer-managed Cloud KMS key.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_GCP_83: "Ensure PubSub Topics are encrypted with Customer Supplied Encryption Keys (CSEK)" }),
    remediationSteps:
        "Set kmsKeyName to the foundation's data key, and grant the Pub/Sub service agent roles/cloudkms.cryptoKeyEncrypterDecrypter on it.",
    url: "https://cloud.google.com/pubsub/docs/encryption",
    validateResource: validateResourceOfTypes([GCP_TYPES.pubsubTopic], (props, args, reportViolation) => {
        if (asNonEmptyString(props["kmsKeyName"]) === undefined) {
            reportViolation(`Pub/Sub topic ${args.name} does not set kmsKeyName, so Google manages its key; set the data key.`);
        }
    }),
};
