import type { ResourceValidationPolicy } from "@pulumi/policy";
import { checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { openStatements, readPolicyDocument } from "../key-policy.js";

/**
 * KMS key policies never allow `*` without a condition (CKV_AWS_33): such a statement lets any AWS
 * account use or administer the key. Checked on keys and on standalone `aws.kms.KeyPolicy`. Unset
 * means AWS's default policy (the account root), which is fine; a document that cannot be read is
 * a violation, since it cannot be shown to be safe.
 */
export const kmsPolicy: ResourceValidationPolicy = {
    name: "aws-kms-policy",
    description: "KMS key policies do not allow every principal without a condition.",
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: checkov({ CKV_AWS_33: "Ensure KMS key policy does not contain wildcard (*) principal" }),
    remediationSteps:
        'Name the principals of every Allow statement in the key policy, or add a Condition (e.g. kms:CallerAccount or aws:PrincipalOrgID) to a statement that must use Principal "*"; leaving the policy unset gives the AWS default policy (the account root).',
    url: "https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.kmsKey, AWS_TYPES.kmsKeyPolicy], (props, args, reportViolation) => {
        const policy: unknown = props["policy"];
        if (policy === undefined) return;
        const subject = args.type === AWS_TYPES.kmsKeyPolicy ? `KMS key policy ${args.name}` : `KMS key ${args.name}`;
        const doc = readPolicyDocument(policy);
        if (!doc.ok) {
            reportViolation(`${subject} has a policy that ${doc.reason}; fix the policy document.`);
            return;
        }
        for (const statement of openStatements(doc.statements)) {
            reportViolation(
                `${subject} policy statement ${statement} allows Principal "*" without a Condition; name the principals, or add a Condition such as kms:CallerAccount or aws:PrincipalOrgID.`,
            );
        }
    }),
};
