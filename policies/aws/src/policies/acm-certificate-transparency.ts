import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asRecord, asString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/** The only preference that keeps a public certificate in the certificate transparency logs. */
const ENABLED = "ENABLED";

/**
 * ACM certificates keep certificate transparency logging on (CKV_AWS_234): browsers reject a public
 * certificate missing from the CT logs, and the logs are how a domain owner notices a certificate
 * issued by mistake or by a compromised CA. `options.certificateTransparencyLoggingPreference` unset
 * (or no `options`) is ACM's default, ENABLED; any other value is flagged.
 */
export const acmCertificateTransparency: ResourceValidationPolicy = {
    name: "aws-acm-certificate-transparency",
    description: "ACM certificates keep certificate transparency logging enabled.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_AWS_234: "Verify logging preference for ACM certificates" }),
    remediationSteps: 'Remove options.certificateTransparencyLoggingPreference, or set it to "ENABLED".',
    url: "https://docs.aws.amazon.com/acm/latest/userguide/acm-concepts.html#concept-transparency",
    validateResource: validateResourceOfTypes([AWS_TYPES.acmCertificate], (props, args, reportViolation) => {
        const preference = asRecord(props["options"])?.["certificateTransparencyLoggingPreference"];
        if (preference === undefined || preference === ENABLED) return;
        reportViolation(
            `ACM certificate ${args.name} has certificateTransparencyLoggingPreference ${JSON.stringify(asString(preference) ?? preference)}; ` +
                `remove it or set "${ENABLED}": a certificate missing from the transparency logs is rejected by browsers and hides mis-issuance.`,
        );
    }),
};
