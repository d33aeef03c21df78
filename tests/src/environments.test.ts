import * as assert from "node:assert/strict";
import { type EnvironmentSynthesis, synthesizeEnvironment } from "@platform/automation";
import { countByType, type InventoryResource } from "@platform/synth";
import { REPO_ROOT } from "./paths.js";

const results = new Map<string, EnvironmentSynthesis>();

async function synth(env: string): Promise<EnvironmentSynthesis> {
    const cached = results.get(env);
    if (cached) {
        return cached;
    }
    const result = await synthesizeEnvironment({ root: REPO_ROOT, env });
    results.set(env, result);
    return result;
}

function count(resources: readonly InventoryResource[], type: string): number {
    return resources.filter((r) => r.type === type).length;
}

function foundation(result: EnvironmentSynthesis): InventoryResource[] {
    const stack = result.stacks.find((s) => s.project === "foundation");
    assert.ok(stack, "foundation stack synthesized");
    return stack.resources;
}

describe("every environment synthesizes with zero mandatory violations", () => {
    for (const env of ["dev", "staging", "prod", "dr"]) {
        it(`${env}: no mandatory violation in any stack`, async () => {
            const result = await synth(env);
            assert.deepEqual(
                result.violations.filter((v) => v.enforcementLevel === "mandatory"),
                [],
            );
        });
    }
});

describe("environment shapes (seed numbers reach the resources)", () => {
    // Keys: the four purposes, plus the DNSSEC signing key of a public zone (staging and prod).
    const aws: Array<[string, { azs: number; nats: number; subnets: number; zones: number; keys: number; protect: boolean }]> = [
        ["dev", { azs: 2, nats: 1, subnets: 6, zones: 1, keys: 4, protect: false }],
        ["staging", { azs: 2, nats: 2, subnets: 6, zones: 2, keys: 5, protect: false }],
        ["prod", { azs: 3, nats: 3, subnets: 9, zones: 2, keys: 5, protect: true }],
    ];
    for (const [env, want] of aws) {
        it(`${env}: ${want.nats} NAT gateway(s), ${want.subnets} subnets over ${want.azs} AZs, ${want.zones} DNS zone(s), stateful protection ${want.protect}`, async () => {
            const resources = foundation(await synth(env));
            assert.equal(count(resources, "aws:ec2/natGateway:NatGateway"), want.nats);
            // Each NAT gateway: a port-allocation and a dropped-packets alarm, on its own id, to the one topic.
            const natIds = resources.filter((r) => r.type === "aws:ec2/natGateway:NatGateway").map((r) => r.id);
            const alarms = resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm");
            assert.equal(alarms.length, 2 * want.nats);
            assert.deepEqual(
                new Set(alarms.map((a) => (a.inputs["dimensions"] as Record<string, unknown> | undefined)?.["NatGatewayId"] ?? "queries")),
                new Set(["queries", ...natIds]),
            );
            assert.equal(count(resources, "aws:sns/topic:Topic"), 1);
            // The monthly budget of environments/Pulumi.<env>.yaml, on the environment's cost allocation tag.
            assert.deepEqual(
                resources
                    .filter((r) => r.type === "aws:budgets/budget:Budget")
                    .map((r) => [r.inputs["limitAmount"], r.inputs["costFilters"]]),
                [
                    [
                        { dev: "1000.00", staging: "3000.00", prod: "15000.00" }[env],
                        [{ name: "TagKeyValue", values: [`user:environment$${env}`] }],
                    ],
                ],
            );
            assert.equal(count(resources, "aws:ec2/subnet:Subnet"), want.subnets);
            assert.equal(
                new Set(resources.filter((r) => r.type === "aws:ec2/subnet:Subnet").map((r) => r.inputs["availabilityZone"])).size,
                want.azs,
            );
            assert.equal(count(resources, "aws:route53/zone:Zone"), want.zones);
            assert.equal(count(resources, "aws:kms/key:Key"), want.keys);
            assert.equal(count(resources, "aws:route53/hostedZoneDnsSec:HostedZoneDnsSec"), want.keys - 4);
            assert.equal(count(resources, "aws:route53/queryLog:QueryLog"), want.keys - 4);
            assert.deepEqual(
                resources.filter((r) => r.type === "aws:kms/key:Key" || r.type === "aws:route53/zone:Zone").map((r) => r.protect),
                Array(want.keys + want.zones).fill(want.protect),
            );
        });
    }

    it("AWS resources get the ownership tags from one provider with defaultTags", async () => {
        const resources = foundation(await synth("prod"));
        const providers = resources.filter((r) => r.type === "pulumi:providers:aws");
        assert.equal(providers.length, 1);
        const defaultTags = providers[0].inputs["defaultTags"];
        const tags = (typeof defaultTags === "string" ? JSON.parse(defaultTags) : defaultTags) as { tags: Record<string, string> };
        assert.deepEqual(tags.tags, {
            environment: "prod",
            team: "platform",
            "cost-center": "cc-1042",
            project: "acme",
            "managed-by": "pulumi",
        });
        assert.equal(providers[0].inputs["region"], "us-east-1");
        const providerRef = `${providers[0].urn}::${providers[0].id}`;
        const custom = resources.filter((r) => r.custom && r.type.startsWith("aws:"));
        assert.deepEqual(
            custom.filter((r) => r.provider !== providerRef).map((r) => r.urn),
            [],
        );
    });

    it("prod exports the outputs later layers read", async () => {
        const stack = (await synth("prod")).stacks[0];
        assert.deepEqual(Object.keys(stack.outputs).sort(), [
            "availabilityZones",
            "cloud",
            "dns",
            "endpointSecurityGroupId",
            "environment",
            "isolatedSubnetIds",
            "kmsKeyArns",
            "kmsKeyIds",
            "privateSubnetIds",
            "publicSubnetIds",
            "region",
            "vpcCidr",
            "vpcId",
        ]);
        assert.equal((stack.outputs["privateSubnetIds"] as string[]).length, 3);
        assert.deepEqual(Object.keys(stack.outputs["kmsKeyArns"] as object), ["logs", "data", "secrets", "backups"]);
        assert.deepEqual((stack.outputs["dns"] as Record<string, unknown>)["publicZoneName"], "acme.example.com");
    });
});

describe("the root one-stack project", () => {
    it("dev composes the same foundation, security, cluster, data and platform layers as the five stacks, with one cloud provider and no stack reference", async () => {
        const result = await synthesizeEnvironment({ root: REPO_ROOT, env: "dev", stack: "platform" });
        const root = result.stacks[0];
        assert.equal(root.project, "platform");
        const layers = await synth("dev");
        // Every stack has its own AWS provider and the later ones references to those below; the root has neither twice.
        // (The cluster, data and platform layers each have a Kubernetes provider in both shapes.)
        const layerResources = layers.stacks
            .flatMap((s) => s.resources)
            .filter((r) => !["pulumi:pulumi:Stack", "pulumi:pulumi:StackReference"].includes(r.type));
        const firstProvider = layerResources.findIndex((r) => r.type === "pulumi:providers:aws");
        assert.deepEqual(
            countByType(root.resources.filter((r) => r.type !== "pulumi:pulumi:Stack")),
            countByType(layerResources.filter((r, i) => r.type !== "pulumi:providers:aws" || i === firstProvider)),
        );
        assert.deepEqual(Object.keys(root.outputs), ["foundation", "security", "cluster", "data", "platform"]);
        assert.deepEqual(
            result.violations.filter((v) => v.enforcementLevel === "mandatory"),
            [],
        );
    });
});

describe("dr environment (GCP)", () => {
    it("one region: subnet, router and NAT; the firewall baseline; protected keys and zone; APIs enabled", async () => {
        const resources = foundation(await synth("dr"));
        const want: Record<string, number> = {
            "gcp:compute/network:Network": 1,
            "gcp:compute/subnetwork:Subnetwork": 1,
            "gcp:compute/router:Router": 1,
            "gcp:compute/routerNat:RouterNat": 1,
            "gcp:compute/firewall:Firewall": 4,
            "gcp:compute/globalAddress:GlobalAddress": 1,
            "gcp:servicenetworking/connection:Connection": 1,
            "gcp:kms/keyRing:KeyRing": 1,
            "gcp:kms/cryptoKey:CryptoKey": 4,
            "gcp:dns/managedZone:ManagedZone": 1,
            // The foundation's four APIs, and the budget's two.
            "gcp:projects/service:Service": 6,
            "gcp:billing/budget:Budget": 1,
        };
        assert.deepEqual(Object.fromEntries(Object.keys(want).map((t) => [t, count(resources, t)])), want);
        const stateful = resources.filter((r) =>
            ["gcp:kms/keyRing:KeyRing", "gcp:kms/cryptoKey:CryptoKey", "gcp:dns/managedZone:ManagedZone"].includes(r.type),
        );
        assert.deepEqual(
            stateful.map((r) => r.protect),
            Array(6).fill(true),
        );
        const subnet = resources.find((r) => r.type === "gcp:compute/subnetwork:Subnetwork")!;
        assert.deepEqual(
            [subnet.inputs["region"], subnet.inputs["ipCidrRange"], subnet.inputs["privateIpGoogleAccess"]],
            ["us-west1", "10.40.0.0/20", true],
        );
        const budgetServices = resources.filter((r) => r.type === "gcp:projects/service:Service" && r.name.startsWith("budget-apis-"));
        assert.deepEqual(budgetServices.map((s) => s.inputs["service"]).sort(), [
            "billingbudgets.googleapis.com",
            "monitoring.googleapis.com",
        ]);
        const services = resources.filter((r) => r.type === "gcp:projects/service:Service" && !budgetServices.includes(r));
        assert.deepEqual(services.map((s) => [s.inputs["service"], s.inputs["disableOnDestroy"]]).sort(), [
            ["cloudkms.googleapis.com", false],
            ["compute.googleapis.com", false],
            ["dns.googleapis.com", false],
            ["servicenetworking.googleapis.com", false],
        ]);
        const serviceUrns = services.map((s) => s.urn).sort();
        const network = resources.find((r) => r.type === "platform:network:GcpNetwork")!;
        assert.deepEqual([...network.dependencies].sort(), serviceUrns);
    });

    it("GCP resources get the ownership labels from the provider's defaultLabels", async () => {
        const resources = foundation(await synth("dr"));
        const provider = resources.filter((r) => r.type === "pulumi:providers:gcp");
        assert.equal(provider.length, 1);
        const labels = provider[0].inputs["defaultLabels"];
        assert.deepEqual(typeof labels === "string" ? JSON.parse(labels) : labels, {
            environment: "dr",
            team: "platform",
            "cost-center": "cc-1042",
            project: "acme",
            "managed-by": "pulumi",
        });
        assert.deepEqual([provider[0].inputs["project"], provider[0].inputs["region"]], ["acme-dr-prod", "us-west1"]);
    });
});

function clusterStack(result: EnvironmentSynthesis): InventoryResource[] {
    const stack = result.stacks.find((s) => s.project === "cluster");
    assert.ok(stack, "cluster stack synthesized");
    return stack.resources;
}

function byName(resources: readonly InventoryResource[], type: string, name: string): InventoryResource {
    const found = resources.find((r) => r.type === type && r.name === name);
    assert.ok(found, `${type} ${name}`);
    return found;
}

describe("cluster layer shapes (the profile reaches the nodes)", () => {
    const aws: Array<
        [
            string,
            {
                groups: Record<string, { type: string; scaling: [number, number, number]; subnets: number; tainted: boolean }>;
                karpenter: { cpu: string; memory: string; capacity: string[]; zones: string[]; replicas: number; onSystem: boolean };
                coreDns: number;
                logDays: number;
                protect: boolean;
                resources: number;
            },
        ]
    > = [
        [
            "dev",
            {
                groups: { "nodes-general": { type: "m7i.large", scaling: [1, 1, 3], subnets: 1, tainted: false } },
                karpenter: {
                    cpu: "4",
                    memory: "16Gi",
                    capacity: ["spot", "on-demand"],
                    zones: ["us-east-1a"],
                    replicas: 1,
                    onSystem: false,
                },
                coreDns: 2,
                logDays: 14,
                protect: false,
                resources: 69,
            },
        ],
        [
            "staging",
            {
                groups: {
                    "nodes-general": { type: "m7i.xlarge", scaling: [2, 2, 6], subnets: 2, tainted: false },
                    "nodes-system": { type: "m7i.large", scaling: [2, 2, 4], subnets: 2, tainted: true },
                },
                karpenter: {
                    cpu: "16",
                    memory: "64Gi",
                    capacity: ["spot", "on-demand"],
                    zones: ["us-east-1a", "us-east-1b"],
                    replicas: 2,
                    onSystem: true,
                },
                coreDns: 2,
                logDays: 30,
                protect: false,
                resources: 72,
            },
        ],
        [
            "prod",
            {
                groups: {
                    "nodes-general": { type: "m7i.2xlarge", scaling: [3, 3, 9], subnets: 3, tainted: false },
                    "nodes-system": { type: "m7i.large", scaling: [3, 3, 6], subnets: 3, tainted: true },
                },
                karpenter: {
                    cpu: "48",
                    memory: "192Gi",
                    capacity: ["on-demand"],
                    zones: ["us-east-1a", "us-east-1b", "us-east-1c"],
                    replicas: 2,
                    onSystem: true,
                },
                coreDns: 3,
                logDays: 90,
                protect: true,
                resources: 72,
            },
        ],
    ];
    for (const [env, want] of aws) {
        it(`${env}: node groups ${Object.keys(want.groups).join(" + ")}, Karpenter up to ${want.karpenter.cpu} more vCPUs (${want.karpenter.capacity.join(", ")}), protection ${want.protect}`, async () => {
            const resources = clusterStack(await synth(env));
            assert.equal(resources.length, want.resources);
            const groups = resources.filter((r) => r.type === "aws:eks/nodeGroup:NodeGroup");
            assert.deepEqual(
                Object.fromEntries(
                    groups.map((g) => {
                        const scaling = g.inputs["scalingConfig"] as Record<string, number>;
                        return [
                            g.name.replace(/-node-group$/, ""),
                            {
                                type: (g.inputs["instanceTypes"] as string[])[0],
                                scaling: [scaling["desiredSize"], scaling["minSize"], scaling["maxSize"]],
                                subnets: (g.inputs["subnetIds"] as string[]).length,
                                tainted: ((g.inputs["taints"] as unknown[]) ?? []).length > 0,
                            },
                        ];
                    }),
                ),
                want.groups,
            );
            // The cluster layer names no role of the security layer (it runs beside it): the drift
            // role's admin-view entry is the platform layer's; here only the administrators' policy.
            assert.deepEqual(
                resources
                    .filter((r) => r.type === "aws:eks/accessPolicyAssociation:AccessPolicyAssociation")
                    .map((v) => v.inputs["policyArn"]),
                ["arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"],
            );
            const cluster = byName(resources, "aws:eks/cluster:Cluster", "eks-cluster");
            assert.deepEqual(
                [
                    cluster.inputs["name"],
                    cluster.inputs["version"],
                    (cluster.inputs["vpcConfig"] as Record<string, unknown>)["endpointPublicAccess"],
                ],
                [`acme-${env}-eks`, "1.35", false],
            );
            assert.deepEqual(
                [cluster.protect, cluster.retainOnDelete, cluster.inputs["deletionProtection"]],
                [want.protect, want.protect, want.protect],
            );
            assert.equal(
                byName(resources, "aws:cloudwatch/logGroup:LogGroup", "eks-control-plane-logs").inputs["retentionInDays"],
                want.logDays,
            );
            const coredns = byName(resources, "aws:eks/addon:Addon", "eks-addons-coredns");
            assert.deepEqual(JSON.parse(String(coredns.inputs["configurationValues"])), { replicaCount: want.coreDns });
            const pool = byName(resources, "kubernetes:karpenter.sh/v1:NodePool", "karpenter-node-pool");
            const spec = pool.inputs["spec"] as {
                limits: { cpu: string; memory: string };
                template: { spec: { requirements: Array<{ key: string; values: string[] }> } };
            };
            const requirement = (key: string) => spec.template.spec.requirements.find((r) => r.key === key)?.values;
            const release = byName(resources, "kubernetes:helm.sh/v3:Release", "karpenter-release");
            const values = release.inputs["values"] as { replicas: number; nodeSelector: Record<string, string> };
            assert.deepEqual(
                {
                    cpu: spec.limits.cpu,
                    memory: spec.limits.memory,
                    capacity: requirement("karpenter.sh/capacity-type"),
                    zones: requirement("topology.kubernetes.io/zone"),
                    replicas: values.replicas,
                    onSystem: values.nodeSelector["platform.io/node-pool"] === "system",
                },
                want.karpenter,
            );
            // The cluster sits in the foundation's private subnets of every AZ (read through the stack reference).
            const foundationOutputs = (await synth(env)).stacks.find((s) => s.project === "foundation")!.outputs;
            assert.deepEqual((cluster.inputs["vpcConfig"] as Record<string, unknown>)["subnetIds"], foundationOutputs["privateSubnetIds"]);
        });
    }

    it("the AWS cluster contract: exactly the typed outputs; the kubeconfig runs aws eks get-token (secret: see the engine test)", async () => {
        const stack = (await synth("prod")).stacks.find((s) => s.project === "cluster")!;
        assert.deepEqual(Object.keys(stack.outputs).sort(), [
            "certificateAuthority",
            "cloud",
            "clusterArn",
            "clusterName",
            "clusterSecurityGroupId",
            "defaultStorageClass",
            "endpoint",
            "environment",
            "karpenter",
            "kubeconfig",
            "kubernetesVersion",
            "nodeRoleArn",
            "nodeRoleName",
            "nodeSecurityGroupId",
            "oidcIssuerUrl",
            "oidcProviderArn",
            "region",
        ]);
        assert.deepEqual(stack.outputs["karpenter"], {
            nodeRoleName: "acme-prod-karpenter-node",
            interruptionQueueName: "acme-prod-karpenter-interruption",
        });
        const kubeconfig = JSON.parse(String(stack.outputs["kubeconfig"])) as { users: Array<{ user: { exec: { command: string } } }> };
        assert.equal(kubeconfig.users[0]?.user.exec.command, "aws");
    });

    it("dr: a regional GKE cluster on STABLE, deletion-protected, general and system pools sized from the profile", async () => {
        const result = await synth("dr");
        const resources = clusterStack(result);
        assert.equal(resources.length, 21);
        // No Kubernetes object here: the drift service account's Secrets reader is the platform layer's.
        assert.deepEqual(
            resources.filter((r) => r.type.startsWith("kubernetes:") && r.custom).map((r) => r.type),
            [],
        );
        const cluster = byName(resources, "gcp:container/cluster:Cluster", "gke-cluster");
        assert.deepEqual(
            [
                cluster.inputs["location"],
                cluster.inputs["nodeLocations"],
                cluster.inputs["releaseChannel"],
                cluster.inputs["minMasterVersion"],
                cluster.inputs["deletionProtection"],
                cluster.protect,
                cluster.retainOnDelete,
            ],
            ["us-west1", ["us-west1-a", "us-west1-b", "us-west1-c"], { channel: "STABLE" }, "1.35", true, true, true],
        );
        const foundationOutputs = result.stacks.find((s) => s.project === "foundation")!.outputs;
        assert.deepEqual(
            [
                cluster.inputs["network"],
                cluster.inputs["subnetwork"],
                (cluster.inputs["databaseEncryption"] as Record<string, unknown>)["keyName"],
            ],
            [
                foundationOutputs["networkSelfLink"],
                (foundationOutputs["subnetSelfLinks"] as Record<string, string>)["us-west1"],
                (foundationOutputs["kmsKeyIds"] as Record<string, string>)["secrets"],
            ],
        );
        assert.deepEqual(
            resources
                .filter((r) => r.type === "gcp:container/nodePool:NodePool")
                .map((p) => [
                    p.name,
                    (p.inputs["nodeConfig"] as Record<string, unknown>)["machineType"],
                    p.inputs["autoscaling"],
                    p.inputs["initialNodeCount"],
                ]),
            [
                ["nodes-general-pool", "n2-standard-8", { totalMinNodeCount: 3, totalMaxNodeCount: 9, locationPolicy: "BALANCED" }, 1],
                ["nodes-system-pool", "n2-standard-2", { totalMinNodeCount: 3, totalMaxNodeCount: 6, locationPolicy: "BALANCED" }, 1],
            ],
        );
        const stack = result.stacks.find((s) => s.project === "cluster")!;
        assert.deepEqual(Object.keys(stack.outputs).sort(), [
            "certificateAuthority",
            "cloud",
            "clusterId",
            "clusterName",
            "defaultStorageClass",
            "endpoint",
            "environment",
            "gcpProject",
            "kubeconfig",
            "kubernetesVersion",
            "location",
            "nodeServiceAccountEmail",
            "oidcIssuerUrl",
            "region",
            "workloadIdentityPool",
        ]);
    });
});
