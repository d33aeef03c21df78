import type { ResourceValidationPolicy } from "@pulumi/policy";
import { checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { isWildcardPrincipal, readPolicyDocument } from "../key-policy.js";
import { statementLabel } from "../iam.js";

/**
 * S3 bucket and SQS queue resource policies allow nothing to every principal (CKV_AWS_70,
 * CKV_AWS_168, CKV_AWS_387): an Allow statement with Principal "*" (or AWS "*") opens the bucket's
 * objects or the queue's messages to any AWS account, and a Condition is easy to get wrong, so
 * none is accepted (stricter than Checkov, which lets some conditions pass). Grant AWS services by
 * their service principal with aws:SourceArn, and accounts or roles by ARN. Deny statements to "*"
 * (TLS only, encryption required) are what a policy should have. The bucket's and queue's own
 * `policy` input count too. An unset or unreadable document is not applicable.
 */
export const resourcePolicyNoPublicPrincipal: ResourceValidationPolicy = {
    name: "aws-resource-policy-no-public-principal",
    description: "S3 bucket and SQS queue policies allow nothing to every principal.",
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: checkov({
        CKV_AWS_70: "Ensure S3 bucket does not allow an action with any Principal",
        CKV_AWS_168: "Ensure SQS queue policy is not public by only allowing specific services or principals to access it",
        CKV_AWS_387: "Ensure SQS policy does not allow public access through wildcards",
    }),
    remediationSteps:
        'Replace Principal "*" in Allow statements by the service principal (e.g. { Service: "cloudtrail.amazonaws.com" } with an aws:SourceArn condition) or the account and role ARNs that need access.',
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html",
    validateResource: validateResourceOfTypes(
        [AWS_TYPES.s3BucketPolicy, AWS_TYPES.sqsQueuePolicy, AWS_TYPES.s3Bucket, AWS_TYPES.sqsQueue],
        (props, args, reportViolation) => {
            if (props["policy"] === undefined) args.notApplicable("no resource policy");
            const doc = readPolicyDocument(props["policy"]);
            if (!doc.ok) {
                args.notApplicable(`the policy ${doc.reason}`);
                return;
            }
            const open = doc.statements.flatMap((s, i) =>
                s["Effect"] === "Allow" && isWildcardPrincipal(s["Principal"]) ? [statementLabel(s, i)] : [],
            );
            if (open.length > 0) {
                reportViolation(
                    `resource policy of ${args.name} allows every principal in statement ${open.join(", ")}; name the service principal or the account and role ARNs instead of "*".`,
                );
            }
        },
    ),
};
