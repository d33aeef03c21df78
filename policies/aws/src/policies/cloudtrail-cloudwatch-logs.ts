import type { StackValidationPolicy } from "@pulumi/policy";
import { asNonEmptyString, checkov, referencedResources, resourceLabel, resourcesOfTypes, seedTags, tryRead } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * CloudTrail trails deliver their events to CloudWatch Logs (CKV2_AWS_10): `cloudWatchLogsGroupArn`
 * names a log group of the same stack (by property dependency or known ARN, so the group's
 * retention and encryption are the aws pack's to check too) and `cloudWatchLogsRoleArn` the role
 * CloudTrail writes with. Metric filters and alarms on API activity (root use, policy changes,
 * console sign-in failures: CIS 3.4 to 3.14) read the events there; the bucket alone is an archive.
 */
export const cloudtrailCloudwatchLogs: StackValidationPolicy = {
    name: "aws-cloudtrail-cloudwatch-logs",
    description: "CloudTrail trails deliver their events to a CloudWatch log group of the stack.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV2_AWS_10: "Ensure CloudTrail trails are integrated with CloudWatch Logs" }),
    tags: seedTags("003"),
    remediationSteps:
        "Create an aws.cloudwatch.LogGroup (retention, the logs key) and a role CloudTrail may assume for this trail that may logs:CreateLogStream and logs:PutLogEvents on it; set the trail's cloudWatchLogsGroupArn to `${group.arn}:*` and cloudWatchLogsRoleArn to the role (the security layer's AwsAuditTrail does).",
    url: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html",
    validateStack: (args, reportViolation) => {
        const groups = resourcesOfTypes(args.resources, AWS_TYPES.logGroup);
        for (const trail of resourcesOfTypes(args.resources, AWS_TYPES.cloudtrailTrail)) {
            const problems: string[] = [];
            const arn = tryRead(() => asNonEmptyString(trail.props["cloudWatchLogsGroupArn"]));
            if (arn.known && arn.value === undefined) {
                problems.push("delivers no events to CloudWatch Logs (cloudWatchLogsGroupArn unset)");
            } else {
                const byDependency = referencedResources(trail, "cloudWatchLogsGroupArn", groups);
                const byArn = arn.known && arn.value !== undefined ? groups.filter((g) => isGroupArn(g.props["arn"], arn.value ?? "")) : [];
                if (byDependency.length === 0 && byArn.length === 0) {
                    problems.push("delivers its events to no log group of this stack (cloudWatchLogsGroupArn)");
                }
            }
            const role = tryRead(() => asNonEmptyString(trail.props["cloudWatchLogsRoleArn"]));
            if (role.known && role.value === undefined)
                problems.push("has no role to write to CloudWatch Logs with (cloudWatchLogsRoleArn unset)");
            for (const problem of problems) {
                reportViolation(
                    `CloudTrail trail ${resourceLabel(trail)} ${problem}; send the events to a log group of the stack.`,
                    trail.urn,
                );
            }
        }
    },
};

/** The trail names the group by its ARN, with or without the `:*` CloudTrail takes. */
function isGroupArn(groupArn: unknown, trailValue: string): boolean {
    const arn = tryRead(() => asNonEmptyString(groupArn));
    return arn.known && arn.value !== undefined && (trailValue === arn.value || trailValue === `${arn.value}:*`);
}
