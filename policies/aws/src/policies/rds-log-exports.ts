import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asString, asStringArray, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { REQUIRED_LOG_EXPORTS } from "../rds.js";

/**
 * RDS databases export their logs to CloudWatch Logs (CKV_AWS_129): connections, DDL, slow
 * statements and upgrades kept with a retention, out of the instance. The engine decides which:
 * postgres `postgresql` and `upgrade`; MySQL and MariaDB `error` and `slowquery`; another engine (or
 * a replica, whose engine is its source's) at least one. Unset exports nothing.
 */
export const rdsLogExports: ResourceValidationPolicy = {
    name: "aws-rds-log-exports",
    description: "RDS databases export their logs to CloudWatch Logs.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_AWS_129: "Ensure that respective logs of Amazon Relational Database Service (Amazon RDS) are enabled" }),
    remediationSteps:
        'Set enabledCloudwatchLogsExports to the engine\'s logs (postgres: ["postgresql", "upgrade"]) and create the log groups /aws/rds/instance/<id>/<log> first, with a retention and a KMS key.',
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.rdsInstance, AWS_TYPES.rdsCluster], (props, args, reportViolation) => {
        const exports = asStringArray(props["enabledCloudwatchLogsExports"]);
        const engine = asString(props["engine"]);
        const required = engine === undefined ? [] : (REQUIRED_LOG_EXPORTS[engine] ?? []);
        if (exports.length === 0) {
            reportViolation(
                `RDS ${args.name} exports no logs to CloudWatch Logs; set enabledCloudwatchLogsExports${required.length > 0 ? ` to ${JSON.stringify(required)}` : ""}.`,
            );
            return;
        }
        const missing = required.filter((log) => !exports.includes(log));
        if (missing.length > 0) {
            reportViolation(
                `RDS ${args.name} (${engine ?? "engine"}) does not export ${missing.join(", ")}; add ${JSON.stringify(missing)} to enabledCloudwatchLogsExports.`,
            );
        }
    }),
};
