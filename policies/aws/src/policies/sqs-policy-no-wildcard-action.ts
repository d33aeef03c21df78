import type { ResourceValidationPolicy } from "@pulumi/policy";
import { checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { readPolicyDocument } from "../key-policy.js";
import { statementActions, statementLabel } from "../iam.js";

/**
 * SQS queue policies name the actions they grant (CKV_AWS_72): `Action: "*"` is every action of
 * every service, on a queue policy in effect every SQS action including DeleteQueue and
 * SetQueueAttributes (which rewrites the policy itself). Checkov reads only the first statement;
 * every statement is checked here, and `sqs:*` in an Allow statement too (a Deny of "sqs:*" for
 * insecure transport is how a queue refuses plain HTTP).
 */
export const sqsPolicyNoWildcardAction: ResourceValidationPolicy = {
    name: "aws-sqs-policy-no-wildcard-action",
    description: "SQS queue policies name the SQS actions they grant.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV_AWS_72: "Ensure SQS policy does not allow ALL (*) actions." }),
    remediationSteps: 'List the actions the principal needs (e.g. "sqs:SendMessage" for a publisher) instead of "*" or "sqs:*".',
    url: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-using-identity-based-policies.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.sqsQueuePolicy], (props, args, reportViolation) => {
        const doc = readPolicyDocument(props["policy"]);
        if (!doc.ok) {
            args.notApplicable(`the policy ${doc.reason}`);
            return;
        }
        doc.statements.forEach((s, i) => {
            const actions = statementActions(s);
            const wildcard = actions.filter((a) => a === "*" || (s["Effect"] === "Allow" && a.toLowerCase() === "sqs:*"));
            if (wildcard.length > 0) {
                reportViolation(
                    `queue policy ${args.name} grants ${wildcard.join(", ")} in statement ${statementLabel(s, i)}; list the SQS actions the principal needs.`,
                );
            }
        });
    }),
};
