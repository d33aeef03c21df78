import type { StackValidationPolicy } from "@pulumi/policy";
import { asNumber, checkov, resourceLabel, resourcesOfTypes, tryRead } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { productionEnvironmentOf } from "../production.js";

/**
 * The floor of log retention in prod and dr: the prod profile's `logRetentionDays` (90). Outside
 * production any finite retention passes (`aws-cloudwatch-logs-retention-kms`). Checkov's
 * CKV_AWS_338 asks for a year everywhere: flow logs keep 365 days in prod and meet it; service
 * and control-plane logs keep 90 online (cost), a documented exception in policies/README.md.
 */
export const MIN_PROD_LOG_RETENTION_DAYS = 90;

export const cloudwatchLogsRetentionProd: StackValidationPolicy = {
    name: "aws-cloudwatch-logs-retention-prod",
    description: "CloudWatch log groups in prod and dr keep their logs at least 90 days.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_AWS_338: "Ensure CloudWatch log groups retains logs for at least 1 year (partial: 90 days in prod)" }),
    remediationSteps: "Set retentionInDays to at least 90 in prod and dr (the profile's logRetentionDays; 365 for flow logs).",
    url: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention",
    validateStack: (args, reportViolation) => {
        for (const group of resourcesOfTypes(args.resources, AWS_TYPES.logGroup)) {
            const environment = productionEnvironmentOf(group, args.resources);
            if (environment === undefined) continue;
            const read = tryRead(() => asNumber(group.props["retentionInDays"]));
            // Unknown in a preview: not judged; 0 / unset (never expire) is the other policy's finding.
            const days = read.known ? read.value : undefined;
            if (days === undefined || days <= 0 || days >= MIN_PROD_LOG_RETENTION_DAYS) continue;
            reportViolation(
                `log group ${resourceLabel(group)} keeps logs ${days} day(s) in ${environment}; set retentionInDays to at least ${MIN_PROD_LOG_RETENTION_DAYS}.`,
                group.urn,
            );
        }
    },
};
