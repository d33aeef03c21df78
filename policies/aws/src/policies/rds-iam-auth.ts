import type { ResourceValidationPolicy } from "@pulumi/policy";
import { checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * RDS databases accept IAM authentication (CKV_AWS_161): workloads connect with short-lived tokens
 * from their pod identity instead of long-lived passwords. Unset is off.
 */
export const rdsIamAuth: ResourceValidationPolicy = {
    name: "aws-rds-iam-auth",
    description: "RDS databases have IAM database authentication enabled.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_AWS_161: "Ensure RDS database has IAM authentication enabled" }),
    remediationSteps:
        "Set iamDatabaseAuthenticationEnabled: true, grant database roles rds_iam, and give workloads rds-db:connect on the instance's DBI resource id.",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.rdsInstance, AWS_TYPES.rdsCluster], (props, args, reportViolation) => {
        if (props["iamDatabaseAuthenticationEnabled"] !== true) {
            const state =
                props["iamDatabaseAuthenticationEnabled"] === undefined
                    ? "does not set iamDatabaseAuthenticationEnabled"
                    : "sets iamDatabaseAuthenticationEnabled: false";
            reportViolation(`RDS ${args.name} ${state}; set it to true.`);
        }
    }),
};
