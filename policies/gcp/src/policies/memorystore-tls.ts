import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/** Memorystore for Redis encrypts in transit (CKV_GCP_97): `transitEncryptionMode: SERVER_AUTHENTICATION`. Unset is `DISABLED`. */
export const memorystoreTls: ResourceValidationPolicy = {
    name: "gcp-memorystore-tls",
    description: "Memorystore for Redis instances encrypt connections with TLS.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV_GCP_97: "Ensure Memorystore for Redis uses intransit encryption" }),
    remediationSteps: 'Set transitEncryptionMode: "SERVER_AUTHENTICATION" and give clients the instance\'s CA (serverCaCerts).',
    url: "https://cloud.google.com/memorystore/docs/redis/in-transit-encryption",
    validateResource: validateResourceOfTypes([GCP_TYPES.redisInstance], (props, args, reportViolation) => {
        const mode = asString(props["transitEncryptionMode"]);
        if (mode !== "SERVER_AUTHENTICATION") {
            reportViolation(
                `Memorystore instance ${args.name} ${mode === undefined ? "does not set transitEncryptionMode" : `sets transitEncryptionMode: ${mode}`}; set it to "SERVER_AUTHENTICATION".`,
            );
        }
    }),
};
