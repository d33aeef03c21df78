import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";
import { ipConfigurationOf } from "../cloudsql.js";

const ENCRYPTED_MODES = ["ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"];

/**
 * Cloud SQL instances refuse unencrypted connections (CKV_GCP_6): `sslMode` `ENCRYPTED_ONLY` or
 * `TRUSTED_CLIENT_CERTIFICATE_REQUIRED` (or the older `requireSsl: true`). Unset admits plain
 * connections.
 */
export const cloudsqlSslRequired: ResourceValidationPolicy = {
    name: "gcp-cloudsql-ssl-required",
    description: "Cloud SQL instances require TLS for every connection.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV_GCP_6: "Ensure all Cloud SQL database instance requires all incoming connections to use SSL" }),
    remediationSteps:
        'Set settings.ipConfiguration.sslMode: "ENCRYPTED_ONLY" (or "TRUSTED_CLIENT_CERTIFICATE_REQUIRED" to require client certificates).',
    url: "https://cloud.google.com/sql/docs/postgres/configure-ssl-instance",
    validateResource: validateResourceOfTypes([GCP_TYPES.sqlDatabaseInstance], (props, args, reportViolation) => {
        const ip = ipConfigurationOf(props);
        const mode = asString(ip["sslMode"]);
        if ((mode !== undefined && ENCRYPTED_MODES.includes(mode)) || ip["requireSsl"] === true) return;
        const state = mode === undefined ? "does not set sslMode" : `sets sslMode: ${mode}`;
        reportViolation(`Cloud SQL instance ${args.name} ${state}, so it accepts unencrypted connections; set sslMode: "ENCRYPTED_ONLY".`);
    }),
};
