import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asNonEmptyString, asNumber, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * RDS instances have enhanced monitoring (CKV_AWS_118): OS-level metrics (processes, memory,
 * I/O per device) at 60 seconds or finer, through a monitoring role. Unset is off (interval 0).
 */
export const rdsEnhancedMonitoring: ResourceValidationPolicy = {
    name: "aws-rds-enhanced-monitoring",
    description: "RDS instances have enhanced monitoring enabled.",
    enforcementLevel: "mandatory",
    severity: "low",
    framework: checkov({ CKV_AWS_118: "Ensure that enhanced monitoring is enabled for Amazon RDS instances" }),
    remediationSteps:
        "Set monitoringInterval to 1, 5, 10, 15, 30 or 60 and monitoringRoleArn to a role trusted by monitoring.rds.amazonaws.com with the AmazonRDSEnhancedMonitoringRole policy.",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.rdsInstance], (props, args, reportViolation) => {
        const interval = asNumber(props["monitoringInterval"]) ?? 0;
        if (interval <= 0) {
            reportViolation(
                `RDS instance ${args.name} has no enhanced monitoring (monitoringInterval ${interval}); set monitoringInterval (e.g. 60) and monitoringRoleArn.`,
            );
        } else if (asNonEmptyString(props["monitoringRoleArn"]) === undefined) {
            reportViolation(`RDS instance ${args.name} sets monitoringInterval but no monitoringRoleArn; set the monitoring role.`);
        }
    }),
};
