import type { StackValidationPolicy } from "@pulumi/policy";
import { asString, resourceLabel, resourcesOfTypes, seedTags } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";
import { isReplica, settingsOf } from "../cloudsql.js";
import { productionEnvironmentOf } from "../production.js";

/**
 * In prod and dr, Cloud SQL primaries are REGIONAL (seeds 000, 001, 003, 004 "high availability"):
 * a standby in a second zone takes over in a zone failure. Replicas are exempt. Unset is ZONAL.
 */
export const cloudsqlRegional: StackValidationPolicy = {
    name: "gcp-cloudsql-regional",
    description: "Production Cloud SQL instances are regional (highly available).",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: seedTags("000", "001", "003", "004"),
    remediationSteps:
        'In prod and dr, set settings.availabilityType: "REGIONAL" on every Cloud SQL primary (the data profile\'s highAvailability).',
    url: "https://cloud.google.com/sql/docs/postgres/high-availability",
    validateStack: (args, reportViolation) => {
        for (const db of resourcesOfTypes(args.resources, GCP_TYPES.sqlDatabaseInstance)) {
            const environment = productionEnvironmentOf(db, args.resources);
            if (environment === undefined || isReplica(db.props)) continue;
            const availability = asString(settingsOf(db.props)["availabilityType"]);
            if (availability === "REGIONAL") continue;
            reportViolation(
                `Cloud SQL instance ${resourceLabel(db)} is in ${environment} but ${availability === undefined ? "does not set availabilityType (ZONAL)" : `is ${availability}`}; set availabilityType: "REGIONAL".`,
                db.urn,
            );
        }
    },
};
