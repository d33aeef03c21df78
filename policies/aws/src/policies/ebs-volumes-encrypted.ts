import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray, asRecord, asString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/** `true` or the provider's string form `"true"`. */
function isTrue(value: unknown): boolean {
    return value === true || asString(value) === "true";
}

/**
 * The EBS volumes launch templates and instances create are encrypted (CKV_AWS_8, seed rule 17
 * "encryption at rest"): a node's root volume holds images, logs and whatever pods wrote to
 * emptyDir. Unset `encrypted` means unencrypted unless the account turned on EBS encryption by
 * default, which a program cannot know, so it counts as unencrypted. Block devices without an EBS
 * volume (instance store `virtualName`) are not checked.
 */
export const ebsVolumesEncrypted: ResourceValidationPolicy = {
    name: "aws-ebs-volumes-encrypted",
    description: "EBS volumes of launch templates and instances are encrypted.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({
        CKV_AWS_8: "Ensure all data stored in the Launch configuration or instance Elastic Blocks Store is securely encrypted",
    }),
    remediationSteps:
        'Set encrypted: "true" and kmsKeyId (a customer-managed key) on every ebs block of blockDeviceMappings (launch templates), rootBlockDevice and ebsBlockDevices (instances).',
    url: "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.launchTemplate, AWS_TYPES.ec2Instance], (props, args, reportViolation) => {
        const unencrypted: string[] = [];
        if (args.type === AWS_TYPES.launchTemplate) {
            (asArray(props["blockDeviceMappings"]) ?? []).forEach((mapping, i) => {
                const ebs = asRecord(asRecord(mapping)?.["ebs"]);
                if (ebs !== undefined && !isTrue(ebs["encrypted"]))
                    unencrypted.push(`blockDeviceMappings[${i}] (${asString(asRecord(mapping)?.["deviceName"]) ?? "no device name"})`);
            });
        } else {
            if (!isTrue(asRecord(props["rootBlockDevice"])?.["encrypted"])) unencrypted.push("rootBlockDevice");
            (asArray(props["ebsBlockDevices"]) ?? []).forEach((device, i) => {
                if (!isTrue(asRecord(device)?.["encrypted"])) unencrypted.push(`ebsBlockDevices[${i}]`);
            });
        }
        if (unencrypted.length > 0) {
            const what = args.type === AWS_TYPES.launchTemplate ? "launch template" : "instance";
            reportViolation(
                `${what} ${args.name} has unencrypted EBS volumes: ${unencrypted.join(", ")}; set encrypted: "true" with a customer-managed kmsKeyId.`,
            );
        }
    }),
};
