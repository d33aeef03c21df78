import type { ResourceValidationPolicy } from "@pulumi/policy";
import { checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { isWildcardPrincipal, readPolicyDocument } from "../key-policy.js";
import { statementActions, statementLabel } from "../iam.js";

/** Actions whose unconditional Deny to everyone leaves only the account root able to change the policy. */
const POLICY_ACTIONS = ["s3:putbucketpolicy", "s3:*bucketpolicy", "s3:put*", "s3:*", "*"];

/**
 * Bucket policies do not lock everyone out of the bucket policy (CKV_AWS_93): a Deny to every
 * principal of s3:PutBucketPolicy (or a wildcard covering it) without a Condition leaves only the
 * account root user able to repair the policy, and deploys fail until it does. Deny statements
 * with a Condition (TLS only, encryption required) are what a bucket policy should have.
 */
export const s3PolicyNoLockout: ResourceValidationPolicy = {
    name: "aws-s3-policy-no-lockout",
    description: "S3 bucket policies do not deny everyone the right to change the policy.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({
        CKV_AWS_93: "Ensure S3 bucket policy does not lockout all but root user. (Prevent lockouts needing root account fixes)",
    }),
    remediationSteps:
        'Add a Condition to Deny statements on Principal "*" (e.g. aws:SecureTransport false), or exclude the deploy role with aws:PrincipalArn in a StringNotLike condition.',
    url: "https://repost.aws/knowledge-center/s3-accidentally-denied-access",
    validateResource: validateResourceOfTypes([AWS_TYPES.s3BucketPolicy, AWS_TYPES.s3Bucket], (props, args, reportViolation) => {
        if (props["policy"] === undefined) args.notApplicable("no bucket policy");
        const doc = readPolicyDocument(props["policy"]);
        if (!doc.ok) {
            args.notApplicable(`the policy ${doc.reason}`);
            return;
        }
        doc.statements.forEach((s, i) => {
            if (s["Effect"] !== "Deny" || s["Condition"] !== undefined || s["NotAction"] !== undefined) return;
            if (!isWildcardPrincipal(s["Principal"])) return;
            const locking = statementActions(s).filter((a) => POLICY_ACTIONS.includes(a.toLowerCase()));
            if (locking.length > 0) {
                reportViolation(
                    `bucket policy of ${args.name} denies ${locking.join(", ")} to everyone without a condition in statement ${statementLabel(s, i)}, which locks all but the root user out of the policy; add a Condition.`,
                );
            }
        });
    }),
};
