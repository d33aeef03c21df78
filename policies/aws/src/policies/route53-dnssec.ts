import type { StackValidationPolicy } from "@pulumi/policy";
import { asString, checkov, referencedResources, resourceLabel, resourcesOfTypes, tryRead } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { publicZones } from "../route53.js";

/**
 * Public hosted zones are signed with DNSSEC (CKV2_AWS_38): a HostedZoneDnsSec with
 * signingStatus SIGNING on the zone. Without it a resolver cannot tell the zone's answers from
 * forged ones (cache poisoning, on-path rewriting). Private zones are not signed by Route 53.
 */
export const route53Dnssec: StackValidationPolicy = {
    name: "aws-route53-dnssec",
    description: "Public Route 53 hosted zones are signed with DNSSEC.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({
        CKV2_AWS_38: "Ensure Domain Name System Security Extensions (DNSSEC) signing is enabled for Amazon Route 53 public hosted zones",
    }),
    remediationSteps:
        "Create an asymmetric ECC_NIST_P256 SIGN_VERIFY KMS key in us-east-1, a route53.KeySigningKey on it, and a route53.HostedZoneDnsSec with signingStatus SIGNING (AwsDnsZones does with dnssec: true), then publish the DS record at the registrar.",
    url: "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-configuring-dnssec.html",
    validateStack: (args, reportViolation) => {
        const zones = publicZones(args.resources);
        const signed = new Set<string>();
        for (const dnssec of resourcesOfTypes(args.resources, AWS_TYPES.route53HostedZoneDnsSec)) {
            const status = tryRead(() => asString(dnssec.props["signingStatus"]));
            // Unknown during a preview: not judged. Unset is SIGNING (the provider's default).
            if (status.known && status.value !== undefined && status.value !== "SIGNING") continue;
            for (const zone of referencedResources(dnssec, "hostedZoneId", zones)) signed.add(zone.urn);
        }
        for (const zone of zones) {
            if (signed.has(zone.urn)) continue;
            reportViolation(
                `public hosted zone ${resourceLabel(zone)} is not signed with DNSSEC; add a key-signing key and a HostedZoneDnsSec with signingStatus SIGNING.`,
                zone.urn,
            );
        }
    },
};
