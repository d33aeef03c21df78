import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asNonEmptyString, asRecord, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";
import { ipConfigurationOf } from "../cloudsql.js";

/**
 * Cloud SQL instances have a private IP only (CKV_GCP_60): `ipv4Enabled: false` and a
 * `privateNetwork`, reached through private service access. Unset `ipv4Enabled` is a public IP
 * (the API's default). An authorized network ending in `/0` (CKV_GCP_11) opens the instance to the
 * world the moment a public IP is turned on, so it is refused too, whatever `ipv4Enabled` says.
 */
export const cloudsqlNoPublicIp: ResourceValidationPolicy = {
    name: "gcp-cloudsql-no-public-ip",
    description: "Cloud SQL instances have no public IP, only a private one.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({
        CKV_GCP_60: "Ensure Cloud SQL database does not have public IP",
        CKV_GCP_11: "Ensure that Cloud SQL database Instances are not open to the world",
    }),
    remediationSteps:
        "Set settings.ipConfiguration.ipv4Enabled: false and privateNetwork to the VPC (with private service access, the foundation's range as allocatedIpRange).",
    url: "https://cloud.google.com/sql/docs/postgres/configure-private-ip",
    validateResource: validateResourceOfTypes([GCP_TYPES.sqlDatabaseInstance], (props, args, reportViolation) => {
        const ip = ipConfigurationOf(props);
        const authorized = Array.isArray(ip["authorizedNetworks"]) ? (ip["authorizedNetworks"] as unknown[]) : [];
        const world = authorized.map((n) => asNonEmptyString(asRecord(n)?.["value"])).filter((v) => v?.endsWith("/0"));
        if (world.length > 0) {
            reportViolation(
                `Cloud SQL instance ${args.name} authorizes ${world.join(", ")} (the whole internet); remove it from ipConfiguration.authorizedNetworks.`,
            );
        }
        if (ip["ipv4Enabled"] !== false) {
            const state =
                ip["ipv4Enabled"] === undefined
                    ? "does not set ipConfiguration.ipv4Enabled (a public IP by default)"
                    : "has a public IP (ipv4Enabled: true)";
            reportViolation(`Cloud SQL instance ${args.name} ${state}; set ipv4Enabled: false and a privateNetwork.`);
        } else if (asNonEmptyString(ip["privateNetwork"]) === undefined) {
            reportViolation(`Cloud SQL instance ${args.name} has no privateNetwork, so no address at all; set it to the VPC.`);
        }
    }),
};
