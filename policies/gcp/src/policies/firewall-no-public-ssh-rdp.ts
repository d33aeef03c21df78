import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";
import { openedAdminPorts, publicSources } from "../firewall.js";

/**
 * No firewall rule opens SSH (tcp/22) or RDP (tcp/3389) to the internet (CKV_GCP_2/3). Admin access
 * goes through IAP TCP forwarding (35.235.240.0/20) or a bastion. Covers port ranges, protocol
 * "all", allows without ports, and rules without any source (which GCP treats as 0.0.0.0/0).
 * Direction defaults to INGRESS; egress rules are not applicable.
 */
export const firewallNoPublicSshRdp: ResourceValidationPolicy = {
    name: "gcp-firewall-no-public-ssh-rdp",
    description: "Firewall rules do not open SSH or RDP to the internet.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({
        CKV_GCP_2: "Ensure Google compute firewall ingress does not allow unrestricted ssh access",
        CKV_GCP_3: "Ensure Google compute firewall ingress does not allow unrestricted rdp access",
    }),
    remediationSteps:
        "Restrict the sourceRanges of ingress rules that allow tcp/22 or tcp/3389 (e.g. to the IAP TCP forwarding range 35.235.240.0/20), or scope them with sourceTags / sourceServiceAccounts; reach instances through IAP or a bastion.",
    url: "https://cloud.google.com/iap/docs/using-tcp-forwarding",
    validateResource: validateResourceOfTypes([GCP_TYPES.firewall], (props, args, reportViolation) => {
        const direction = asString(props["direction"]) ?? "INGRESS";
        if (direction !== "INGRESS") args.notApplicable("only ingress rules can expose SSH or RDP");
        const sources = publicSources(props);
        const ports = openedAdminPorts(props);
        if (sources.length === 0 || ports.length === 0) return;
        const opened = ports.map(({ port, service }) => `tcp/${port} (${service})`).join(" and ");
        reportViolation(
            `firewall ${args.name} allows ${opened} from ${sources.join(", ")}; restrict sourceRanges (e.g. to the IAP range 35.235.240.0/20) or remove the rule.`,
        );
    }),
};
