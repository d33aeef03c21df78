import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { countByType, fieldsAndProblems, findResource, type InventoryResource, rejectedIssues, synthesize } from "@platform/synth";
import { EksNodeGroup, type EksNodeGroupArgs, nodeLaunchTemplateArgs } from "../../src/index.js";

const KMS = "arn:aws:kms:us-east-1:111111111111:key/data";
const base: EksNodeGroupArgs = {
    naming: { project: "acme", environment: "staging" },
    clusterName: "acme-staging-eks",
    kubernetesVersion: "1.35",
    nodeRoleArn: "arn:aws:iam::111111111111:role/acme-staging-eks-node",
    subnetIds: ["subnet-a", "subnet-b"],
    securityGroupIds: ["sg-nodes"],
    instanceType: "m7i.xlarge",
    size: { desired: 2, min: 2, max: 6 },
    volumeKmsKeyArn: KMS,
    instanceTags: { team: "platform" },
};

async function synth(args: EksNodeGroupArgs, opts?: pulumi.ComponentResourceOptions): Promise<InventoryResource[]> {
    return (await synthesize({ project: "t", stack: "staging", program: () => void new EksNodeGroup("nodes-general", args, opts) }))
        .resources;
}

describe("EksNodeGroup", () => {
    it("one launch template and one managed node group", async () => {
        assert.deepEqual(countByType((await synth(base)).filter((r) => r.custom)), [
            { type: "aws:ec2/launchTemplate:LaunchTemplate", count: 1 },
            { type: "aws:eks/nodeGroup:NodeGroup", count: 1 },
        ]);
    });

    it("the launch template: IMDSv2 with hop limit 1, an encrypted gp3 root volume with the customer key, no SSH key, tagged instances", async () => {
        const template = findResource(await synth(base), "aws:ec2/launchTemplate:LaunchTemplate", "nodes-general-launch-template");
        const tags = { team: "platform", Name: "acme-staging-nodes-general-nodes" };
        assert.deepEqual(template.inputs, {
            name: "acme-staging-nodes-general-nodes",
            description: "Nodes of the nodes-general group (m7i.xlarge)",
            updateDefaultVersion: true,
            vpcSecurityGroupIds: ["sg-nodes"],
            metadataOptions: {
                httpEndpoint: "enabled",
                httpTokens: "required",
                httpPutResponseHopLimit: 1,
                httpProtocolIpv6: "disabled",
                instanceMetadataTags: "disabled",
            },
            blockDeviceMappings: [
                {
                    deviceName: "/dev/xvda",
                    ebs: {
                        volumeSize: 50,
                        volumeType: "gp3",
                        iops: 3000,
                        throughput: 125,
                        encrypted: "true",
                        kmsKeyId: KMS,
                        deleteOnTermination: "true",
                    },
                },
            ],
            monitoring: { enabled: true },
            tagSpecifications: ["instance", "volume", "network-interface"].map((resourceType) => ({ resourceType, tags })),
            tags: { Name: "acme-staging-nodes-general-nodes" },
        });
        assert.deepEqual(nodeLaunchTemplateArgs({ ...templateSpec(), metadataHopLimit: 2 }).metadataOptions, {
            httpEndpoint: "enabled",
            httpTokens: "required",
            httpPutResponseHopLimit: 2,
            httpProtocolIpv6: "disabled",
            instanceMetadataTags: "disabled",
        });
    });

    it("the node group: sized as asked, in the given subnets, on the cluster's version and the AL2023 AMI, rolling a third at a time", async () => {
        const resources = await synth({
            ...base,
            labels: { "platform.io/node-pool": "system" },
            taints: [{ key: "CriticalAddonsOnly", value: "true", effect: "NO_SCHEDULE" }],
        });
        const template = findResource(resources, "aws:ec2/launchTemplate:LaunchTemplate", "nodes-general-launch-template");
        const group = findResource(resources, "aws:eks/nodeGroup:NodeGroup", "nodes-general-node-group");
        const { tags: _tags, ...inputs } = group.inputs;
        assert.deepEqual(inputs, {
            clusterName: "acme-staging-eks",
            nodeGroupName: "acme-staging-nodes-general-nodes",
            version: "1.35",
            nodeRoleArn: "arn:aws:iam::111111111111:role/acme-staging-eks-node",
            subnetIds: ["subnet-a", "subnet-b"],
            amiType: "AL2023_x86_64_STANDARD",
            capacityType: "ON_DEMAND",
            instanceTypes: ["m7i.xlarge"],
            scalingConfig: { desiredSize: 2, minSize: 2, maxSize: 6 },
            updateConfig: { maxUnavailablePercentage: 33 },
            launchTemplate: { id: template.id, version: "1" },
            labels: { "platform.io/node-pool": "system" },
            taints: [{ key: "CriticalAddonsOnly", value: "true", effect: "NO_SCHEDULE" }],
        });
        assert.deepEqual(group.ignoreChanges, ["scalingConfig.desiredSize"]);
        assert.equal(group.inputs["remoteAccess"], undefined);
    });

    it("protect reaches both children; nothing is retained (no data in them)", async () => {
        const resources = (await synth(base, { protect: true })).filter((r) => r.custom);
        assert.deepEqual(
            resources.map((r) => [r.protect, r.retainOnDelete]),
            [
                [true, false],
                [true, false],
            ],
        );
    });

    describe("rejects bad arguments, listing every problem", () => {
        const cases: Array<[string, Partial<EksNodeGroupArgs>, Array<[string, string]>]> = [
            ["an unsupported version", { kubernetesVersion: "1.20" as never }, [["kubernetesVersion", "is not an allowed value"]]],
            ["a malformed instance type", { instanceType: "large" }, [["instanceType", "is not an EC2 instance type"]]],
            [
                "sizes out of order and out of range",
                { size: { desired: 1, min: 2, max: 0 } },
                [
                    ["size.max", "must be a whole number from 1 to 450"],
                    ["size", "desired must lie between min and max"],
                ],
            ],
            ["a tiny root volume", { rootVolumeGiB: 8 }, [["rootVolumeGiB", "must be a whole number from 20 to 16384"]]],
            ["a hop limit of 3", { metadataHopLimit: 3 as never }, [["metadataHopLimit", "is not an allowed value"]]],
            [
                "no security group",
                { securityGroupIds: [] },
                [["securityGroupIds", "nodes without the node security group cannot reach the control plane"]],
            ],
            [
                "a bad label key, a bad taint key and effect",
                { labels: { "bad key": "x" }, taints: [{ key: "-x", effect: "NoSchedule" as never }] },
                [
                    ["labels.bad key", "is not a Kubernetes label key"],
                    ["taints[0].key", "is not a Kubernetes taint key"],
                    ["taints[0].effect", "is not an allowed value"],
                ],
            ],
        ];
        for (const [what, override, expected] of cases) {
            it(what, async () => {
                assert.deepEqual(fieldsAndProblems(await rejectedIssues(synth({ ...base, ...override }))), expected);
            });
        }
    });
});

function templateSpec() {
    return {
        name: "n",
        description: "d",
        securityGroupIds: ["sg"],
        rootVolumeGiB: 50,
        kmsKeyArn: KMS,
        metadataHopLimit: 1 as const,
        resourceTags: {},
    };
}
