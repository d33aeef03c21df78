import type { ResourceValidationPolicy } from "@pulumi/policy";
import { checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/** Memorystore for Redis requires AUTH (CKV_GCP_95): a client in the network needs the AUTH string too. Unset is off. */
export const memorystoreAuth: ResourceValidationPolicy = {
    name: "gcp-memorystore-auth",
    description: "Memorystore for Redis instances require AUTH.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV_GCP_95: "Ensure Memorystore for Redis has AUTH enabled" }),
    remediationSteps: "Set authEnabled: true and keep the generated authString in Secret Manager (never a stack output).",
    url: "https://cloud.google.com/memorystore/docs/redis/about-redis-auth",
    validateResource: validateResourceOfTypes([GCP_TYPES.redisInstance], (props, args, reportViolation) => {
        if (props["authEnabled"] !== true) {
            reportViolation(
                `Memorystore instance ${args.name} ${props["authEnabled"] === undefined ? "does not set authEnabled" : "sets authEnabled: false"}; set it to true.`,
            );
        }
    }),
};
