/**
 * Karpenter: node autoscaling for EKS (docs/decisions.md says why Karpenter, not Cluster
 * Autoscaler). The managed node groups are the floor; Karpenter adds right-sized nodes above it,
 * up to the profile's maximum, and removes them when they empty.
 *
 * - The controller runs on the managed nodes (the system group where there is one) with its own
 *   EKS Pod Identity role, scoped to this cluster's tags, region, queue and node role.
 * - Its nodes have their own role (named AWS managed policies only) with an EC2_LINUX access entry.
 * - An SQS interruption queue fed by EventBridge (spot interruptions, rebalance recommendations,
 *   instance state changes, AWS Health events), so nodes drain before AWS takes them away.
 * - The Helm chart (which carries the CRDs) at a pinned version, then an EC2NodeClass (IMDSv2 hop
 *   limit 1, encrypted gp3 root volumes with the customer-managed key) and a NodePool sized from
 *   the profile, both typed and schema-validated (`karpenter-manifests.mts`).
 */
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { checkUnique, checkWholeNumber, checkZones, type ComponentNaming, type Issue, PlatformComponent } from "@platform/core";
import { managedPolicyArn, NODE_ROLE_POLICIES, nodeTrustPolicy, podIdentityTrustPolicy } from "./iam.js";
import { INTERRUPTION_EVENTS, interruptionQueuePolicy, karpenterControllerPolicy } from "./karpenter-iam.js";
import { ec2NodeClassManifest, nodePoolManifest } from "./karpenter-manifests.mjs";
import { KARPENTER_AMI_ALIAS, KARPENTER_CHART } from "./versions.js";
import { checkNodeSecurityGroups } from "./security-groups.js";

export const KARPENTER_CAPACITY_TYPES = ["on-demand", "spot"] as const;
export type KarpenterCapacityType = (typeof KARPENTER_CAPACITY_TYPES)[number];

/** The namespace and service account the chart runs the controller as (the Pod Identity association names them). */
export const KARPENTER_NAMESPACE = "kube-system";
export const KARPENTER_SERVICE_ACCOUNT = "karpenter";

export interface KarpenterArgs {
    /** Project and environment (the naming context every component takes). */
    readonly naming: ComponentNaming;
    /** The cluster's name (EksCluster `cluster.name`). */
    readonly clusterName: pulumi.Input<string>;
    readonly clusterArn: pulumi.Input<string>;
    readonly clusterEndpoint: pulumi.Input<string>;
    /** Subnets Karpenter launches into: the private subnets of the profile's zones. */
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** Security groups of Karpenter nodes (EksCluster `nodeSecurityGroupId`). */
    readonly securityGroupIds: readonly pulumi.Input<string>[];
    /** ARN of the customer-managed key of the root volumes (the foundation's `data` key). */
    readonly volumeKmsKeyArn: pulumi.Input<string>;
    /** Zones Karpenter may place nodes in (the subnets' zones). Plain: they shape the NodePool. */
    readonly zones: readonly string[];
    /** The largest instance Karpenter may pick, in vCPUs (the profile's node size). */
    readonly maxInstanceVcpu: number;
    /** Total capacity Karpenter may add above the managed node groups (the NodePool's limits). */
    readonly limits: { readonly cpu: number; readonly memoryGiB: number };
    /**
     * Capacity types. Spot saves cost where an interruption is acceptable (seed 003 C7); production
     * runs on-demand only.
     * @default ["on-demand"]
     */
    readonly capacityTypes?: readonly KarpenterCapacityType[];
    /**
     * Controller replicas: 2 keeps one leader and a standby across a node drain.
     * @default 2
     */
    readonly replicas?: number;
    /**
     * Run the controller on the tainted system node group (`platform.io/node-pool: system`). Off
     * where there is no system group (dev): it runs on the general managed nodes.
     * @default false
     */
    readonly onSystemNodes?: boolean;
    /**
     * Root volume size of Karpenter nodes in GiB.
     * @default 50
     */
    readonly rootVolumeGiB?: number;
    /** Tags of the instances and volumes Karpenter launches (provider default tags do not reach them). @default {} */
    readonly instanceTags?: Readonly<Record<string, string>>;
}

/** Pass the cluster's kubernetes provider in `providers` (with the AWS one): the chart and the NodePool are Kubernetes objects. */
export class Karpenter extends PlatformComponent {
    readonly nodeRole: aws.iam.Role;
    readonly nodeRoleName: pulumi.Output<string>;
    readonly controllerRoleArn: pulumi.Output<string>;
    readonly interruptionQueue: aws.sqs.Queue;
    readonly interruptionQueueName: pulumi.Output<string>;
    readonly release: k8s.helm.v3.Release;
    readonly nodeClass: k8s.apiextensions.CustomResource;
    readonly nodePool: k8s.apiextensions.CustomResource;

    constructor(name: string, args: KarpenterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:cluster:Karpenter", name, args.naming, opts);
        const capacityTypes = args.capacityTypes ?? ["on-demand"];
        const replicas = args.replicas ?? 2;
        const rootVolumeGiB = args.rootVolumeGiB ?? 50;
        this.validate(validateKarpenterArgs(args, capacityTypes, replicas, rootVolumeGiB));

        const partition = aws.getPartitionOutput({}, { parent: this }).partition;
        const identity = aws.getCallerIdentityOutput({}, { parent: this });
        const region = aws.getRegionOutput({}, { parent: this }).region;

        this.nodeRole = new aws.iam.Role(
            this.childName("node-role"),
            {
                name: this.physicalName("node", "iamRole"),
                description: "Nodes Karpenter launches",
                assumeRolePolicy: JSON.stringify(nodeTrustPolicy()),
                tags: { Name: this.physicalName("node") },
            },
            this.childOptions(),
        );
        const nodePolicies = NODE_ROLE_POLICIES.map(
            (policy) =>
                new aws.iam.RolePolicyAttachment(
                    this.childName(`node-role-${policy.toLowerCase()}`),
                    { role: this.nodeRole.name, policyArn: partition.apply((p) => managedPolicyArn(p, policy)) },
                    this.childOptions(),
                ),
        );
        this.nodeRoleName = this.nodeRole.name;
        // Karpenter's nodes join through an access entry (managed node groups get theirs from EKS).
        const nodeAccess = new aws.eks.AccessEntry(
            this.childName("node-access"),
            {
                clusterName: args.clusterName,
                principalArn: this.nodeRole.arn,
                type: "EC2_LINUX",
                tags: { Name: this.physicalName("node-access") },
            },
            this.childOptions(),
        );

        // Interruption notices are stateless and short-lived: five minutes' retention, SQS-managed encryption.
        this.interruptionQueue = new aws.sqs.Queue(
            this.childName("interruption"),
            {
                name: this.physicalName("interruption", "sqsQueue"),
                messageRetentionSeconds: 300,
                sqsManagedSseEnabled: true,
                tags: { Name: this.physicalName("interruption") },
            },
            this.statefulOptions(),
        );
        this.interruptionQueueName = this.interruptionQueue.name;
        const queuePolicy = new aws.sqs.QueuePolicy(
            this.childName("interruption"),
            {
                queueUrl: this.interruptionQueue.url,
                policy: this.interruptionQueue.arn.apply((arn) => JSON.stringify(interruptionQueuePolicy(arn))),
            },
            this.childOptions(),
        );
        const rules = INTERRUPTION_EVENTS.map(({ key, pattern }) => {
            const rule = new aws.cloudwatch.EventRule(
                this.childName(key),
                {
                    name: this.physicalName(key, "eventRule"),
                    description: `Karpenter interruption handling: ${key}`,
                    eventPattern: JSON.stringify(pattern),
                    tags: { Name: this.physicalName(key) },
                },
                this.childOptions(),
            );
            return new aws.cloudwatch.EventTarget(
                this.childName(key),
                { rule: rule.name, targetId: "karpenter-interruption-queue", arn: this.interruptionQueue.arn },
                this.childOptions({ dependsOn: [queuePolicy] }),
            );
        });

        const controllerRole = new aws.iam.Role(
            this.childName("controller-role"),
            {
                name: this.physicalName("controller", "iamRole"),
                description: "Karpenter controller (EKS Pod Identity)",
                assumeRolePolicy: pulumi
                    .all([identity.accountId, args.clusterArn])
                    .apply(([accountId, clusterArn]) => JSON.stringify(podIdentityTrustPolicy(accountId, clusterArn))),
                tags: { Name: this.physicalName("controller") },
            },
            this.childOptions(),
        );
        const controllerPolicy = new aws.iam.RolePolicy(
            this.childName("controller"),
            {
                name: this.physicalName("controller", "iamRole"),
                role: controllerRole.name,
                policy: pulumi
                    .all([
                        partition,
                        region,
                        identity.accountId,
                        args.clusterName,
                        args.clusterArn,
                        this.interruptionQueue.arn,
                        this.nodeRole.arn,
                    ])
                    .apply(([p, r, accountId, clusterName, clusterArn, queueArn, nodeRoleArn]) =>
                        JSON.stringify(
                            karpenterControllerPolicy({
                                partition: p,
                                region: r,
                                accountId,
                                clusterName,
                                clusterArn,
                                queueArn,
                                nodeRoleArn,
                            }),
                        ),
                    ),
            },
            this.childOptions(),
        );
        this.controllerRoleArn = controllerRole.arn;
        const podIdentity = new aws.eks.PodIdentityAssociation(
            this.childName("controller"),
            {
                clusterName: args.clusterName,
                namespace: KARPENTER_NAMESPACE,
                serviceAccount: KARPENTER_SERVICE_ACCOUNT,
                roleArn: controllerRole.arn,
                tags: { Name: this.physicalName("controller") },
            },
            this.childOptions({ dependsOn: [controllerPolicy] }),
        );

        const onSystemNodes = args.onSystemNodes ?? false;
        this.release = new k8s.helm.v3.Release(
            this.childName("release"),
            {
                name: "karpenter",
                namespace: KARPENTER_NAMESPACE,
                chart: KARPENTER_CHART.chart,
                version: KARPENTER_CHART.version,
                atomic: true,
                cleanupOnFail: true,
                maxHistory: 10,
                timeout: 600,
                values: {
                    settings: {
                        clusterName: args.clusterName,
                        clusterEndpoint: args.clusterEndpoint,
                        interruptionQueue: this.interruptionQueue.name,
                    },
                    serviceAccount: { name: KARPENTER_SERVICE_ACCOUNT },
                    replicas,
                    podDisruptionBudget: { name: "karpenter", maxUnavailable: 1 },
                    controller: { resources: { requests: { cpu: "500m", memory: "512Mi" }, limits: { memory: "1Gi" } } },
                    nodeSelector: { "platform.io/node-pool": onSystemNodes ? "system" : "general" },
                    ...(onSystemNodes ? { tolerations: [{ key: "CriticalAddonsOnly", operator: "Exists", effect: "NoSchedule" }] } : {}),
                },
            },
            this.childOptions({ dependsOn: [podIdentity, nodeAccess, ...rules] }),
        );

        const nodeClassName = "default";
        const nodeClassValues = {
            name: nodeClassName,
            amiAlias: KARPENTER_AMI_ALIAS,
            rootVolumeGiB,
            tags: { ...args.instanceTags },
        };
        // Validate the shape now (placeholders for values known only after deployment), so a wrong
        // field fails before anything is created; the real manifest is built from the same function.
        ec2NodeClassManifest({ ...nodeClassValues, role: "role", subnetIds: ["subnet-0"], securityGroupIds: ["sg-0"], kmsKeyArn: "key" });
        const nodeClass = pulumi
            .all([this.nodeRole.name, args.subnetIds, pulumi.all([...args.securityGroupIds]), args.volumeKmsKeyArn])
            .apply(([role, subnetIds, securityGroupIds, kmsKeyArn]) =>
                ec2NodeClassManifest({ ...nodeClassValues, role, subnetIds, securityGroupIds, kmsKeyArn }),
            );
        this.nodeClass = new k8s.apiextensions.CustomResource(
            this.childName("node-class"),
            {
                apiVersion: "karpenter.k8s.aws/v1",
                kind: "EC2NodeClass",
                metadata: { name: nodeClassName },
                spec: nodeClass.apply((m) => m["spec"]),
            },
            this.childOptions({ dependsOn: [this.release, ...nodePolicies] }),
        );
        const pool = nodePoolManifest({
            name: "general",
            nodeClassName,
            instanceCategories: ["c", "m", "r"],
            maxVcpu: args.maxInstanceVcpu,
            zones: args.zones,
            capacityTypes,
            limits: args.limits,
            expireAfter: "720h",
        });
        this.nodePool = new k8s.apiextensions.CustomResource(
            this.childName("node-pool"),
            { apiVersion: "karpenter.sh/v1", kind: "NodePool", metadata: { name: "general" }, spec: pool["spec"] },
            this.childOptions({ dependsOn: [this.nodeClass] }),
        );
        this.complete("nodeRoleName", "controllerRoleArn", "interruptionQueueName");
    }
}

/** Every problem with Karpenter's arguments. */
export function validateKarpenterArgs(
    args: KarpenterArgs,
    capacityTypes: readonly string[],
    replicas: number,
    rootVolumeGiB: number,
): Issue[] {
    const issues: Issue[] = [
        ...checkZones("zones", args.zones, {
            cloud: "aws",
            min: { count: 1, why: "Karpenter needs a zone to launch in", fix: "give the zones of the node subnets, e.g. us-east-1a" },
            max: 6,
        }),
        ...checkWholeNumber("maxInstanceVcpu", args.maxInstanceVcpu, { min: 2, max: 192 }),
        ...checkWholeNumber("limits.cpu", args.limits?.cpu, { min: 0, max: 10_000 }),
        ...checkWholeNumber("limits.memoryGiB", args.limits?.memoryGiB, { min: 0, max: 100_000 }),
        ...checkWholeNumber("replicas", replicas, { min: 1, max: 5 }),
        ...checkWholeNumber("rootVolumeGiB", rootVolumeGiB, { min: 20, max: 16384 }, "use at least 20 GiB (images and logs live there)"),
        ...checkUnique("capacityTypes", capacityTypes, "capacity type"),
    ];
    if (capacityTypes.length === 0 || capacityTypes.some((t) => !(KARPENTER_CAPACITY_TYPES as readonly string[]).includes(t))) {
        issues.push({
            field: "capacityTypes",
            value: capacityTypes,
            problem: "must list on-demand, spot or both",
            fix: 'use ["on-demand"] (production) or ["spot", "on-demand"]',
        });
    }
    issues.push(...checkNodeSecurityGroups("securityGroupIds", args.securityGroupIds));
    return issues;
}
