/**
 * EksCluster: the EKS control plane the way a platform team runs it.
 *
 * - A pinned Kubernetes version (profile), standard support only (no silent extended-support bill).
 * - Private API endpoint; a public one only with an allow-list (never 0.0.0.0/0).
 * - Secrets envelope encryption with the customer-managed `secrets` key.
 * - All five control-plane log types in a KMS-encrypted log group with retention, created first
 *   so EKS never creates an unencrypted one without retention.
 * - Access entries (authentication mode API, no aws-auth ConfigMap, the creator gets no implicit
 *   admin): administrators are IAM roles from config. Read-only access for roles of other layers
 *   (the nightly drift role) is `EksViewerAccess` (`viewer-access.ts`), in the layer that names them.
 * - An IAM OIDC provider for tools that still need IRSA; EKS Pod Identity (the agent add-on) for
 *   everything else, starting with the VPC CNI.
 * - Cluster and node security groups with only the rules EKS needs (`security-groups.ts`).
 * - The node IAM role (named AWS managed policies only) the managed node groups share.
 * - The add-ons nodes need to join (vpc-cni with network policy enforcement, kube-proxy, the Pod
 *   Identity agent), pinned per Kubernetes version; CoreDNS and the EBS CSI driver need running
 *   nodes and live in {@link EksAddons}.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
    checkAllowList,
    checkIamRoleArn,
    checkLogRetentionDays,
    checkOneOf,
    checkUnique,
    type ComponentNaming,
    eksClusterName,
    type Issue,
    KUBERNETES_VERSIONS,
    type KubernetesVersion,
    PlatformComponent,
} from "@platform/core";
import { adminEntryKey, clusterAdminPolicyArn, type GroupRole, groupEntryKey } from "./access.js";
import {
    CLUSTER_ROLE_POLICIES,
    clusterTrustPolicy,
    managedPolicyArn,
    NODE_ROLE_POLICIES,
    nodeTrustPolicy,
    podIdentityTrustPolicy,
    VPC_CNI_POLICY,
} from "./iam.js";
import { NODE_EGRESS_TAGS, planEksSecurityGroupRules, type SecurityGroupRole } from "./security-groups.js";
import { EKS_ADDON_VERSIONS, EKS_LOG_TYPES } from "./versions.js";

/** EKS support policies: `STANDARD` upgrades the cluster at the end of standard support instead of billing extended support. */
export const EKS_SUPPORT_TYPES = ["STANDARD", "EXTENDED"] as const;
export type EksSupportType = (typeof EKS_SUPPORT_TYPES)[number];

export interface EksControlPlaneLogArgs {
    /** CloudWatch retention in days (one of the values CloudWatch accepts); the profile's `logRetentionDays`. */
    readonly retentionDays: number;
    /** ARN of the customer-managed key encrypting the log group (the foundation's `logs` key). */
    readonly kmsKeyArn: pulumi.Input<string>;
}

export interface EksClusterArgs {
    /** Project and environment: the cluster is `<project>-<env>-<component name>` (`eksClusterName`). */
    readonly naming: ComponentNaming;
    /** Kubernetes minor version, pinned per environment in the profile; the add-ons follow it. */
    readonly kubernetesVersion: KubernetesVersion;
    /** The VPC (foundation `vpcId`): the security groups live in it. */
    readonly vpcId: pulumi.Input<string>;
    /**
     * Subnets for the control plane's network interfaces: the private subnets of every AZ (EKS
     * needs at least two AZs).
     */
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** ARN of the customer-managed key for Kubernetes secrets envelope encryption (the foundation's `secrets` key). */
    readonly secretsKmsKeyArn: pulumi.Input<string>;
    /** The control-plane log group (all five log types always go there). */
    readonly logs: EksControlPlaneLogArgs;
    /**
     * IAM role ARNs granted cluster-admin through access entries. Roles, not users: people assume
     * them with short-lived credentials. Plain value: one access entry per role. EKS gives the
     * creator no implicit access here, so the role that runs `pulumi up` must be one of them (this
     * layer itself creates Kubernetes objects). When none is given, the deploying identity (its
     * IAM role, from the session) gets the entry instead, so a cluster never starts without an
     * administrator; that entry follows whoever deploys, so list the roles for anything lasting.
     * @default [] (the deploying identity's role)
     */
    readonly adminRoleArns?: readonly string[];
    /**
     * IAM roles mapped to Kubernetes groups through access entries, with no access policy: the
     * groups' RBAC bindings (the platform layer's break-glass ClusterRoleBinding and the teams'
     * RoleBindings) decide what they may do, so access is reviewed in one place. Plain value: one
     * access entry per role.
     * @default [] (nobody but the administrators)
     */
    readonly groupRoles?: readonly GroupRole[];
    /**
     * Networks allowed to reach the API endpoint from the internet. Empty keeps the endpoint private
     * (reachable from the VPC and peered networks only), the secure default.
     * @default []
     */
    readonly publicAccessCidrs?: readonly string[];
    /**
     * Support policy. `STANDARD` keeps cost predictable: at the end of standard support EKS upgrades
     * the cluster instead of charging for extended support, so upgrades must happen on schedule.
     * @default "STANDARD"
     */
    readonly supportType?: EksSupportType;
}

/**
 * Protection: pass `{ protect: true }` (prod does): the cluster and its log group are protected and
 * retained on delete, and EKS deletion protection is on.
 */
export class EksCluster extends PlatformComponent {
    readonly cluster: aws.eks.Cluster;
    /** The cluster's name (plain: known before deployment, shared with the foundation's subnet tags). */
    readonly clusterName: string;
    readonly clusterArn: pulumi.Output<string>;
    readonly endpoint: pulumi.Output<string>;
    /** Base64-encoded PEM CA bundle. */
    readonly certificateAuthority: pulumi.Output<string>;
    readonly kubernetesVersion: KubernetesVersion;
    readonly oidcIssuerUrl: pulumi.Output<string>;
    readonly oidcProviderArn: pulumi.Output<string>;
    readonly clusterSecurityGroupId: pulumi.Output<string>;
    readonly nodeSecurityGroupId: pulumi.Output<string>;
    readonly nodeRole: aws.iam.Role;
    readonly nodeRoleArn: pulumi.Output<string>;
    readonly nodeRoleName: pulumi.Output<string>;
    readonly logGroup: aws.cloudwatch.LogGroup;
    /** The add-ons nodes need before they can join: node groups depend on them. */
    readonly nodeAddons: readonly aws.eks.Addon[];
    /**
     * The administrators' access entries and policy associations: a kubernetes provider for this
     * cluster should depend on them, or its first objects race the access that lets it create them.
     */
    readonly adminAccess: readonly pulumi.Resource[];

    constructor(name: string, args: EksClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:cluster:EksCluster", name, args.naming, opts);
        const admins = args.adminRoleArns ?? [];
        const publicAccessCidrs = args.publicAccessCidrs ?? [];
        const supportType = args.supportType ?? "STANDARD";
        this.validate(validateEksClusterArgs(args, admins, publicAccessCidrs, supportType));

        const clusterName = eksClusterName(args.naming, this.componentName);
        this.clusterName = clusterName;
        this.kubernetesVersion = args.kubernetesVersion;
        const partition = aws.getPartitionOutput({}, { parent: this }).partition;
        const identity = aws.getCallerIdentityOutput({}, { parent: this });
        const accountId = identity.accountId;

        // The log group first, with retention and a key: EKS would otherwise create it without either.
        this.logGroup = new aws.cloudwatch.LogGroup(
            this.childName("control-plane-logs"),
            {
                name: `/aws/eks/${clusterName}/cluster`,
                retentionInDays: args.logs.retentionDays,
                kmsKeyId: args.logs.kmsKeyArn,
                tags: { Name: this.physicalName("control-plane-logs") },
            },
            this.statefulOptions(),
        );

        const clusterRole = new aws.iam.Role(
            this.childName("cluster-role"),
            {
                name: this.physicalName("cluster", "iamRole"),
                description: `EKS control plane of ${clusterName}`,
                assumeRolePolicy: accountId.apply((id) => JSON.stringify(clusterTrustPolicy(id))),
                tags: { Name: this.physicalName("cluster") },
            },
            this.childOptions(),
        );
        const clusterRolePolicies = CLUSTER_ROLE_POLICIES.map(
            (policy) =>
                new aws.iam.RolePolicyAttachment(
                    this.childName(`cluster-role-${policy.toLowerCase()}`),
                    { role: clusterRole.name, policyArn: partition.apply((p) => managedPolicyArn(p, policy)) },
                    this.childOptions(),
                ),
        );

        const groups = this.securityGroups(args.vpcId, clusterName);
        this.clusterSecurityGroupId = groups.cluster.id;
        this.nodeSecurityGroupId = groups.node.id;

        this.cluster = new aws.eks.Cluster(
            this.childName("cluster"),
            {
                name: clusterName,
                version: args.kubernetesVersion,
                roleArn: clusterRole.arn,
                vpcConfig: {
                    subnetIds: args.subnetIds,
                    securityGroupIds: [groups.cluster.id],
                    endpointPrivateAccess: true,
                    endpointPublicAccess: publicAccessCidrs.length > 0,
                    ...(publicAccessCidrs.length > 0 ? { publicAccessCidrs: [...publicAccessCidrs] } : {}),
                },
                encryptionConfig: { resources: ["secrets"], provider: { keyArn: args.secretsKmsKeyArn } },
                enabledClusterLogTypes: [...EKS_LOG_TYPES],
                accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false },
                // The platform installs vpc-cni, kube-proxy and CoreDNS as pinned managed add-ons.
                bootstrapSelfManagedAddons: false,
                upgradePolicy: { supportType },
                deletionProtection: this.isProtected,
                tags: { Name: clusterName },
            },
            this.statefulOptions({ dependsOn: [this.logGroup, ...clusterRolePolicies] }),
        );
        this.clusterArn = this.cluster.arn;
        this.endpoint = this.cluster.endpoint;
        this.certificateAuthority = this.cluster.certificateAuthority.apply((ca) => ca.data ?? "");
        this.oidcIssuerUrl = this.cluster.identities.apply((ids) => ids[0]?.oidcs?.[0]?.issuer ?? "");

        // IRSA for tools without Pod Identity support; EKS no longer needs a thumbprint for its issuers.
        const oidcProvider = new aws.iam.OpenIdConnectProvider(
            this.childName("oidc"),
            { url: this.oidcIssuerUrl, clientIdLists: ["sts.amazonaws.com"], tags: { Name: this.physicalName("oidc") } },
            this.childOptions(),
        );
        this.oidcProviderArn = oidcProvider.arn;

        // No administrators from config: the deploying identity's IAM role (an explicit entry, not EKS's implicit creator access).
        const deployer = aws.iam.getSessionContextOutput({ arn: identity.arn }, { parent: this }).issuerArn;
        const adminEntries: Array<[string, pulumi.Input<string>]> =
            admins.length > 0 ? admins.map((arn) => [adminEntryKey(arn), arn]) : [["admin-deployer", deployer]];
        const adminAccess: pulumi.Resource[] = [];
        for (const [key, roleArn] of adminEntries) {
            const entry = new aws.eks.AccessEntry(
                this.childName(key),
                { clusterName: this.cluster.name, principalArn: roleArn, type: "STANDARD", tags: { Name: this.physicalName(key) } },
                this.childOptions(),
            );
            const association = new aws.eks.AccessPolicyAssociation(
                this.childName(key),
                {
                    clusterName: this.cluster.name,
                    principalArn: entry.principalArn,
                    policyArn: partition.apply(clusterAdminPolicyArn),
                    accessScope: { type: "cluster" },
                },
                this.childOptions(),
            );
            adminAccess.push(entry, association);
        }
        this.adminAccess = adminAccess;
        for (const g of args.groupRoles ?? []) {
            const key = groupEntryKey(g.roleArn);
            new aws.eks.AccessEntry(
                this.childName(key),
                {
                    clusterName: this.cluster.name,
                    principalArn: g.roleArn,
                    type: "STANDARD",
                    kubernetesGroups: [...g.groups],
                    tags: { Name: this.physicalName(key) },
                },
                this.childOptions(),
            );
        }

        this.nodeRole = new aws.iam.Role(
            this.childName("node-role"),
            {
                name: this.physicalName("node", "iamRole"),
                description: `Managed nodes of ${clusterName}`,
                assumeRolePolicy: JSON.stringify(nodeTrustPolicy()),
                tags: { Name: this.physicalName("node") },
            },
            this.childOptions(),
        );
        for (const policy of NODE_ROLE_POLICIES) {
            new aws.iam.RolePolicyAttachment(
                this.childName(`node-role-${policy.toLowerCase()}`),
                { role: this.nodeRole.name, policyArn: partition.apply((p) => managedPolicyArn(p, policy)) },
                this.childOptions(),
            );
        }
        this.nodeRoleArn = this.nodeRole.arn;
        this.nodeRoleName = this.nodeRole.name;

        this.nodeAddons = this.bootstrapAddons(args.kubernetesVersion, accountId, partition);
        this.complete(
            "clusterName",
            "clusterArn",
            "endpoint",
            "certificateAuthority",
            "kubernetesVersion",
            "oidcIssuerUrl",
            "oidcProviderArn",
            "clusterSecurityGroupId",
            "nodeSecurityGroupId",
            "nodeRoleArn",
            "nodeRoleName",
        );
    }

    /** The cluster and node security groups and their rules (`security-groups.ts`). */
    private securityGroups(vpcId: pulumi.Input<string>, clusterName: string): Record<SecurityGroupRole, aws.ec2.SecurityGroup> {
        const make = (role: SecurityGroupRole, description: string, tags: Record<string, string> = {}) =>
            new aws.ec2.SecurityGroup(
                this.childName(`${role}-sg`),
                {
                    vpcId,
                    description,
                    // Rules are separate resources; the group itself starts closed.
                    ingress: [],
                    egress: [],
                    tags: { Name: this.physicalName(role), [`kubernetes.io/cluster/${clusterName}`]: "owned", ...tags },
                },
                this.childOptions(),
            );
        const groups: Record<SecurityGroupRole, aws.ec2.SecurityGroup> = {
            cluster: make("cluster", `EKS control plane of ${clusterName} (additional security group)`),
            // Nodes send all traffic out (node-out-all: images, AWS APIs, whatever workloads call):
            // the tag is what aws-sg-no-public-egress-all admits that for.
            node: make("node", `Nodes of ${clusterName}`, NODE_EGRESS_TAGS),
        };
        for (const rule of planEksSecurityGroupRules()) {
            const common = {
                securityGroupId: groups[rule.group].id,
                ipProtocol: rule.protocol,
                ...(rule.port !== undefined ? { fromPort: rule.port, toPort: rule.port } : {}),
                ...("group" in rule.peer ? { referencedSecurityGroupId: groups[rule.peer.group].id } : { cidrIpv4: rule.peer.cidr }),
                description: rule.description,
                tags: { Name: this.physicalName(rule.key) },
            };
            if (rule.direction === "ingress") {
                new aws.vpc.SecurityGroupIngressRule(this.childName(rule.key), common, this.childOptions());
            } else {
                new aws.vpc.SecurityGroupEgressRule(this.childName(rule.key), common, this.childOptions());
            }
        }
        return groups;
    }

    /**
     * vpc-cni (network policy enforcement on, AWS permissions through its own Pod Identity role),
     * kube-proxy and the Pod Identity agent: DaemonSets nodes need to become Ready.
     */
    private bootstrapAddons(
        version: KubernetesVersion,
        accountId: pulumi.Output<string>,
        partition: pulumi.Output<string>,
    ): aws.eks.Addon[] {
        const versions = EKS_ADDON_VERSIONS[version];
        const cniRole = new aws.iam.Role(
            this.childName("vpc-cni-role"),
            {
                name: this.physicalName("vpc-cni", "iamRole"),
                description: `VPC CNI of ${this.clusterName} (EKS Pod Identity)`,
                assumeRolePolicy: pulumi
                    .all([accountId, this.cluster.arn])
                    .apply(([id, clusterArn]) => JSON.stringify(podIdentityTrustPolicy(id, clusterArn))),
                tags: { Name: this.physicalName("vpc-cni") },
            },
            this.childOptions(),
        );
        const cniPolicy = new aws.iam.RolePolicyAttachment(
            this.childName("vpc-cni-role-policy"),
            { role: cniRole.name, policyArn: partition.apply((p) => managedPolicyArn(p, VPC_CNI_POLICY)) },
            this.childOptions(),
        );
        const podIdentityAgent = this.addon("eks-pod-identity-agent", versions["eks-pod-identity-agent"], {});
        const vpcCni = this.addon(
            "vpc-cni",
            versions["vpc-cni"],
            {
                // NetworkPolicy objects are enforced by the VPC CNI's node agent (eBPF).
                configurationValues: JSON.stringify({ enableNetworkPolicy: "true", nodeAgent: { enablePolicyEventLogs: "true" } }),
                podIdentityAssociations: [{ roleArn: cniRole.arn, serviceAccount: "aws-node" }],
            },
            [cniPolicy, podIdentityAgent],
        );
        const kubeProxy = this.addon("kube-proxy", versions["kube-proxy"], {});
        return [podIdentityAgent, vpcCni, kubeProxy];
    }

    private addon(
        addonName: string,
        addonVersion: string,
        extra: Partial<aws.eks.AddonArgs>,
        dependsOn: pulumi.Resource[] = [],
    ): aws.eks.Addon {
        return new aws.eks.Addon(
            this.childName(addonName),
            {
                clusterName: this.cluster.name,
                addonName,
                addonVersion,
                // The platform's configuration wins over drift on both create and update.
                resolveConflictsOnCreate: "OVERWRITE",
                resolveConflictsOnUpdate: "OVERWRITE",
                ...extra,
                tags: { Name: this.physicalName(addonName) },
            },
            this.childOptions({ dependsOn }),
        );
    }
}

/** Every problem with EksCluster's arguments (the allow-list and role rules are the ones config validation uses). */
export function validateEksClusterArgs(
    args: EksClusterArgs,
    admins: readonly string[],
    publicAccessCidrs: readonly string[],
    supportType: string,
): Issue[] {
    return [
        ...checkOneOf("kubernetesVersion", args.kubernetesVersion, KUBERNETES_VERSIONS),
        ...checkLogRetentionDays("logs.retentionDays", args.logs?.retentionDays),
        ...admins.flatMap((arn, i) => checkIamRoleArn(`adminRoleArns[${i}]`, arn)),
        ...checkUnique("adminRoleArns", admins, "role"),
        ...(args.groupRoles ?? []).flatMap((g, i) => [
            ...checkIamRoleArn(`groupRoles[${i}].roleArn`, g.roleArn),
            ...(g.groups.length === 0
                ? [
                      {
                          field: `groupRoles[${i}].groups`,
                          value: [],
                          problem: "is empty, so the role gets no rights",
                          fix: "list the Kubernetes groups the role's sessions belong to",
                      },
                  ]
                : []),
            ...g.groups.flatMap((group, j) =>
                group.startsWith("system:")
                    ? [
                          {
                              field: `groupRoles[${i}].groups[${j}]`,
                              value: group,
                              problem: "is a system: group, which EKS refuses",
                              fix: "use the platform's group names (platform:platform.rbac)",
                          },
                      ]
                    : [],
            ),
        ]),
        ...checkUnique(
            "groupRoles[].roleArn",
            (args.groupRoles ?? []).map((g) => g.roleArn),
            "role",
        ),
        ...checkAllowList("publicAccessCidrs", publicAccessCidrs),
        ...checkOneOf("supportType", supportType, EKS_SUPPORT_TYPES),
    ];
}
