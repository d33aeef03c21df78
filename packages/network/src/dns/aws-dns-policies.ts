/**
 * The two policy documents a signed, query-logged public Route 53 zone needs, as pure functions
 * (tested statement by statement): the DNSSEC signing key's key policy, and the CloudWatch Logs
 * resource policy that lets Route 53 write query logs. Both are scoped to this account's hosted
 * zones (`aws:SourceAccount`, `aws:SourceArn`): the confused-deputy guard AWS documents.
 */

export interface AccountScope {
    readonly partition: string;
    readonly accountId: string;
}

/** Route 53's DNSSEC service principal. */
export const DNSSEC_SERVICE_PRINCIPAL = "dnssec-route53.amazonaws.com";
/** Route 53 keeps DNSSEC keys and writes query logs in us-east-1 only. */
export const ROUTE53_GLOBAL_REGION = "us-east-1";

/** Key policy of the asymmetric ECC_NIST_P256 key a key-signing key signs with. */
export function dnssecKeyPolicy({ partition, accountId }: AccountScope): string {
    const zones = `arn:${partition}:route53:::hostedzone/*`;
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AccountAdministers",
                Effect: "Allow",
                Principal: { AWS: `arn:${partition}:iam::${accountId}:root` },
                Action: "kms:*",
                Resource: "*",
            },
            {
                Sid: "Route53DnssecSigns",
                Effect: "Allow",
                Principal: { Service: DNSSEC_SERVICE_PRINCIPAL },
                Action: ["kms:DescribeKey", "kms:GetPublicKey", "kms:Sign"],
                Resource: "*",
                Condition: { StringEquals: { "aws:SourceAccount": accountId }, ArnLike: { "aws:SourceArn": zones } },
            },
            {
                Sid: "Route53DnssecGrants",
                Effect: "Allow",
                Principal: { Service: DNSSEC_SERVICE_PRINCIPAL },
                Action: "kms:CreateGrant",
                Resource: "*",
                Condition: { Bool: { "kms:GrantIsForAWSResource": true } },
            },
        ],
    });
}

/** The query log groups' name prefix Route 53 requires. */
export const QUERY_LOG_GROUP_PREFIX = "/aws/route53/";

/** CloudWatch Logs resource policy: Route 53 may write to this account's `/aws/route53/*` groups only, for its own zones. */
export function queryLogResourcePolicy({ partition, accountId }: AccountScope): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "Route53WritesQueryLogs",
                Effect: "Allow",
                Principal: { Service: "route53.amazonaws.com" },
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: `arn:${partition}:logs:${ROUTE53_GLOBAL_REGION}:${accountId}:log-group:${QUERY_LOG_GROUP_PREFIX}*`,
                Condition: {
                    StringEquals: { "aws:SourceAccount": accountId },
                    ArnLike: { "aws:SourceArn": `arn:${partition}:route53:::hostedzone/*` },
                },
            },
        ],
    });
}
