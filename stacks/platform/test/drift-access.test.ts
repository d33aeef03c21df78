import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { type AwsSettings, type GcpSettings, parsePlatformConfig } from "@platform/core";
import { findResource, type InventoryResource, synthesize } from "@platform/synth";
import { type DriftIdentity, driftAccess, FORMER_EKS_VIEWER_NAME, formerEksClusterChild } from "../src/drift-access.js";
import type { AwsUpstream, GcpUpstream } from "../src/upstream.js";

const TODAY = "2026-12-02";
const base = { project: "acme", team: "platform", costCenter: "cc-1042" };
const security = {
    github: { owner: "acme-corp", repository: "platform", environment: "production" },
    stateBackend: { bucket: "acme-pulumi-state" },
};
const ENTRY = "aws:eks/accessEntry:AccessEntry";
const ASSOCIATION = "aws:eks/accessPolicyAssociation:AccessPolicyAssociation";
const VIEW_POLICY = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminViewPolicy";

function prod(extra: Record<string, unknown> = {}): AwsSettings {
    const s = parsePlatformConfig({ ...base, environment: "prod", network: { cidr: "10.30.0.0/16" }, ...extra }, { today: TODAY });
    assert.equal(s.cloud, "aws");
    return s;
}

function dr(extra: Record<string, unknown> = {}): GcpSettings {
    const s = parsePlatformConfig(
        { ...base, environment: "dr", gcpProject: "acme-dr-prod", network: { cidr: "10.40.0.0/16" }, ...extra },
        { today: TODAY },
    );
    assert.equal(s.cloud, "gcp");
    return s;
}

function awsUpstream(clusterArn: pulumi.Input<string>): AwsUpstream {
    return {
        cloud: "aws",
        clusterName: "acme-prod-eks",
        clusterArn,
        kubeconfig: "{}",
        dns: { publicZoneId: null, privateZoneId: null, publicZoneName: null, privateZoneName: null, publicNameServers: [] },
        secretsKmsKeyArn: "arn:secrets",
        dataKmsKeyArn: "arn:data",
        defaultStorageClass: "gp3-encrypted",
        vpcId: "vpc-1",
        publicSubnetIds: [],
        nodeSecurityGroupId: "sg-1",
        logsKmsKeyArn: "arn:logs",
    };
}

const GCP_UPSTREAM: GcpUpstream = {
    cloud: "gcp",
    clusterName: "acme-dr-gke",
    kubeconfig: "{}",
    dns: { publicZoneId: null, privateZoneId: null, publicZoneName: null, privateZoneName: null, publicNameServers: [] },
    dataKmsKeyId: "projects/p/locations/us-west1/keyRings/r/cryptoKeys/data",
    defaultStorageClass: "standard-rwo",
    volumeStorageClass: "pd-balanced-cmek",
};

/** The AWS drift access over a cluster resource of its own (so the entry's wait for it shows). */
async function onAws(settings: AwsSettings, identity: DriftIdentity): Promise<{ resources: InventoryResource[]; created: boolean }> {
    let created = false;
    const { resources } = await synthesize({
        project: "t",
        stack: "prod",
        program: () => {
            const provider = new aws.Provider("aws", { region: "us-east-1" });
            const cluster = new aws.eks.Cluster(
                "cluster",
                {
                    name: "acme-prod-eks",
                    roleArn: "arn:aws:iam::111111111111:role/eks",
                    vpcConfig: { subnetIds: ["subnet-a", "subnet-b"] },
                },
                { provider },
            );
            created = driftAccess(settings, provider, awsUpstream(cluster.arn), identity, { providers: [provider] }) !== undefined;
            return {};
        },
    });
    return { resources, created };
}

describe("platform layer: the drift identity's cluster access (stacks/platform/src/drift-access.ts)", () => {
    it("no platform:security.github (no drift identity): no access on either cloud (the unset case)", async () => {
        const aws = await onAws(prod(), {});
        assert.deepEqual([aws.created, aws.resources.filter((r) => r.type.startsWith("aws:eks/access")).length], [false, 0]);
        const { resources } = await synthesize({
            project: "t",
            stack: "dr",
            program: () => {
                assert.equal(driftAccess(dr(), new gcp.Provider("gcp", { project: "acme-dr-prod" }), GCP_UPSTREAM, {}, {}), undefined);
                return {};
            },
        });
        assert.deepEqual(
            resources.filter((r) => r.type.startsWith("kubernetes:")),
            [],
        );
    });

    it("EKS: the drift role by its name in this account, admin view at cluster scope, after the cluster", async () => {
        const { resources, created } = await onAws(prod({ security }), {});
        assert.equal(created, true);
        const cluster = findResource(resources, "aws:eks/cluster:Cluster", "cluster");
        const entry = findResource(resources, ENTRY, "ci-drift-viewer-entry");
        const association = findResource(resources, ASSOCIATION, "ci-drift-viewer-view");
        assert.deepEqual(
            [entry.inputs["clusterName"], entry.inputs["principalArn"], association.inputs["policyArn"], association.inputs["accessScope"]],
            ["acme-prod-eks", "arn:aws:iam::111111111111:role/acme-prod-ci-drift", VIEW_POLICY, { type: "cluster" }],
        );
        // The contract's name is a plain string in the one-stack program: the entry still waits for the cluster.
        assert.deepEqual(entry.propertyDependencies["clusterName"], [cluster.urn]);
    });

    it("EKS: the security layer's role when it is given (the one-stack program); a null one falls back to the name", async () => {
        const given = "arn:aws:iam::222222222222:role/acme-prod-ci-drift";
        const principal = async (identity: DriftIdentity) =>
            findResource((await onAws(prod({ security }), identity)).resources, ENTRY, "ci-drift-viewer-entry").inputs["principalArn"];
        assert.equal(await principal({ ciDriftRoleArn: given }), given);
        assert.equal(await principal({ ciDriftRoleArn: null }), "arn:aws:iam::111111111111:role/acme-prod-ci-drift");
    });

    it("GKE: the drift service account of the environment's project reads Secrets", async () => {
        const { resources } = await synthesize({
            project: "t",
            stack: "dr",
            program: () => {
                const provider = new gcp.Provider("gcp", { project: "acme-dr-prod" });
                assert.notEqual(
                    driftAccess(
                        dr({ security: { ...security, github: { ...security.github, environment: "dr" } } }),
                        provider,
                        GCP_UPSTREAM,
                        {},
                        {},
                    ),
                    undefined,
                );
                return {};
            },
        });
        const binding = findResource(resources, "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", "ci-drift-reader-binding");
        assert.deepEqual(binding.inputs["subjects"], [
            { apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "acme-dr-ci-drift@acme-dr-prod.iam.gserviceaccount.com" },
        ]);
    });

    it("the EKS entry and association keep their one-stack address as an alias (EksCluster's child); nothing else is aliased", async () => {
        const transform = (type: string) => formerEksClusterChild({ type, name: "x", props: {}, opts: {}, resource: undefined as never });
        assert.equal(transform("platform:cluster:EksViewerAccess"), undefined);
        assert.equal(transform("aws:eks/accessEntryX:AccessEntryX"), undefined);
        const { outputs } = await synthesize({
            project: "platform",
            stack: "dev",
            program: () => {
                const aliases = [ENTRY, ASSOCIATION].map((type) => transform(type)?.opts.aliases);
                return {
                    aliases: aliases.map((list) => (list ?? []).map((a) => pulumi.output(a as pulumi.Alias).apply((alias) => alias))),
                };
            },
        });
        const former = { name: FORMER_EKS_VIEWER_NAME, parent: "urn:pulumi:dev::platform::platform:cluster:EksCluster::eks" };
        assert.equal(FORMER_EKS_VIEWER_NAME, "eks-viewer-ci-drift");
        assert.deepEqual(outputs["aliases"], [[former], [former]]);
    });
});
