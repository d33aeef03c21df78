import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asNonEmptyString, checkov, seedTags, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * CloudTrail trails record every region, prove their log files and encrypt them with a customer
 * key (CKV_AWS_67, CKV_AWS_36, CKV_AWS_35, and CKV_AWS_251 for logging; seed 003 audit logging): `isMultiRegionTrail`,
 * `enableLogFileValidation` (digest files show a log file was not altered or deleted) and
 * `kmsKeyId` set, and logging not switched off. The provider leaves the first three off when unset.
 */
export const cloudtrailEnabled: ResourceValidationPolicy = {
    name: "aws-cloudtrail-enabled",
    description: "CloudTrail trails are multi-region, validate log files, encrypt with a customer key and log.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({
        CKV_AWS_67: "Ensure CloudTrail is enabled in all Regions",
        CKV_AWS_36: "Ensure CloudTrail log file validation is enabled",
        CKV_AWS_35: "Ensure CloudTrail logs are encrypted at rest using KMS CMKs",
        CKV_AWS_251: "Ensure CloudTrail logging is enabled",
    }),
    tags: seedTags("003"),
    remediationSteps: "Set isMultiRegionTrail: true, enableLogFileValidation: true, kmsKeyId to the logs key, and leave enableLogging on.",
    url: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.cloudtrailTrail], (props, args, reportViolation) => {
        const problems: string[] = [];
        if (props["isMultiRegionTrail"] !== true) problems.push("is not multi-region (set isMultiRegionTrail: true)");
        if (props["enableLogFileValidation"] !== true) problems.push("does not validate log files (set enableLogFileValidation: true)");
        if (asNonEmptyString(props["kmsKeyId"]) === undefined) problems.push("is not encrypted with a customer key (set kmsKeyId)");
        if (props["enableLogging"] === false) problems.push("has logging switched off (remove enableLogging: false)");
        for (const problem of problems) {
            reportViolation(`CloudTrail trail ${args.name} ${problem}.`);
        }
    }),
};
