import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asNumber, asRecord, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";
import { exemptPurpose } from "../subnet-purpose.js";

/**
 * Subnetworks record VPC flow logs (CKV_GCP_26): setting `logConfig` turns them on; a sampling
 * rate of 0 records nothing, so it counts as off. Proxy-only and PSC subnets cannot have them.
 */
export const subnetFlowLogs: ResourceValidationPolicy = {
    name: "gcp-subnet-flow-logs",
    description: "Subnetworks have VPC flow logs enabled.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_GCP_26: "Ensure that VPC Flow Logs is enabled for every subnet in a VPC Network" }),
    remediationSteps:
        'Set logConfig on the subnetwork (e.g. aggregationInterval: "INTERVAL_5_SEC", flowSampling: 0.5, metadata: "INCLUDE_ALL_METADATA"); tune the volume with the interval and the sampling rate, never with 0.',
    url: "https://cloud.google.com/vpc/docs/using-flow-logs",
    validateResource: validateResourceOfTypes([GCP_TYPES.subnetwork], (props, args, reportViolation) => {
        const purpose = exemptPurpose(props);
        if (purpose) args.notApplicable(`subnetworks with purpose ${purpose} cannot have flow logs`);
        const logConfig = asRecord(props["logConfig"]);
        if (!logConfig) {
            reportViolation(
                `subnetwork ${args.name} has no logConfig, so VPC flow logs are off; set logConfig (e.g. { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 0.5, metadata: "INCLUDE_ALL_METADATA" }).`,
            );
        } else if (asNumber(logConfig["flowSampling"]) === 0) {
            reportViolation(
                `subnetwork ${args.name} sets logConfig.flowSampling: 0, which records no flows; set a sampling rate above 0 (e.g. 0.5).`,
            );
        }
    }),
};
