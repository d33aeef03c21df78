import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asNonEmptyString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * RDS instances have Performance Insights on, encrypted with a customer-managed key
 * (CKV_AWS_353, CKV_AWS_354): the query-level history needed to diagnose load, which holds SQL text
 * and so deserves the platform's key. Unset is off.
 */
export const rdsPerformanceInsights: ResourceValidationPolicy = {
    name: "aws-rds-performance-insights",
    description: "RDS instances have Performance Insights enabled, encrypted with a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    severity: "low",
    framework: checkov({
        CKV_AWS_353: "Ensure that RDS instances have performance insights enabled",
        CKV_AWS_354: "Ensure RDS Performance Insights are encrypted using KMS CMKs",
    }),
    remediationSteps:
        "Set performanceInsightsEnabled: true and performanceInsightsKmsKeyId to a customer-managed key ARN (the foundation's data key); keep the retention at 7 days (free) or a multiple of 31.",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.rdsInstance], (props, args, reportViolation) => {
        if (props["performanceInsightsEnabled"] !== true) {
            const state =
                props["performanceInsightsEnabled"] === undefined
                    ? "does not set performanceInsightsEnabled"
                    : "sets performanceInsightsEnabled: false";
            reportViolation(`RDS instance ${args.name} ${state}; set it to true with a customer-managed performanceInsightsKmsKeyId.`);
        } else if (asNonEmptyString(props["performanceInsightsKmsKeyId"]) === undefined) {
            reportViolation(
                `RDS instance ${args.name} encrypts Performance Insights with the AWS-managed key; set performanceInsightsKmsKeyId to a customer-managed key.`,
            );
        }
    }),
};
