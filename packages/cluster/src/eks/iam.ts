/**
 * IAM documents of the EKS cluster as pure functions: trust policies and the AWS managed policies
 * each role gets. Node roles get named AWS managed policies only; the CNI and EBS CSI permissions
 * live on their own Pod Identity roles, not on the nodes (a pod on a node must not inherit them).
 */

export interface PolicyStatement {
    readonly Sid?: string;
    readonly Effect: "Allow" | "Deny";
    readonly Principal?: { readonly Service?: string | readonly string[]; readonly AWS?: string | readonly string[] };
    readonly Action: string | readonly string[];
    readonly Resource?: string | readonly string[];
    readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

export interface PolicyDocument {
    readonly Version: "2012-10-17";
    readonly Statement: readonly PolicyStatement[];
}

/** The control plane role's AWS managed policy. */
export const CLUSTER_ROLE_POLICIES = ["AmazonEKSClusterPolicy"] as const;

/**
 * Node role policies, all AWS managed: join the cluster, pull images (read-only, pull only), and
 * Session Manager access instead of SSH keys. No CNI policy: vpc-cni runs with its own Pod Identity role.
 */
export const NODE_ROLE_POLICIES = [
    "AmazonEKSWorkerNodePolicy",
    "AmazonEC2ContainerRegistryPullOnly",
    "AmazonSSMManagedInstanceCore",
] as const;

/** vpc-cni's Pod Identity role policy (IPv4 clusters). */
export const VPC_CNI_POLICY = "AmazonEKS_CNI_Policy";

/** The EBS CSI driver's Pod Identity role policy. */
export const EBS_CSI_POLICY = "service-role/AmazonEBSCSIDriverPolicy";

/** `arn:<partition>:iam::aws:policy/<name>`. */
export function managedPolicyArn(partition: string, name: string): string {
    return `arn:${partition}:iam::aws:policy/${name}`;
}

/** Trust for an AWS service in this account (the confused-deputy guard pins the source account). */
export function serviceTrustPolicy(service: string, accountId: string, actions: readonly string[] = ["sts:AssumeRole"]): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: service },
                Action: [...actions],
                Condition: { StringEquals: { "aws:SourceAccount": accountId } },
            },
        ],
    };
}

/** The EKS control plane's trust (EKS tags its sessions, so it needs sts:TagSession too). */
export function clusterTrustPolicy(accountId: string): PolicyDocument {
    return serviceTrustPolicy("eks.amazonaws.com", accountId, ["sts:AssumeRole", "sts:TagSession"]);
}

/** Nodes' trust: EC2 instances (no source-account condition: EC2 does not send one for instance profiles). */
export function nodeTrustPolicy(): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: ["sts:AssumeRole"] }],
    };
}

/**
 * Trust for an EKS Pod Identity role: only the Pod Identity service, only for this account and
 * only for this cluster (the association names the namespace and service account).
 */
export function podIdentityTrustPolicy(accountId: string, clusterArn: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: "pods.eks.amazonaws.com" },
                Action: ["sts:AssumeRole", "sts:TagSession"],
                Condition: { StringEquals: { "aws:SourceAccount": accountId }, ArnEquals: { "aws:SourceArn": clusterArn } },
            },
        ],
    };
}

/**
 * What the EBS CSI driver needs on the customer-managed key of encrypted volumes: grants for
 * attaching (only for AWS resources), and the data-key operations, on that key alone.
 */
export function ebsCsiKmsPolicy(kmsKeyArn: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "VolumeKeyGrants",
                Effect: "Allow",
                Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
                Resource: kmsKeyArn,
                Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
            },
            {
                Sid: "VolumeKeyUse",
                Effect: "Allow",
                Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
                Resource: kmsKeyArn,
            },
        ],
    };
}
