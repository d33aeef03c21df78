import type { ResourceValidationPolicy } from "@pulumi/policy";
import { checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";
import { exemptPurpose } from "../subnet-purpose.js";

/**
 * Subnetworks have Private Google Access (CKV_GCP_74), so VMs and GKE nodes without external IPs
 * reach Google APIs (Artifact Registry, Cloud KMS, logging). Off by default, so unset is a violation.
 * Proxy-only and PSC subnets cannot have it.
 */
export const privateGoogleAccess: ResourceValidationPolicy = {
    name: "gcp-private-google-access",
    description: "Subnetworks have Private Google Access enabled.",
    enforcementLevel: "mandatory",
    severity: "low",
    framework: checkov({ CKV_GCP_74: "Ensure that private_ip_google_access is enabled for Subnet" }),
    remediationSteps: "Set privateIpGoogleAccess: true on the subnetwork.",
    url: "https://cloud.google.com/vpc/docs/configure-private-google-access",
    validateResource: validateResourceOfTypes([GCP_TYPES.subnetwork], (props, args, reportViolation) => {
        const purpose = exemptPurpose(props);
        if (purpose) args.notApplicable(`subnetworks with purpose ${purpose} cannot have Private Google Access`);
        const access: unknown = props["privateIpGoogleAccess"];
        if (access === true) return;
        const state =
            access === undefined
                ? "does not set privateIpGoogleAccess (off by default)"
                : `sets privateIpGoogleAccess: ${JSON.stringify(access)}`;
        reportViolation(
            `subnetwork ${args.name} ${state}; set privateIpGoogleAccess: true so instances without external IPs reach Google APIs.`,
        );
    }),
};
