import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { countByType, fieldsAndProblems, findResource, type InventoryResource, ofType, rejectedIssues, synthesize } from "@platform/synth";
import {
    INTERRUPTION_EVENTS,
    interruptionQueuePolicy,
    KARPENTER_AMI_ALIAS,
    KARPENTER_CHART,
    Karpenter,
    type KarpenterArgs,
    karpenterControllerPolicy,
} from "../../src/index.js";
import { nodePoolManifest } from "../../src/eks/karpenter-manifests.mjs";

const KMS = "arn:aws:kms:us-east-1:111111111111:key/data";
const CLUSTER_ARN = "arn:aws:eks:us-east-1:111111111111:cluster/acme-staging-eks";
const base: KarpenterArgs = {
    naming: { project: "acme", environment: "staging" },
    clusterName: "acme-staging-eks",
    clusterArn: CLUSTER_ARN,
    clusterEndpoint: "https://EXAMPLE.gr7.us-east-1.eks.amazonaws.com",
    subnetIds: ["subnet-a", "subnet-b"],
    securityGroupIds: ["sg-nodes"],
    volumeKmsKeyArn: KMS,
    zones: ["us-east-1a", "us-east-1b"],
    maxInstanceVcpu: 4,
    limits: { cpu: 16, memoryGiB: 64 },
    capacityTypes: ["spot", "on-demand"],
    onSystemNodes: true,
    instanceTags: { team: "platform" },
};

async function synth(args: KarpenterArgs, opts?: pulumi.ComponentResourceOptions): Promise<InventoryResource[]> {
    return (await synthesize({ project: "t", stack: "staging", program: () => void new Karpenter("karpenter", args, opts) })).resources;
}

function json(value: unknown): unknown {
    return typeof value === "string" ? JSON.parse(value) : value;
}

describe("Karpenter", () => {
    it("IAM, the interruption queue and its four rules, Pod Identity, the chart, an EC2NodeClass and a NodePool", async () => {
        assert.deepEqual(countByType((await synth(base)).filter((r) => r.custom)), [
            { type: "aws:cloudwatch/eventRule:EventRule", count: 4 },
            { type: "aws:cloudwatch/eventTarget:EventTarget", count: 4 },
            { type: "aws:eks/accessEntry:AccessEntry", count: 1 },
            { type: "aws:eks/podIdentityAssociation:PodIdentityAssociation", count: 1 },
            { type: "aws:iam/role:Role", count: 2 },
            { type: "aws:iam/rolePolicy:RolePolicy", count: 1 },
            { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", count: 3 },
            { type: "aws:sqs/queue:Queue", count: 1 },
            { type: "aws:sqs/queuePolicy:QueuePolicy", count: 1 },
            { type: "kubernetes:helm.sh/v3:Release", count: 1 },
            { type: "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass", count: 1 },
            { type: "kubernetes:karpenter.sh/v1:NodePool", count: 1 },
        ]);
    });

    it("nodes: their own role with the named managed policies and an EC2_LINUX access entry", async () => {
        const resources = await synth(base);
        const role = findResource(resources, "aws:iam/role:Role", "karpenter-node-role");
        assert.deepEqual(
            ofType(resources, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").map((a) => [a.inputs["role"], a.inputs["policyArn"]]),
            ["AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly", "AmazonSSMManagedInstanceCore"].map((p) => [
                "acme-staging-karpenter-node",
                `arn:aws:iam::aws:policy/${p}`,
            ]),
        );
        const entry = findResource(resources, "aws:eks/accessEntry:AccessEntry", "karpenter-node-access");
        assert.deepEqual([entry.inputs["principalArn"], entry.inputs["type"]], [role.outputs["arn"], "EC2_LINUX"]);
    });

    it("the controller: a Pod Identity role scoped to this cluster, queue and node role", async () => {
        const resources = await synth(base);
        const queue = findResource(resources, "aws:sqs/queue:Queue", "karpenter-interruption");
        const nodeRole = findResource(resources, "aws:iam/role:Role", "karpenter-node-role");
        const policy = findResource(resources, "aws:iam/rolePolicy:RolePolicy", "karpenter-controller");
        assert.deepEqual(
            json(policy.inputs["policy"]),
            karpenterControllerPolicy({
                partition: "aws",
                region: "us-east-1",
                accountId: "111111111111",
                clusterName: "acme-staging-eks",
                clusterArn: CLUSTER_ARN,
                queueArn: String(queue.outputs["arn"]),
                nodeRoleArn: String(nodeRole.outputs["arn"]),
            }),
        );
        const association = findResource(resources, "aws:eks/podIdentityAssociation:PodIdentityAssociation", "karpenter-controller");
        const controller = findResource(resources, "aws:iam/role:Role", "karpenter-controller-role");
        assert.deepEqual(
            [association.inputs["namespace"], association.inputs["serviceAccount"], association.inputs["roleArn"]],
            ["kube-system", "karpenter", controller.outputs["arn"]],
        );
    });

    it("the controller policy never allows a resource outside the cluster's tags unscoped", () => {
        const doc = karpenterControllerPolicy({
            partition: "aws",
            region: "us-east-1",
            accountId: "111111111111",
            clusterName: "c",
            clusterArn: "arn:c",
            queueArn: "arn:q",
            nodeRoleArn: "arn:r",
        });
        const unscoped = doc.Statement.filter((s) => s.Resource === "*" && s.Condition === undefined).map((s) => s.Sid);
        assert.deepEqual(unscoped, ["AllowPricingReadActions", "AllowUnscopedInstanceProfileListAction"]);
        const deletion = doc.Statement.find((s) => s.Sid === "AllowScopedDeletion");
        assert.deepEqual(deletion?.Condition, {
            StringEquals: { "aws:ResourceTag/kubernetes.io/cluster/c": "owned" },
            StringLike: { "aws:ResourceTag/karpenter.sh/nodepool": "*" },
        });
        assert.deepEqual(doc.Statement.find((s) => s.Sid === "AllowPassingInstanceRole")?.Resource, "arn:r");
    });

    it("the interruption queue: short retention, encrypted, written only by EventBridge over TLS, fed by four rules", async () => {
        const resources = await synth(base);
        const queue = findResource(resources, "aws:sqs/queue:Queue", "karpenter-interruption");
        assert.deepEqual(
            [queue.inputs["name"], queue.inputs["messageRetentionSeconds"], queue.inputs["sqsManagedSseEnabled"]],
            ["acme-staging-karpenter-interruption", 300, true],
        );
        assert.deepEqual(
            json(findResource(resources, "aws:sqs/queuePolicy:QueuePolicy", "karpenter-interruption").inputs["policy"]),
            interruptionQueuePolicy(String(queue.outputs["arn"])),
        );
        assert.deepEqual(
            ofType(resources, "aws:cloudwatch/eventRule:EventRule").map((r) => [r.inputs["name"], json(r.inputs["eventPattern"])]),
            INTERRUPTION_EVENTS.map((e) => [`acme-staging-karpenter-${e.key}`, e.pattern]),
        );
        assert.deepEqual(
            ofType(resources, "aws:cloudwatch/eventTarget:EventTarget").map((t) => t.inputs["arn"]),
            Array(4).fill(queue.outputs["arn"]),
        );
    });

    it("the chart: pinned, on the system nodes, with the cluster, endpoint and queue", async () => {
        const resources = await synth(base);
        const release = findResource(resources, "kubernetes:helm.sh/v3:Release", "karpenter-release");
        assert.deepEqual(
            [
                release.inputs["name"],
                release.inputs["namespace"],
                release.inputs["chart"],
                release.inputs["version"],
                release.inputs["atomic"],
            ],
            ["karpenter", "kube-system", KARPENTER_CHART.chart, KARPENTER_CHART.version, true],
        );
        assert.deepEqual(release.inputs["values"], {
            settings: {
                clusterName: "acme-staging-eks",
                clusterEndpoint: "https://EXAMPLE.gr7.us-east-1.eks.amazonaws.com",
                interruptionQueue: "acme-staging-karpenter-interruption",
            },
            serviceAccount: { name: "karpenter" },
            replicas: 2,
            podDisruptionBudget: { name: "karpenter", maxUnavailable: 1 },
            controller: { resources: { requests: { cpu: "500m", memory: "512Mi" }, limits: { memory: "1Gi" } } },
            nodeSelector: { "platform.io/node-pool": "system" },
            tolerations: [{ key: "CriticalAddonsOnly", operator: "Exists", effect: "NoSchedule" }],
        });
        assert.equal(release.id, "kube-system/karpenter");
        const general = findResource(
            await synth({ ...base, onSystemNodes: false, replicas: 1 }),
            "kubernetes:helm.sh/v3:Release",
            "karpenter-release",
        );
        const values = general.inputs["values"] as Record<string, unknown>;
        assert.deepEqual(
            [values["nodeSelector"], values["tolerations"], values["replicas"]],
            [{ "platform.io/node-pool": "general" }, undefined, 1],
        );
    });

    it("the EC2NodeClass: the node role, the given subnets and group, IMDSv2 hop limit 1, encrypted gp3 with the customer key, a pinned AMI", async () => {
        const resources = await synth(base);
        const nodeClass = findResource(resources, "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass", "karpenter-node-class");
        const release = findResource(resources, "kubernetes:helm.sh/v3:Release", "karpenter-release");
        assert.ok(nodeClass.dependencies.includes(release.urn), "the CRDs (in the chart) come first");
        assert.deepEqual(nodeClass.inputs["spec"], {
            role: "acme-staging-karpenter-node",
            amiSelectorTerms: [{ alias: KARPENTER_AMI_ALIAS }],
            subnetSelectorTerms: [{ id: "subnet-a" }, { id: "subnet-b" }],
            securityGroupSelectorTerms: [{ id: "sg-nodes" }],
            metadataOptions: { httpEndpoint: "enabled", httpProtocolIPv6: "disabled", httpPutResponseHopLimit: 1, httpTokens: "required" },
            blockDeviceMappings: [
                {
                    deviceName: "/dev/xvda",
                    rootVolume: true,
                    ebs: { volumeSize: "50Gi", volumeType: "gp3", encrypted: true, kmsKeyID: KMS, deleteOnTermination: true },
                },
            ],
            detailedMonitoring: true,
            tags: { team: "platform" },
        });
        assert.doesNotMatch(KARPENTER_AMI_ALIAS, /@latest$/);
    });

    it("the NodePool: the profile's zones, size and capacity types; limits above the managed floor; consolidation with a budget", async () => {
        const pool = findResource(await synth(base), "kubernetes:karpenter.sh/v1:NodePool", "karpenter-node-pool");
        assert.deepEqual(pool.inputs["spec"], {
            template: {
                metadata: { labels: { "platform.io/node-pool": "general" } },
                spec: {
                    nodeClassRef: { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: "default" },
                    requirements: [
                        { key: "kubernetes.io/arch", operator: "In", values: ["amd64"] },
                        { key: "kubernetes.io/os", operator: "In", values: ["linux"] },
                        { key: "karpenter.k8s.aws/instance-category", operator: "In", values: ["c", "m", "r"] },
                        { key: "karpenter.k8s.aws/instance-generation", operator: "Gt", values: ["6"] },
                        { key: "karpenter.k8s.aws/instance-cpu", operator: "Lt", values: ["5"] },
                        { key: "topology.kubernetes.io/zone", operator: "In", values: ["us-east-1a", "us-east-1b"] },
                        { key: "karpenter.sh/capacity-type", operator: "In", values: ["spot", "on-demand"] },
                    ],
                    expireAfter: "720h",
                },
            },
            limits: { cpu: "16", memory: "64Gi" },
            disruption: { consolidationPolicy: "WhenEmptyOrUnderutilized", consolidateAfter: "1m", budgets: [{ nodes: "10%" }] },
        });
        const onDemand = findResource(
            await synth({ ...base, capacityTypes: undefined }),
            "kubernetes:karpenter.sh/v1:NodePool",
            "karpenter-node-pool",
        );
        const requirements = (onDemand.inputs["spec"] as { template: { spec: { requirements: Array<{ key: string; values: string[] }> } } })
            .template.spec.requirements;
        assert.deepEqual(requirements.find((r) => r.key === "karpenter.sh/capacity-type")?.values, ["on-demand"]);
    });

    it("the typed models refuse a manifest the CRD schema refuses", () => {
        assert.throws(
            () =>
                nodePoolManifest({
                    name: "general",
                    nodeClassName: "default",
                    instanceCategories: ["m"],
                    maxVcpu: 4,
                    zones: ["us-east-1a"],
                    capacityTypes: ["on-demand"],
                    limits: { cpu: 4, memoryGiB: 16 },
                    expireAfter: "forever",
                }),
            /expireAfter/,
        );
    });

    it("protect: every child protected; only the queue (an SQS queue counts as stateful) retained", async () => {
        const resources = (await synth(base, { protect: true })).filter((r) => r.custom);
        assert.ok(resources.every((r) => r.protect));
        assert.deepEqual(
            resources.filter((r) => r.retainOnDelete).map((r) => r.type),
            ["aws:sqs/queue:Queue"],
        );
    });

    describe("rejects bad arguments, listing every problem", () => {
        const cases: Array<[string, Partial<KarpenterArgs>, Array<[string, string]>]> = [
            ["zones of no region", { zones: ["east"] }, [["zones", "east is not a zone name"]]],
            ["no zone", { zones: [] }, [["zones", "0 zone(s) listed but Karpenter needs a zone to launch in"]]],
            ["a one-vCPU maximum", { maxInstanceVcpu: 1 }, [["maxInstanceVcpu", "must be a whole number from 2 to 192"]]],
            [
                "negative limits",
                { limits: { cpu: -1, memoryGiB: 1.5 } },
                [
                    ["limits.cpu", "must be a whole number from 0 to 10000"],
                    ["limits.memoryGiB", "must be a whole number from 0 to 100000"],
                ],
            ],
            ["no replica", { replicas: 0 }, [["replicas", "must be a whole number from 1 to 5"]]],
            ["a tiny root volume", { rootVolumeGiB: 10 }, [["rootVolumeGiB", "must be a whole number from 20 to 16384"]]],
            ["no capacity type", { capacityTypes: [] }, [["capacityTypes", "must list on-demand, spot or both"]]],
            [
                "an unknown and a repeated capacity type",
                { capacityTypes: ["spot", "spot", "reserved" as never] },
                [
                    ["capacityTypes", '"spot" listed twice'],
                    ["capacityTypes", "must list on-demand, spot or both"],
                ],
            ],
            [
                "no security group",
                { securityGroupIds: [] },
                [["securityGroupIds", "nodes without the node security group cannot reach the control plane"]],
            ],
        ];
        for (const [what, override, expected] of cases) {
            it(what, async () => {
                assert.deepEqual(fieldsAndProblems(await rejectedIssues(synth({ ...base, ...override }))), expected);
            });
        }
    });
});
