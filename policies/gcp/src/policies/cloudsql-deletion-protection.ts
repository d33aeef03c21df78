import type { StackValidationPolicy } from "@pulumi/policy";
import { resourceLabel, resourcesOfTypes, seedTags } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";
import { settingsOf } from "../cloudsql.js";
import { productionEnvironmentOf } from "../production.js";

/**
 * In prod and dr, Cloud SQL instances are protected twice against deletion: the provider's
 * `deletionProtection` (a `pulumi destroy` refuses) and the API's `settings.deletionProtectionEnabled`
 * (the console and gcloud refuse too). The provider's defaults to true; the API's is off unless set.
 */
export const cloudsqlDeletionProtection: StackValidationPolicy = {
    name: "gcp-cloudsql-deletion-protection",
    description: "Production Cloud SQL instances have deletion protection in the provider and the API.",
    enforcementLevel: "mandatory",
    severity: "high",
    // No Checkov peer; seed 002's production Cloud SQL database (`sma-database`) is what it protects.
    tags: seedTags("002"),
    remediationSteps:
        "In prod and dr, set deletionProtection: true and settings.deletionProtectionEnabled: true (the data profile's deletionProtection).",
    url: "https://cloud.google.com/sql/docs/postgres/deletion-protection",
    validateStack: (args, reportViolation) => {
        for (const db of resourcesOfTypes(args.resources, GCP_TYPES.sqlDatabaseInstance)) {
            const environment = productionEnvironmentOf(db, args.resources);
            if (environment === undefined) continue;
            const label = `Cloud SQL instance ${resourceLabel(db)}`;
            if (db.props["deletionProtection"] === false) {
                reportViolation(`${label} is in ${environment} but sets deletionProtection: false; set it to true.`, db.urn);
            }
            if (settingsOf(db.props)["deletionProtectionEnabled"] !== true) {
                reportViolation(
                    `${label} is in ${environment} but the API would delete it (settings.deletionProtectionEnabled is not true); set it to true.`,
                    db.urn,
                );
            }
        }
    },
};
