/**
 * The add-ons' cloud permissions, as IAM policy documents scoped to the platform's resources:
 * DNS changes only in the platform's hosted zones, secrets only under the environment's prefix and
 * through its secrets key, queue attributes only of the environment's queues.
 */
export interface PolicyDocument {
    readonly Version: "2012-10-17";
    readonly Statement: ReadonlyArray<Record<string, unknown>>;
}

export function hostedZoneArn(zoneId: string): string {
    return `arn:aws:route53:::hostedzone/${zoneId}`;
}

/** cert-manager DNS-01 (its Route 53 solver): TXT records in the public zone, and reading change status. */
export function certManagerRoute53Policy(zoneId: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            { Sid: "ChangeStatus", Effect: "Allow", Action: "route53:GetChange", Resource: "arn:aws:route53:::change/*" },
            {
                Sid: "ChallengeRecords",
                Effect: "Allow",
                Action: ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets"],
                Resource: hostedZoneArn(zoneId),
                Condition: {
                    "ForAllValues:StringEquals": { "route53:ChangeResourceRecordSetsRecordTypes": ["TXT"] },
                    "ForAllValues:StringLike": { "route53:ChangeResourceRecordSetsNormalizedRecordNames": ["_acme-challenge.*"] },
                },
            },
            { Sid: "FindZones", Effect: "Allow", Action: "route53:ListHostedZonesByName", Resource: "*" },
        ],
    };
}

/** ExternalDNS: records in the platform's zones only; listing zones is account-wide in Route 53. */
export function externalDnsRoute53Policy(zoneIds: readonly string[]): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "Records",
                Effect: "Allow",
                Action: ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets", "route53:ListTagsForResources"],
                Resource: zoneIds.map(hostedZoneArn),
            },
            { Sid: "FindZones", Effect: "Allow", Action: ["route53:ListHostedZones", "route53:ListTagsForResource"], Resource: "*" },
        ],
    };
}

/**
 * External Secrets: read the environment's secrets (`<project>-<environment>-*`) and decrypt them
 * with the secrets key, only through Secrets Manager.
 */
export function externalSecretsPolicy(v: { region: string; accountId: string; prefix: string; secretsKeyArn: string }): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "ReadSecrets",
                Effect: "Allow",
                Action: [
                    "secretsmanager:GetSecretValue",
                    "secretsmanager:DescribeSecret",
                    "secretsmanager:ListSecretVersionIds",
                    "secretsmanager:GetResourcePolicy",
                ],
                Resource: `arn:aws:secretsmanager:${v.region}:${v.accountId}:secret:${v.prefix}-*`,
            },
            {
                Sid: "DecryptThroughSecretsManager",
                Effect: "Allow",
                Action: "kms:Decrypt",
                Resource: v.secretsKeyArn,
                Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${v.region}.amazonaws.com` } },
            },
        ],
    };
}

/** KEDA's operator (scalers authenticate as it): queue depth of the environment's SQS queues, read-only. */
export function kedaSqsPolicy(v: { region: string; accountId: string; prefix: string }): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "QueueDepth",
                Effect: "Allow",
                Action: ["sqs:GetQueueAttributes", "sqs:GetQueueUrl"],
                Resource: `arn:aws:sqs:${v.region}:${v.accountId}:${v.prefix}-*`,
            },
        ],
    };
}

/**
 * The AWS Load Balancer Controller, reduced to what a TargetGroupBinding needs: read the load
 * balancers, target groups and the VPC's network interfaces (Describe calls take no resource
 * ARNs), and register and deregister targets in the bound target groups only. Narrower than the
 * upstream policy's `elbv2.k8s.aws/cluster` tag conditions: it names the exact ARNs, and it allows
 * creating, modifying or deleting no load balancer, target group, listener, rule or security group,
 * so Ingresses or Services of class `alb` cannot open a second, unguarded entry.
 */
export function awsLoadBalancerControllerPolicy(targetGroupArns: readonly string[]): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "Describe",
                Effect: "Allow",
                Action: [
                    "ec2:DescribeAvailabilityZones",
                    "ec2:DescribeInstances",
                    "ec2:DescribeNetworkInterfaces",
                    "ec2:DescribeSecurityGroups",
                    "ec2:DescribeSubnets",
                    "ec2:DescribeVpcs",
                    "elasticloadbalancing:DescribeListeners",
                    "elasticloadbalancing:DescribeLoadBalancers",
                    "elasticloadbalancing:DescribeTags",
                    "elasticloadbalancing:DescribeTargetGroupAttributes",
                    "elasticloadbalancing:DescribeTargetGroups",
                    "elasticloadbalancing:DescribeTargetHealth",
                ],
                Resource: "*",
            },
            {
                Sid: "BoundTargets",
                Effect: "Allow",
                Action: ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"],
                Resource: [...targetGroupArns],
            },
        ],
    };
}
