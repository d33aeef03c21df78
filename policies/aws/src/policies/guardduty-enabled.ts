import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asString, checkov, seedTags, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/** Publishing frequencies fast enough to act on a finding the same hour. */
export const TIMELY_FREQUENCIES = ["FIFTEEN_MINUTES", "ONE_HOUR"] as const;

/**
 * GuardDuty detectors are on and publish findings within the hour (CKV2_AWS_3, CKV_AWS_238 for `enable`; seed 003 threat
 * detection): `enable` not false, `findingPublishingFrequency` FIFTEEN_MINUTES or ONE_HOUR. Unset,
 * the detector is on (the provider's default) but publishes updated findings only every six hours.
 */
export const guarddutyEnabled: ResourceValidationPolicy = {
    name: "aws-guardduty-enabled",
    description: "GuardDuty detectors are enabled and publish findings at least hourly.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({
        CKV2_AWS_3: "Ensure GuardDuty is enabled to specific org/region",
        CKV_AWS_238: "Ensure that GuardDuty detector is enabled",
    }),
    tags: seedTags("003"),
    remediationSteps: "Leave enable: true and set findingPublishingFrequency: FIFTEEN_MINUTES.",
    url: "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings_cloudwatch.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.guarddutyDetector], (props, args, reportViolation) => {
        if (props["enable"] === false) {
            reportViolation(`GuardDuty detector ${args.name} is disabled (enable: false); set enable: true.`);
        }
        const frequency = asString(props["findingPublishingFrequency"]);
        if (!(TIMELY_FREQUENCIES as readonly (string | undefined)[]).includes(frequency)) {
            reportViolation(
                `GuardDuty detector ${args.name} publishes findings ${frequency === undefined ? "every six hours (findingPublishingFrequency unset)" : `at ${frequency}`}; set findingPublishingFrequency: FIFTEEN_MINUTES.`,
            );
        }
    }),
};
