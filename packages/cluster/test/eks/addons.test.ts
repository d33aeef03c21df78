import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { countByType, fieldsAndProblems, findResource, type InventoryResource, rejectedIssues, synthesize } from "@platform/synth";
import { EKS_ADDON_VERSIONS, EksAddons, type EksAddonsArgs, ebsCsiKmsPolicy } from "../../src/index.js";

const KMS = "arn:aws:kms:us-east-1:111111111111:key/data";
const CLUSTER_ARN = "arn:aws:eks:us-east-1:111111111111:cluster/acme-prod-eks";
const base: EksAddonsArgs = {
    naming: { project: "acme", environment: "prod" },
    clusterName: "acme-prod-eks",
    clusterArn: CLUSTER_ARN,
    kubernetesVersion: "1.35",
    volumeKmsKeyArn: KMS,
};

async function synth(args: EksAddonsArgs, opts?: pulumi.ComponentResourceOptions): Promise<InventoryResource[]> {
    return (await synthesize({ project: "t", stack: "prod", program: () => void new EksAddons("eks-addons", args, opts) })).resources;
}

function json(value: unknown): unknown {
    return typeof value === "string" ? JSON.parse(value) : value;
}

describe("EksAddons", () => {
    it("CoreDNS, the EBS CSI driver with its Pod Identity role, and the default StorageClass", async () => {
        assert.deepEqual(countByType((await synth(base)).filter((r) => r.custom)), [
            { type: "aws:eks/addon:Addon", count: 2 },
            { type: "aws:iam/role:Role", count: 1 },
            { type: "aws:iam/rolePolicy:RolePolicy", count: 1 },
            { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", count: 1 },
            { type: "kubernetes:storage.k8s.io/v1:StorageClass", count: 1 },
        ]);
    });

    it("CoreDNS: pinned, at least two replicas", async () => {
        const coredns = findResource(await synth({ ...base, coreDnsReplicas: 3 }), "aws:eks/addon:Addon", "eks-addons-coredns");
        assert.deepEqual(
            [coredns.inputs["addonName"], coredns.inputs["addonVersion"], json(coredns.inputs["configurationValues"])],
            ["coredns", EKS_ADDON_VERSIONS["1.35"].coredns, { replicaCount: 3 }],
        );
    });

    it("the EBS CSI driver: pinned, through Pod Identity, with the managed policy and grants on the volume key only", async () => {
        const resources = await synth(base);
        const csi = findResource(resources, "aws:eks/addon:Addon", "eks-addons-aws-ebs-csi-driver");
        const role = findResource(resources, "aws:iam/role:Role", "eks-addons-ebs-csi-role");
        assert.deepEqual(
            [csi.inputs["addonVersion"], csi.inputs["podIdentityAssociations"]],
            [EKS_ADDON_VERSIONS["1.35"]["aws-ebs-csi-driver"], [{ roleArn: role.outputs["arn"], serviceAccount: "ebs-csi-controller-sa" }]],
        );
        assert.deepEqual(json(role.inputs["assumeRolePolicy"]), {
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Service: "pods.eks.amazonaws.com" },
                    Action: ["sts:AssumeRole", "sts:TagSession"],
                    Condition: { StringEquals: { "aws:SourceAccount": "111111111111" }, ArnEquals: { "aws:SourceArn": CLUSTER_ARN } },
                },
            ],
        });
        assert.equal(
            findResource(resources, "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "eks-addons-ebs-csi-role-policy").inputs[
                "policyArn"
            ],
            "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy",
        );
        assert.deepEqual(
            json(findResource(resources, "aws:iam/rolePolicy:RolePolicy", "eks-addons-ebs-csi-kms").inputs["policy"]),
            ebsCsiKmsPolicy(KMS),
        );
    });

    it("the StorageClass: default, gp3, encrypted with the customer key, bound where the pod lands, expandable", async () => {
        const resources = await synth(base);
        const sc = findResource(resources, "kubernetes:storage.k8s.io/v1:StorageClass", "eks-addons-storage-class");
        const csi = findResource(resources, "aws:eks/addon:Addon", "eks-addons-aws-ebs-csi-driver");
        assert.deepEqual(sc.inputs, {
            apiVersion: "storage.k8s.io/v1",
            kind: "StorageClass",
            metadata: { name: "gp3", annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
            provisioner: "ebs.csi.aws.com",
            parameters: { type: "gp3", encrypted: "true", kmsKeyId: KMS, "csi.storage.k8s.io/fstype": "ext4" },
            reclaimPolicy: "Delete",
            volumeBindingMode: "WaitForFirstConsumer",
            allowVolumeExpansion: true,
        });
        assert.ok(sc.dependencies.includes(csi.urn));
        // The kubernetes model names and ids it like the real provider (cluster-scoped: the name is the id).
        assert.equal(sc.id, "gp3");
    });

    it("protected (prod): the StorageClass retains volumes of deleted claims; an explicit policy wins", async () => {
        const protectedSc = findResource(
            await synth(base, { protect: true }),
            "kubernetes:storage.k8s.io/v1:StorageClass",
            "eks-addons-storage-class",
        );
        assert.deepEqual([protectedSc.inputs["reclaimPolicy"], protectedSc.protect], ["Retain", true]);
        const explicit = findResource(
            await synth({ ...base, reclaimPolicy: "Delete" }, { protect: true }),
            "kubernetes:storage.k8s.io/v1:StorageClass",
            "eks-addons-storage-class",
        );
        assert.equal(explicit.inputs["reclaimPolicy"], "Delete");
    });

    describe("rejects bad arguments, listing every problem", () => {
        const cases: Array<[string, Partial<EksAddonsArgs>, Array<[string, string]>]> = [
            ["an unsupported version", { kubernetesVersion: "1.29" as never }, [["kubernetesVersion", "is not an allowed value"]]],
            ["one CoreDNS replica", { coreDnsReplicas: 1 }, [["coreDnsReplicas", "must be a whole number from 2 to 20"]]],
            [
                "a StorageClass name Kubernetes refuses",
                { storageClassName: "GP3_Encrypted" },
                [["storageClassName", "is not a Kubernetes object name"]],
            ],
            ["an unknown reclaim policy", { reclaimPolicy: "Recycle" as never }, [["reclaimPolicy", "is not an allowed value"]]],
        ];
        for (const [what, override, expected] of cases) {
            it(what, async () => {
                assert.deepEqual(fieldsAndProblems(await rejectedIssues(synth({ ...base, ...override }))), expected);
            });
        }
    });
});
