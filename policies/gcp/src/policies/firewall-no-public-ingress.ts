import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray, asRecord, asString, asStringArray, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";
import { PUBLIC_RANGES, publicSources } from "../firewall.js";

/**
 * No firewall rule allows traffic from the whole internet (CKV2_GCP_12 and the per-port checks
 * FTP 20/21, HTTP 80, MySQL 3306): the platform serves the internet only through Google's load
 * balancers, whose front ends reach the backends from Google's own ranges (35.191.0.0/16,
 * 130.211.0.0/22), never 0.0.0.0/0. Any `allows` entry counts, whatever its protocol or ports, on
 * an ingress rule whose sources are public (an ingress rule with no source at all is 0.0.0.0/0) or
 * on any rule whose `sourceRanges` name 0.0.0.0/0 or ::/0; a disabled rule too (one flag away from
 * open). Deny rules are not applicable.
 */
export const firewallNoPublicIngress: ResourceValidationPolicy = {
    name: "gcp-firewall-no-public-ingress",
    description: "Firewall rules allow nothing from the internet (0.0.0.0/0 or ::/0).",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({
        CKV2_GCP_12: "Ensure GCP compute firewall ingress does not allow unrestricted access to all ports",
        CKV_GCP_75: "Ensure Google compute firewall ingress does not allow unrestricted FTP access",
        CKV_GCP_77: "Ensure Google compute firewall ingress does not allow on ftp port",
        CKV_GCP_88: "Ensure Google compute firewall ingress does not allow unrestricted mysql access",
        CKV_GCP_106: "Ensure Google compute firewall ingress does not allow unrestricted http port 80 access",
    }),
    remediationSteps:
        "Restrict sourceRanges to the networks that need the port (the VPC's ranges, Google's health-check and load-balancer ranges 35.191.0.0/16 and 130.211.0.0/22, the IAP range 35.235.240.0/20), or scope the rule with sourceTags / sourceServiceAccounts; serve the internet through a load balancer.",
    url: "https://cloud.google.com/firewall/docs/firewalls",
    validateResource: validateResourceOfTypes([GCP_TYPES.firewall], (props, args, reportViolation) => {
        const allows = (asArray(props["allows"]) ?? []).map((a) => asRecord(a) ?? {});
        if (allows.length === 0) args.notApplicable("a deny rule");
        const ingress = (asString(props["direction"]) ?? "INGRESS") === "INGRESS";
        const sources = ingress ? publicSources(props) : asStringArray(props["sourceRanges"]).filter((r) => PUBLIC_RANGES.includes(r));
        if (sources.length === 0) return;
        const opened = allows
            .map(
                (a) =>
                    `${asString(a["protocol"]) ?? "?"}${asStringArray(a["ports"]).length > 0 ? `/${asStringArray(a["ports"]).join(",")}` : " (every port)"}`,
            )
            .join(", ");
        reportViolation(
            `firewall ${args.name} allows ${opened} from ${sources.join(", ")}; restrict sourceRanges to the networks that need it, or serve through a load balancer.`,
        );
    }),
};
