import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { countByType, fieldsAndProblems, findResource, type InventoryResource, ofType, rejectedIssues, synthesize } from "@platform/synth";
import {
    adminEntryKey,
    EKS_ADDON_VERSIONS,
    groupEntryKey,
    EksCluster,
    type EksClusterArgs,
    planEksSecurityGroupRules,
    podIdentityTrustPolicy,
} from "../../src/index.js";

const KEY = "arn:aws:kms:us-east-1:111111111111:key/";
const base: EksClusterArgs = {
    naming: { project: "acme", environment: "prod" },
    kubernetesVersion: "1.35",
    vpcId: "vpc-1",
    subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
    secretsKmsKeyArn: `${KEY}secrets`,
    logs: { retentionDays: 90, kmsKeyArn: `${KEY}logs` },
};
const ADMIN = "arn:aws:iam::123456789012:role/platform-admin";
const BREAK_GLASS = "arn:aws:iam::123456789012:role/ops/Break.Glass";

async function synth(args: EksClusterArgs, opts?: pulumi.ComponentResourceOptions): Promise<InventoryResource[]> {
    return (await synthesize({ project: "t", stack: "prod", program: () => void new EksCluster("eks", args, opts) })).resources;
}

function json(value: unknown): unknown {
    return typeof value === "string" ? JSON.parse(value) : value;
}

describe("EksCluster", () => {
    it("creates the control plane, its log group, roles, security groups, OIDC provider, one admin and the node add-ons, nothing else", async () => {
        const resources = await synth(base);
        assert.deepEqual(countByType(resources.filter((r) => r.custom)), [
            { type: "aws:cloudwatch/logGroup:LogGroup", count: 1 },
            { type: "aws:ec2/securityGroup:SecurityGroup", count: 2 },
            { type: "aws:eks/accessEntry:AccessEntry", count: 1 },
            { type: "aws:eks/accessPolicyAssociation:AccessPolicyAssociation", count: 1 },
            { type: "aws:eks/addon:Addon", count: 3 },
            { type: "aws:eks/cluster:Cluster", count: 1 },
            { type: "aws:iam/openIdConnectProvider:OpenIdConnectProvider", count: 1 },
            { type: "aws:iam/role:Role", count: 3 },
            { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", count: 5 },
            { type: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", count: 7 },
            { type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", count: 8 },
        ]);
    });

    it("the cluster: pinned version, private endpoint, secrets encryption, all five log types, access entries only, standard support", async () => {
        const resources = await synth(base);
        const cluster = findResource(resources, "aws:eks/cluster:Cluster", "eks-cluster");
        const clusterSg = findResource(resources, "aws:ec2/securityGroup:SecurityGroup", "eks-cluster-sg");
        const role = findResource(resources, "aws:iam/role:Role", "eks-cluster-role");
        const { tags: _tags, ...inputs } = cluster.inputs;
        assert.deepEqual(inputs, {
            name: "acme-prod-eks",
            version: "1.35",
            roleArn: role.outputs["arn"],
            vpcConfig: {
                subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
                securityGroupIds: [clusterSg.id],
                endpointPrivateAccess: true,
                endpointPublicAccess: false,
            },
            encryptionConfig: { resources: ["secrets"], provider: { keyArn: `${KEY}secrets` } },
            enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
            accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false },
            bootstrapSelfManagedAddons: false,
            upgradePolicy: { supportType: "STANDARD" },
            deletionProtection: false,
        });
        const logs = findResource(resources, "aws:cloudwatch/logGroup:LogGroup", "eks-control-plane-logs");
        assert.deepEqual(
            [logs.inputs["name"], logs.inputs["retentionInDays"], logs.inputs["kmsKeyId"]],
            ["/aws/eks/acme-prod-eks/cluster", 90, `${KEY}logs`],
        );
        assert.ok(cluster.dependencies.includes(logs.urn), "the log group exists before the cluster");
        assert.deepEqual(json(role.inputs["assumeRolePolicy"]), {
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Service: "eks.amazonaws.com" },
                    Action: ["sts:AssumeRole", "sts:TagSession"],
                    Condition: { StringEquals: { "aws:SourceAccount": "111111111111" } },
                },
            ],
        });
    });

    it("roles carry named AWS managed policies only; the CNI policy sits on vpc-cni's Pod Identity role, not the nodes", async () => {
        const resources = await synth(base);
        const roles = new Map(ofType(resources, "aws:iam/role:Role").map((r) => [r.outputs["name"], r.name]));
        assert.deepEqual(
            ofType(resources, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")
                .map((a) => `${roles.get(a.inputs["role"])} ${String(a.inputs["policyArn"])}`)
                .sort(),
            [
                "eks-cluster-role arn:aws:iam::aws:policy/AmazonEKSClusterPolicy",
                "eks-node-role arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly",
                "eks-node-role arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
                "eks-node-role arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
                "eks-vpc-cni-role arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
            ],
        );
        assert.deepEqual(ofType(resources, "aws:iam/rolePolicy:RolePolicy"), []);
        const cni = findResource(resources, "aws:iam/role:Role", "eks-vpc-cni-role");
        const cluster = findResource(resources, "aws:eks/cluster:Cluster", "eks-cluster");
        assert.deepEqual(json(cni.inputs["assumeRolePolicy"]), podIdentityTrustPolicy("111111111111", String(cluster.outputs["arn"])));
    });

    it("the node add-ons: pinned for the version, vpc-cni enforcing NetworkPolicy through its Pod Identity role", async () => {
        const resources = await synth(base);
        const addons = ofType(resources, "aws:eks/addon:Addon");
        assert.deepEqual(
            addons
                .map((a) => [
                    a.inputs["addonName"],
                    a.inputs["addonVersion"],
                    a.inputs["resolveConflictsOnCreate"],
                    a.inputs["resolveConflictsOnUpdate"],
                ])
                .sort(),
            [
                ["eks-pod-identity-agent", EKS_ADDON_VERSIONS["1.35"]["eks-pod-identity-agent"], "OVERWRITE", "OVERWRITE"],
                ["kube-proxy", EKS_ADDON_VERSIONS["1.35"]["kube-proxy"], "OVERWRITE", "OVERWRITE"],
                ["vpc-cni", EKS_ADDON_VERSIONS["1.35"]["vpc-cni"], "OVERWRITE", "OVERWRITE"],
            ],
        );
        const cni = findResource(resources, "aws:eks/addon:Addon", "eks-vpc-cni");
        assert.deepEqual(json(cni.inputs["configurationValues"]), {
            enableNetworkPolicy: "true",
            nodeAgent: { enablePolicyEventLogs: "true" },
        });
        const cniRole = findResource(resources, "aws:iam/role:Role", "eks-vpc-cni-role");
        assert.deepEqual(cni.inputs["podIdentityAssociations"], [{ roleArn: cniRole.outputs["arn"], serviceAccount: "aws-node" }]);
        const agent = findResource(resources, "aws:eks/addon:Addon", "eks-eks-pod-identity-agent");
        assert.ok(cni.dependencies.includes(agent.urn), "vpc-cni waits for the Pod Identity agent");
    });

    it("security groups: the rules of the plan, each between the cluster and node groups or out of the nodes", async () => {
        const resources = await synth(base);
        const groups = new Map(
            ofType(resources, "aws:ec2/securityGroup:SecurityGroup").map((g) => [g.id, g.name.replace(/^eks-|-sg$/g, "")]),
        );
        for (const group of ofType(resources, "aws:ec2/securityGroup:SecurityGroup")) {
            assert.deepEqual([group.inputs["ingress"], group.inputs["egress"]], [[], []], `${group.name} starts closed`);
        }
        const rules = [
            ...ofType(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => ["ingress", r] as const),
            ...ofType(resources, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").map((r) => ["egress", r] as const),
        ];
        const seen = rules
            .map(([direction, r]) =>
                [
                    groups.get(r.inputs["securityGroupId"] as string),
                    direction,
                    r.inputs["ipProtocol"],
                    r.inputs["fromPort"] ?? "all",
                    r.inputs["referencedSecurityGroupId"] !== undefined
                        ? groups.get(r.inputs["referencedSecurityGroupId"] as string)
                        : r.inputs["cidrIpv4"],
                ].join(" "),
            )
            .sort();
        const planned = planEksSecurityGroupRules()
            .map((r) => [r.group, r.direction, r.protocol, r.port ?? "all", "group" in r.peer ? r.peer.group : r.peer.cidr].join(" "))
            .sort();
        assert.deepEqual(seen, planned);
        assert.deepEqual(
            planned.filter((r) => r.includes("ingress") && r.includes("0.0.0.0/0")),
            [],
            "no ingress from the internet",
        );
        // All traffic out to the internet only from the node group, which carries the tag aws-sg-no-public-egress-all admits it on.
        assert.deepEqual(
            planned.filter((r) => r.includes("egress") && r.includes("0.0.0.0/0")),
            ["node egress -1 all 0.0.0.0/0"],
        );
        assert.deepEqual(
            ofType(resources, "aws:ec2/securityGroup:SecurityGroup")
                .map((g) => [g.name, (g.inputs["tags"] as Record<string, string>)["egress"] ?? null])
                .sort(),
            [
                ["eks-cluster-sg", null],
                ["eks-node-sg", "internet"],
            ],
        );
    });

    it("administrators: one access entry and cluster-admin association per role, keyed by role (no aws-auth ConfigMap)", async () => {
        const resources = await synth({ ...base, adminRoleArns: [ADMIN, BREAK_GLASS] });
        assert.deepEqual(
            ofType(resources, "aws:eks/accessEntry:AccessEntry").map((e) => [
                e.name,
                e.inputs["principalArn"],
                e.inputs["type"],
                e.inputs["clusterName"],
            ]),
            [
                [`eks-${adminEntryKey(ADMIN)}`, ADMIN, "STANDARD", "acme-prod-eks"],
                [`eks-${adminEntryKey(BREAK_GLASS)}`, BREAK_GLASS, "STANDARD", "acme-prod-eks"],
            ],
        );
        assert.deepEqual(
            ofType(resources, "aws:eks/accessPolicyAssociation:AccessPolicyAssociation").map((a) => [
                a.inputs["principalArn"],
                a.inputs["policyArn"],
                a.inputs["accessScope"],
            ]),
            [ADMIN, BREAK_GLASS].map((arn) => [
                arn,
                "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
                { type: "cluster" },
            ]),
        );
        assert.match(adminEntryKey(BREAK_GLASS), /^admin-break-glass-[0-9a-f]{6}$/);
        assert.equal(ofType(resources, "kubernetes:core/v1:ConfigMap").length, 0);
    });

    it("no administrators from config: the deploying identity's IAM role becomes the one administrator (explicitly)", async () => {
        const resources = await synth(base);
        assert.deepEqual(
            ofType(resources, "aws:eks/accessEntry:AccessEntry").map((e) => [e.name, e.inputs["principalArn"]]),
            [["eks-admin-deployer", "arn:aws:iam::111111111111:role/simulated-ci"]],
        );
        assert.deepEqual(
            ofType(resources, "aws:eks/accessPolicyAssociation:AccessPolicyAssociation").map((a) => a.inputs["policyArn"]),
            ["arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"],
        );
        const withAdmins = await synth({ ...base, adminRoleArns: [ADMIN] });
        assert.deepEqual(
            ofType(withAdmins, "aws:eks/accessEntry:AccessEntry").map((e) => e.inputs["principalArn"]),
            [ADMIN],
        );
    });

    it("group roles: one access entry per role with its Kubernetes groups and no access policy (RBAC decides)", async () => {
        const PAYMENTS = "arn:aws:iam::123456789012:role/payments-deployers";
        const resources = await synth({
            ...base,
            adminRoleArns: [ADMIN],
            groupRoles: [
                { roleArn: BREAK_GLASS, groups: ["platform:break-glass"] },
                { roleArn: PAYMENTS, groups: ["acme:payments"] },
            ],
        });
        assert.deepEqual(
            ofType(resources, "aws:eks/accessEntry:AccessEntry").map((e) => [
                e.name,
                e.inputs["principalArn"],
                e.inputs["type"],
                e.inputs["kubernetesGroups"] ?? null,
            ]),
            [
                [`eks-${adminEntryKey(ADMIN)}`, ADMIN, "STANDARD", null],
                [`eks-${groupEntryKey(BREAK_GLASS)}`, BREAK_GLASS, "STANDARD", ["platform:break-glass"]],
                [`eks-${groupEntryKey(PAYMENTS)}`, PAYMENTS, "STANDARD", ["acme:payments"]],
            ],
        );
        assert.deepEqual(
            ofType(resources, "aws:eks/accessPolicyAssociation:AccessPolicyAssociation").map((a) => a.inputs["principalArn"]),
            [ADMIN],
            "only administrators get an access policy",
        );
        assert.match(groupEntryKey(PAYMENTS), /^group-payments-deployers-[0-9a-f]{6}$/);
    });

    it("rejects bad group roles: a user ARN, no groups, a system: group, a role twice", async () => {
        assert.deepEqual(
            fieldsAndProblems(
                await rejectedIssues(
                    synth({
                        ...base,
                        groupRoles: [
                            { roleArn: "arn:aws:iam::123456789012:user/alice", groups: ["acme:a"] },
                            { roleArn: ADMIN, groups: [] },
                            { roleArn: ADMIN, groups: ["system:masters"] },
                        ],
                    }),
                ),
            ),
            [
                ["groupRoles[0].roleArn", "is not an IAM role ARN without wildcards"],
                ["groupRoles[1].groups", "is empty, so the role gets no rights"],
                ["groupRoles[2].groups[0]", "is a system: group, which EKS refuses"],
                ["groupRoles[].roleArn", `"${ADMIN}" listed twice`],
            ],
        );
    });

    it("a public endpoint only with the allow-list", async () => {
        const resources = await synth({ ...base, publicAccessCidrs: ["203.0.113.0/24"] });
        const vpcConfig = findResource(resources, "aws:eks/cluster:Cluster", "eks-cluster").inputs["vpcConfig"] as Record<string, unknown>;
        assert.deepEqual(
            [vpcConfig["endpointPrivateAccess"], vpcConfig["endpointPublicAccess"], vpcConfig["publicAccessCidrs"]],
            [true, true, ["203.0.113.0/24"]],
        );
    });

    it("the OIDC provider trusts the cluster's issuer for STS", async () => {
        const resources = await synth(base);
        const cluster = findResource(resources, "aws:eks/cluster:Cluster", "eks-cluster");
        const oidc = findResource(resources, "aws:iam/openIdConnectProvider:OpenIdConnectProvider", "eks-oidc");
        const issuer = (cluster.outputs["identities"] as Array<{ oidcs: Array<{ issuer: string }> }>)[0]?.oidcs[0]?.issuer;
        assert.match(String(issuer), /^https:\/\/oidc\.eks\.us-east-1\.amazonaws\.com\/id\/[0-9A-F]{32}$/);
        assert.deepEqual(
            [oidc.inputs["url"], oidc.inputs["clientIdLists"], oidc.inputs["thumbprintLists"]],
            [issuer, ["sts.amazonaws.com"], undefined],
        );
    });

    it("protect: the cluster and its log group are protected, retained and deletion-protected; every child protected", async () => {
        const resources = await synth(base, { protect: true });
        const custom = resources.filter((r) => r.custom);
        assert.deepEqual(
            custom.filter((r) => r.retainOnDelete).map((r) => r.type),
            ["aws:cloudwatch/logGroup:LogGroup", "aws:eks/cluster:Cluster"],
        );
        assert.ok(custom.every((r) => r.protect));
        assert.equal(findResource(resources, "aws:eks/cluster:Cluster", "eks-cluster").inputs["deletionProtection"], true);
        const open = await synth(base);
        assert.deepEqual(
            open.filter((r) => r.protect || r.retainOnDelete).map((r) => r.name),
            [],
        );
    });

    describe("rejects bad arguments, listing every problem", () => {
        const cases: Array<[string, Partial<EksClusterArgs>, Array<[string, string]>]> = [
            ["an unsupported version", { kubernetesVersion: "1.28" as never }, [["kubernetesVersion", "is not an allowed value"]]],
            [
                "a log retention CloudWatch does not offer",
                { logs: { retentionDays: 10, kmsKeyArn: "k" } },
                [["logs.retentionDays", "is not a retention CloudWatch Logs accepts"]],
            ],
            [
                "a user or wildcard administrator, and a repeated one",
                { adminRoleArns: ["arn:aws:iam::123456789012:user/alice", "arn:aws:iam::123456789012:role/*", ADMIN, ADMIN] },
                [
                    ["adminRoleArns[0]", "is not an IAM role ARN without wildcards"],
                    ["adminRoleArns[1]", "is not an IAM role ARN without wildcards"],
                    ["adminRoleArns", `"${ADMIN}" listed twice`],
                ],
            ],
            [
                "0.0.0.0/0, a block wider than /8, and a malformed block",
                { publicAccessCidrs: ["0.0.0.0/0", "10.0.0.0/7", "10.0.0.1/8"] },
                [
                    ["publicAccessCidrs[0]", "opens the cluster API endpoint to the whole internet"],
                    ["publicAccessCidrs[1]", "is /7, wider than /8: it opens the API endpoint to a large part of the internet"],
                    ["publicAccessCidrs[2]", "host bits are set; the network address for /8 is 10.0.0.0/8"],
                ],
            ],
            ["an unknown support type", { supportType: "FOREVER" as never }, [["supportType", "is not an allowed value"]]],
        ];
        for (const [what, override, expected] of cases) {
            it(what, async () => {
                assert.deepEqual(fieldsAndProblems(await rejectedIssues(synth({ ...base, ...override }))), expected);
            });
        }
    });
});
