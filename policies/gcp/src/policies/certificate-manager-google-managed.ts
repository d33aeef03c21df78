import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asRecord, seedTags, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/**
 * Certificate Manager certificates are Google-managed (`managed`), never uploaded (`selfManaged`):
 * an uploaded certificate's private key is an input, so it sits in Pulumi state and in every
 * preview's inputs, and nothing renews it before it expires and takes the edge down. Google-managed
 * certificates are issued and renewed by Google after DNS authorization (the platform's edge,
 * GcpPublicEdge). A certificate with neither block is flagged too (Certificate Manager refuses it).
 */
export const certificateManagerGoogleManaged: ResourceValidationPolicy = {
    name: "gcp-certificate-manager-google-managed",
    description: "Certificate Manager certificates are Google-managed, never uploaded with a private key.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: seedTags("002"),
    remediationSteps:
        "Replace selfManaged with managed: { domains, dnsAuthorizations } (GcpPublicEdge does this for platform:dr.hostnames) and remove the key from config and state.",
    url: "https://cloud.google.com/certificate-manager/docs/certificates",
    validateResource: validateResourceOfTypes([GCP_TYPES.certificateManagerCertificate], (props, args, reportViolation) => {
        const managed = asRecord(props["managed"]);
        if (asRecord(props["selfManaged"]) !== undefined) {
            reportViolation(
                `Certificate Manager certificate ${args.name} is selfManaged: its private key is in Pulumi state and nothing renews it; use managed with DNS authorizations.`,
            );
        } else if (managed === undefined) {
            reportViolation(
                `Certificate Manager certificate ${args.name} sets neither managed nor selfManaged; use managed with DNS authorizations.`,
            );
        }
    }),
};
