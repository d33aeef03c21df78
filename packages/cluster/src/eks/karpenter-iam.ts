/**
 * Karpenter's IAM as data: the controller policy (after the one Karpenter v1 publishes, scoped to
 * this cluster's tags, region, queue and node role) and the interruption queue's policy. There is
 * no AWS managed policy for Karpenter, so this is the one inline policy of the cluster layer.
 */
import type { PolicyDocument } from "./iam.js";

export interface KarpenterPolicyContext {
    readonly partition: string;
    readonly region: string;
    readonly accountId: string;
    readonly clusterName: string;
    readonly clusterArn: string;
    readonly queueArn: string;
    readonly nodeRoleArn: string;
}

/** The controller's permissions: launch and tag only what it owns, delete only what it launched. */
export function karpenterControllerPolicy(ctx: KarpenterPolicyContext): PolicyDocument {
    const { partition: p, region: r, accountId: a, clusterName: c } = ctx;
    const ec2 = (resource: string) => `arn:${p}:ec2:${r}:*:${resource}`;
    const owned = { [`aws:ResourceTag/kubernetes.io/cluster/${c}`]: "owned" };
    const requestOwned = {
        [`aws:RequestTag/kubernetes.io/cluster/${c}`]: "owned",
        "aws:RequestTag/eks:eks-cluster-name": c,
    };
    const instanceProfile = `arn:${p}:iam::${a}:instance-profile/*`;
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AllowScopedEC2InstanceAccessActions",
                Effect: "Allow",
                Action: ["ec2:RunInstances", "ec2:CreateFleet"],
                Resource: [
                    `arn:${p}:ec2:${r}::image/*`,
                    `arn:${p}:ec2:${r}::snapshot/*`,
                    ec2("security-group/*"),
                    ec2("subnet/*"),
                    ec2("capacity-reservation/*"),
                ],
            },
            {
                Sid: "AllowScopedEC2LaunchTemplateAccessActions",
                Effect: "Allow",
                Action: ["ec2:RunInstances", "ec2:CreateFleet"],
                Resource: ec2("launch-template/*"),
                Condition: { StringEquals: owned, StringLike: { "aws:ResourceTag/karpenter.sh/nodepool": "*" } },
            },
            {
                Sid: "AllowScopedEC2InstanceActionsWithTags",
                Effect: "Allow",
                Action: ["ec2:RunInstances", "ec2:CreateFleet", "ec2:CreateLaunchTemplate"],
                Resource: [
                    ec2("fleet/*"),
                    ec2("instance/*"),
                    ec2("volume/*"),
                    ec2("network-interface/*"),
                    ec2("launch-template/*"),
                    ec2("spot-instances-request/*"),
                ],
                Condition: {
                    StringEquals: requestOwned,
                    StringLike: { "aws:RequestTag/karpenter.sh/nodepool": "*" },
                },
            },
            {
                Sid: "AllowScopedResourceCreationTagging",
                Effect: "Allow",
                Action: "ec2:CreateTags",
                Resource: [
                    ec2("fleet/*"),
                    ec2("instance/*"),
                    ec2("volume/*"),
                    ec2("network-interface/*"),
                    ec2("launch-template/*"),
                    ec2("spot-instances-request/*"),
                ],
                Condition: {
                    StringEquals: { ...requestOwned, "ec2:CreateAction": ["RunInstances", "CreateFleet", "CreateLaunchTemplate"] },
                    StringLike: { "aws:RequestTag/karpenter.sh/nodepool": "*" },
                },
            },
            {
                Sid: "AllowScopedResourceTagging",
                Effect: "Allow",
                Action: "ec2:CreateTags",
                Resource: ec2("instance/*"),
                Condition: {
                    StringEquals: owned,
                    StringLike: { "aws:ResourceTag/karpenter.sh/nodepool": "*" },
                    StringEqualsIfExists: { "aws:RequestTag/eks:eks-cluster-name": c },
                    "ForAllValues:StringEquals": { "aws:TagKeys": ["eks:eks-cluster-name", "karpenter.sh/nodeclaim", "Name"] },
                },
            },
            {
                Sid: "AllowScopedDeletion",
                Effect: "Allow",
                Action: ["ec2:TerminateInstances", "ec2:DeleteLaunchTemplate"],
                Resource: [ec2("instance/*"), ec2("launch-template/*")],
                Condition: { StringEquals: owned, StringLike: { "aws:ResourceTag/karpenter.sh/nodepool": "*" } },
            },
            {
                Sid: "AllowRegionalReadActions",
                Effect: "Allow",
                Action: [
                    "ec2:DescribeCapacityReservations",
                    "ec2:DescribeImages",
                    "ec2:DescribeInstances",
                    "ec2:DescribeInstanceTypeOfferings",
                    "ec2:DescribeInstanceTypes",
                    "ec2:DescribeLaunchTemplates",
                    "ec2:DescribePlacementGroups",
                    "ec2:DescribeSecurityGroups",
                    "ec2:DescribeSpotPriceHistory",
                    "ec2:DescribeSubnets",
                ],
                Resource: "*",
                Condition: { StringEquals: { "aws:RequestedRegion": r } },
            },
            {
                Sid: "AllowSSMReadActions",
                Effect: "Allow",
                Action: "ssm:GetParameter",
                Resource: `arn:${p}:ssm:${r}::parameter/aws/service/*`,
            },
            { Sid: "AllowPricingReadActions", Effect: "Allow", Action: "pricing:GetProducts", Resource: "*" },
            {
                Sid: "AllowInterruptionQueueActions",
                Effect: "Allow",
                Action: ["sqs:DeleteMessage", "sqs:GetQueueUrl", "sqs:ReceiveMessage"],
                Resource: ctx.queueArn,
            },
            {
                Sid: "AllowPassingInstanceRole",
                Effect: "Allow",
                Action: "iam:PassRole",
                Resource: ctx.nodeRoleArn,
                Condition: { StringEquals: { "iam:PassedToService": ["ec2.amazonaws.com"] } },
            },
            {
                Sid: "AllowScopedInstanceProfileCreationActions",
                Effect: "Allow",
                Action: ["iam:CreateInstanceProfile"],
                Resource: instanceProfile,
                Condition: {
                    StringEquals: { ...requestOwned, "aws:RequestTag/topology.kubernetes.io/region": r },
                    StringLike: { "aws:RequestTag/karpenter.k8s.aws/ec2nodeclass": "*" },
                },
            },
            {
                Sid: "AllowScopedInstanceProfileTagActions",
                Effect: "Allow",
                Action: ["iam:TagInstanceProfile"],
                Resource: instanceProfile,
                Condition: {
                    StringEquals: {
                        ...owned,
                        "aws:ResourceTag/topology.kubernetes.io/region": r,
                        ...requestOwned,
                        "aws:RequestTag/topology.kubernetes.io/region": r,
                    },
                    StringLike: {
                        "aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass": "*",
                        "aws:RequestTag/karpenter.k8s.aws/ec2nodeclass": "*",
                    },
                },
            },
            {
                Sid: "AllowScopedInstanceProfileActions",
                Effect: "Allow",
                Action: ["iam:AddRoleToInstanceProfile", "iam:RemoveRoleFromInstanceProfile", "iam:DeleteInstanceProfile"],
                Resource: instanceProfile,
                Condition: {
                    StringEquals: { ...owned, "aws:ResourceTag/topology.kubernetes.io/region": r },
                    StringLike: { "aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass": "*" },
                },
            },
            { Sid: "AllowInstanceProfileReadActions", Effect: "Allow", Action: "iam:GetInstanceProfile", Resource: instanceProfile },
            { Sid: "AllowUnscopedInstanceProfileListAction", Effect: "Allow", Action: "iam:ListInstanceProfiles", Resource: "*" },
            { Sid: "AllowAPIServerEndpointDiscovery", Effect: "Allow", Action: "eks:DescribeCluster", Resource: ctx.clusterArn },
        ],
    };
}

/** Who may send to the interruption queue: EventBridge and SQS only; nothing without TLS. */
export function interruptionQueuePolicy(queueArn: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AllowEventBridge",
                Effect: "Allow",
                Principal: { Service: ["events.amazonaws.com", "sqs.amazonaws.com"] },
                Action: "sqs:SendMessage",
                Resource: queueArn,
            },
            {
                Sid: "DenyHTTP",
                Effect: "Deny",
                Principal: { AWS: "*" },
                Action: "sqs:*",
                Resource: queueArn,
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
        ],
    };
}

/** The EC2 and AWS Health events Karpenter acts on before AWS takes a node away. */
export const INTERRUPTION_EVENTS: ReadonlyArray<{ readonly key: string; readonly pattern: Readonly<Record<string, unknown>> }> = [
    { key: "health", pattern: { source: ["aws.health"], "detail-type": ["AWS Health Event"] } },
    { key: "spot-interruption", pattern: { source: ["aws.ec2"], "detail-type": ["EC2 Spot Instance Interruption Warning"] } },
    { key: "rebalance", pattern: { source: ["aws.ec2"], "detail-type": ["EC2 Instance Rebalance Recommendation"] } },
    { key: "state-change", pattern: { source: ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"] } },
];
