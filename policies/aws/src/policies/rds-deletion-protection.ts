import type { StackValidationPolicy } from "@pulumi/policy";
import { asNonEmptyString, checkov, resourceLabel, resourcesOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { productionEnvironmentOf } from "../production.js";
import { isReadReplica } from "../rds.js";

/**
 * In prod and dr, RDS databases refuse deletion (CKV_AWS_293) and keep a final snapshot when
 * deleted anyway: `deletionProtection: true`, and on every primary `skipFinalSnapshot: false` with a
 * `finalSnapshotIdentifier` (a replica has no snapshot of its own). Unset deletion protection is
 * off; unset `skipFinalSnapshot` skips it (the provider's default).
 */
export const rdsDeletionProtection: StackValidationPolicy = {
    name: "aws-rds-deletion-protection",
    description: "Production RDS databases have deletion protection and keep a final snapshot.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV_AWS_293: "Ensure that AWS database instances have deletion protection enabled" }),
    remediationSteps:
        "In prod and dr, set deletionProtection: true, and on primaries skipFinalSnapshot: false with a finalSnapshotIdentifier (the data profile's deletionProtection).",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html",
    validateStack: (args, reportViolation) => {
        for (const db of resourcesOfTypes(args.resources, AWS_TYPES.rdsInstance, AWS_TYPES.rdsCluster)) {
            const environment = productionEnvironmentOf(db, args.resources);
            if (environment === undefined) continue;
            const label = `RDS ${resourceLabel(db)}`;
            if (db.props["deletionProtection"] !== true) {
                const state =
                    db.props["deletionProtection"] === undefined ? "does not set deletionProtection" : "sets deletionProtection: false";
                reportViolation(`${label} is in ${environment} but ${state}; set deletionProtection: true.`, db.urn);
            }
            if (isReadReplica(db.props)) continue;
            if (db.props["skipFinalSnapshot"] !== false || asNonEmptyString(db.props["finalSnapshotIdentifier"]) === undefined) {
                reportViolation(
                    `${label} is in ${environment} but would be deleted without a final snapshot; set skipFinalSnapshot: false and a finalSnapshotIdentifier.`,
                    db.urn,
                );
            }
        }
    },
};
