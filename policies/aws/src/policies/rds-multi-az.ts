import type { StackValidationPolicy } from "@pulumi/policy";
import { checkov, resourceLabel, resourcesOfTypes, seedTags } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { productionEnvironmentOf } from "../production.js";
import { isReadReplica } from "../rds.js";

/**
 * In prod and dr, RDS instances run Multi-AZ (CKV_AWS_157; seeds 000, 001, 003, 004
 * `multi_az = true`): a synchronous standby in another zone takes over in a zone failure. Read
 * replicas are exempt (they are extra capacity, not the primary's standby). Unset is single-AZ.
 */
export const rdsMultiAz: StackValidationPolicy = {
    name: "aws-rds-multi-az",
    description: "Production RDS instances are Multi-AZ.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV_AWS_157: "Ensure that RDS instances have Multi-AZ enabled" }),
    tags: seedTags("000", "001", "003", "004"),
    remediationSteps:
        "In prod and dr, set multiAz: true on every RDS instance that is not a read replica (the data profile's highAvailability).",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html",
    validateStack: (args, reportViolation) => {
        for (const db of resourcesOfTypes(args.resources, AWS_TYPES.rdsInstance)) {
            const environment = productionEnvironmentOf(db, args.resources);
            if (environment === undefined || isReadReplica(db.props) || db.props["multiAz"] === true) continue;
            const state = db.props["multiAz"] === undefined ? "does not set multiAz" : "sets multiAz: false";
            reportViolation(`RDS instance ${resourceLabel(db)} is in ${environment} but ${state}; set multiAz: true.`, db.urn);
        }
    },
};
