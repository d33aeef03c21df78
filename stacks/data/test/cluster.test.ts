import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import type { AwsClusterOutputs, AwsFoundationOutputs, GcpClusterOutputs, GcpFoundationOutputs } from "@platform/core";
import { findResource, type InventoryResource, ofType, synthesize } from "@platform/synth";
import { awsClusterAccess, checkClusterCloud, clusterAccess, dataProgram } from "../src/index.js";

const KUBECONFIG = "apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n";

const awsConfig = {
    "platform:environment": "prod",
    "platform:project": "acme",
    "platform:team": "platform",
    "platform:costCenter": "cc-1042",
    "platform:network": JSON.stringify({ cidr: "10.30.0.0/16" }),
};
const gcpConfig = {
    ...awsConfig,
    "platform:environment": "dr",
    "platform:gcpProject": "acme-dr-prod",
    "platform:network": JSON.stringify({ cidr: "10.40.0.0/16" }),
};

const keys = (prefix: string) => ({
    logs: `${prefix}-logs`,
    data: `${prefix}-data`,
    secrets: `${prefix}-secrets`,
    backups: `${prefix}-backups`,
});
const dns = { publicZoneId: null, privateZoneId: null, publicZoneName: null, privateZoneName: null, publicNameServers: [] };
const AZS = ["us-east-1a", "us-east-1b", "us-east-1c"];

const awsFoundation: AwsFoundationOutputs = {
    environment: "prod",
    cloud: "aws",
    region: "us-east-1",
    dns,
    vpcId: "vpc-0a1",
    vpcCidr: "10.30.0.0/16",
    availabilityZones: AZS,
    publicSubnetIds: AZS.map((z) => `subnet-public-${z}`),
    privateSubnetIds: AZS.map((z) => `subnet-private-${z}`),
    isolatedSubnetIds: AZS.map((z) => `subnet-isolated-${z}`),
    endpointSecurityGroupId: "sg-endpoints",
    kmsKeyArns: keys("arn:aws:kms:us-east-1:111111111111:key/prod"),
    kmsKeyIds: keys("prod"),
};

const awsCluster: AwsClusterOutputs = {
    environment: "prod",
    cloud: "aws",
    region: "us-east-1",
    clusterName: "acme-prod-eks",
    kubernetesVersion: "1.35",
    endpoint: "https://ABC.gr7.us-east-1.eks.amazonaws.com",
    certificateAuthority: "LS0tLS1CRUdJTg==",
    kubeconfig: KUBECONFIG,
    oidcIssuerUrl: "https://oidc.eks.us-east-1.amazonaws.com/id/ABC",
    defaultStorageClass: "gp3-encrypted",
    clusterArn: "arn:aws:eks:us-east-1:111111111111:cluster/acme-prod-eks",
    oidcProviderArn: "arn:aws:iam::111111111111:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC",
    clusterSecurityGroupId: "sg-cluster",
    nodeSecurityGroupId: "sg-nodes",
    nodeRoleArn: "arn:aws:iam::111111111111:role/acme-prod-eks-nodes",
    nodeRoleName: "acme-prod-eks-nodes",
    karpenter: null,
};

const RING = "projects/acme-dr-prod/locations/us-west1/keyRings/acme-dr-kms-keyring/cryptoKeys";
const gcpFoundation: GcpFoundationOutputs = {
    environment: "dr",
    cloud: "gcp",
    region: "us-west1",
    dns,
    gcpProject: "acme-dr-prod",
    networkId: "projects/acme-dr-prod/global/networks/acme-dr-network-vpc",
    networkSelfLink: "https://www.googleapis.com/compute/v1/projects/acme-dr-prod/global/networks/acme-dr-network-vpc",
    subnetSelfLinks: {},
    podRangeNames: {},
    serviceRangeNames: {},
    privateServiceAccessRange: "acme-dr-network-psa",
    kmsKeyIds: keys(`${RING}/acme-dr-kms`),
};

const gcpCluster: GcpClusterOutputs = {
    environment: "dr",
    cloud: "gcp",
    region: "us-west1",
    clusterName: "acme-dr-gke",
    kubernetesVersion: "1.35",
    endpoint: "https://172.16.0.2",
    certificateAuthority: "LS0tLS1CRUdJTg==",
    kubeconfig: KUBECONFIG,
    oidcIssuerUrl: "https://container.googleapis.com/v1/projects/acme-dr-prod/locations/us-west1/clusters/acme-dr-gke",
    defaultStorageClass: null,
    gcpProject: "acme-dr-prod",
    clusterId: "projects/acme-dr-prod/locations/us-west1/clusters/acme-dr-gke",
    location: "us-west1",
    workloadIdentityPool: "acme-dr-prod.svc.id.goog",
    nodeServiceAccountEmail: "acme-dr-gke-nodes@acme-dr-prod.iam.gserviceaccount.com",
};

/**
 * The stack program with the simulated cloud holding only `foundation/<stack>` and `cluster/<stack>`:
 * a reference to any other stack fails ("the simulated cloud has no outputs for it").
 */
function stackProgram(config: Record<string, string>, stack: string, foundation: object, cluster: object) {
    return synthesize({
        project: "data",
        stack,
        config,
        program: dataProgram,
        cloud: {
            stackOutputs: {
                [`foundation/${stack}`]: foundation as Record<string, unknown>,
                [`cluster/${stack}`]: cluster as Record<string, unknown>,
            },
        },
    });
}

const nodeRules = (resources: readonly InventoryResource[]) =>
    ofType(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
        .filter((r) => r.inputs["referencedSecurityGroupId"] === "sg-nodes")
        .map((r) => r.name)
        .sort();

describe("the data stack and the cluster layer", () => {
    it("AWS: reads the foundation and the cluster of its environment by stack reference; the nodes reach the data services; Velero through Pod Identity on its own provider", async () => {
        const { resources, outputs } = await stackProgram(awsConfig, "prod", awsFoundation, awsCluster);
        assert.equal(outputs["volumeStorageClass"], "gp3-encrypted");
        assert.deepEqual(nodeRules(resources), [
            "postgres-db-from-1",
            "postgres-proxy-from-1",
            "rabbitmq-broker-from-1-443",
            "rabbitmq-broker-from-1-5671",
            "redis-cache-from-1",
        ]);
        assert.equal(
            findResource(resources, "aws:eks/podIdentityAssociation:PodIdentityAssociation", "velero-identity").inputs["clusterName"],
            "acme-prod-eks",
        );
        const provider = findResource(resources, "pulumi:providers:kubernetes", "acme-prod-data-k8s");
        assert.deepEqual([provider.inputs["clusterIdentifier"], provider.inputs["enableServerSideApply"]], ["acme-prod-eks", "true"]);
        assert.ok(provider.secretInputs.includes("kubeconfig"), "the kubeconfig is a secret input");
        const release = findResource(resources, "kubernetes:helm.sh/v3:Release", "velero-release");
        assert.equal(release.provider?.startsWith(provider.urn), true);
    });

    it("GCP: Velero's Google service account admits the cluster's workload identity pool; a StorageClass encrypted with the data key", async () => {
        const { resources, outputs } = await stackProgram(gcpConfig, "dr", gcpFoundation, gcpCluster);
        assert.equal(outputs["volumeStorageClass"], "pd-balanced-cmek");
        assert.equal(
            findResource(resources, "gcp:serviceaccount/iAMMember:IAMMember", "velero-workload-identity").inputs["member"],
            "serviceAccount:acme-dr-prod.svc.id.goog[velero/velero]",
        );
        assert.equal(findResource(resources, "pulumi:providers:kubernetes", "acme-dr-data-k8s").inputs["clusterIdentifier"], "acme-dr-gke");
    });

    it("fails by name when the cluster stack of the environment is on the other cloud", () => {
        assert.throws(
            () => checkClusterCloud("gcp", "aws"),
            /^Error: the cluster stack of this environment is on gcp, but the data stack's config says aws$/,
        );
        assert.throws(() => checkClusterCloud("aws", "gcp"), /is on aws, but the data stack's config says gcp/);
        assert.doesNotThrow(() => checkClusterCloud("aws", "aws"));
    });

    it("the one-stack program: refuses cluster outputs of the other cloud", () => {
        assert.throws(
            () => clusterAccess({ cloud: "aws" } as Parameters<typeof clusterAccess>[0], gcpCluster),
            /data layer: settings say aws, but the cluster layer's outputs are not AWS's/,
        );
        assert.throws(
            () => clusterAccess({ cloud: "gcp" } as Parameters<typeof clusterAccess>[0], awsCluster),
            /data layer: settings say gcp, but the cluster layer's outputs are not GCP's/,
        );
    });

    it("on EKS the data layer's provider waits for the cluster's default StorageClass (created once the nodes run the add-ons)", async () => {
        const { resources } = await synthesize({
            project: "platform",
            stack: "prod",
            config: awsConfig,
            program: () => {
                const addons = new aws.ec2.SecurityGroup("stands-for-the-storage-class", {});
                awsClusterAccess({ project: "acme", environment: "prod" } as Parameters<typeof awsClusterAccess>[0], {
                    ...awsCluster,
                    defaultStorageClass: addons.name,
                });
            },
        });
        const addons = findResource(resources, "aws:ec2/securityGroup:SecurityGroup", "stands-for-the-storage-class");
        assert.deepEqual(findResource(resources, "pulumi:providers:kubernetes", "acme-prod-data-k8s").dependencies, [addons.urn]);
    });
});
