/** SQS policies as pure functions. */
import { type IamPolicyDocument, policyDocument } from "../aws/iam.js";

/** Deny every SQS action over plain HTTP (CKV_AWS_27's companion: in-transit encryption). */
export function sqsTlsOnlyPolicy(queueArn: string): IamPolicyDocument {
    return policyDocument({
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "sqs:*",
        Resource: queueArn,
        Condition: { Bool: { "aws:SecureTransport": "false" } },
    });
}

/** The redrive policy of a source queue. */
export function sqsRedrivePolicy(deadLetterArn: string, maxReceiveCount: number): { deadLetterTargetArn: string; maxReceiveCount: number } {
    return { deadLetterTargetArn: deadLetterArn, maxReceiveCount };
}

/** Only `sourceQueueArn` may use the dead-letter queue. */
export function sqsRedriveAllowPolicy(sourceQueueArn: string): { redrivePermission: "byQueue"; sourceQueueArns: string[] } {
    return { redrivePermission: "byQueue", sourceQueueArns: [sourceQueueArn] };
}
