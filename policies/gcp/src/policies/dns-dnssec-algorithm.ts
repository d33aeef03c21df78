import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray, asRecord, asString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/**
 * Cloud DNS zones sign with a current algorithm (CKV_GCP_17): RSASHA1 signatures rest on SHA-1,
 * whose collisions are practical, so a zone signed with it can be forged; RSASHA256 or
 * ECDSAP256SHA256 are what resolvers expect. Every key spec of `dnssecConfig.defaultKeySpecs`
 * (zone- and key-signing) is checked. Unset uses Cloud DNS's default (RSASHA256).
 */
export const dnsDnssecAlgorithm: ResourceValidationPolicy = {
    name: "gcp-dns-dnssec-algorithm",
    description: "Cloud DNS zones do not sign with RSASHA1.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_GCP_17: "Ensure that RSASHA1 is not used for the zone-signing and key-signing keys in Cloud DNS DNSSEC" }),
    remediationSteps:
        'Set the algorithm of every dnssecConfig.defaultKeySpecs entry to "rsasha256" or "ecdsap256sha256" (or leave the key specs unset).',
    url: "https://cloud.google.com/dns/docs/dnssec-advanced#algorithms",
    validateResource: validateResourceOfTypes([GCP_TYPES.managedZone], (props, args, reportViolation) => {
        const specs = (asArray(asRecord(props["dnssecConfig"])?.["defaultKeySpecs"]) ?? []).map((k) => asRecord(k) ?? {});
        const weak = specs.filter((k) => (asString(k["algorithm"]) ?? "").toLowerCase() === "rsasha1");
        for (const spec of weak) {
            reportViolation(
                `DNS zone ${args.name} signs its ${asString(spec["keyType"]) ?? "DNSSEC"} key with RSASHA1; use "rsasha256" or "ecdsap256sha256".`,
            );
        }
    }),
};
