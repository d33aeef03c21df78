import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import {
    countByType,
    fieldsAndProblems,
    findResource,
    type InventoryResource,
    ofType,
    rejectedIssues,
    SIMULATED_GCP_PROJECT_NUMBER,
    synthesize,
} from "@platform/synth";
import { GkeCluster, type GkeClusterArgs, maintenanceHoursPer32Days, recurringWindow } from "../../src/index.js";

const RING = "projects/acme-dr-prod/locations/us-west1/keyRings/acme-dr-kms-keyring/cryptoKeys";
const base: GkeClusterArgs = {
    naming: { project: "acme", environment: "dr" },
    project: "acme-dr-prod",
    region: "us-west1",
    zones: ["us-west1-a", "us-west1-b", "us-west1-c"],
    network: "https://www.googleapis.com/compute/v1/projects/acme-dr-prod/global/networks/acme-dr-network-vpc",
    subnetwork: "https://www.googleapis.com/compute/v1/projects/acme-dr-prod/regions/us-west1/subnetworks/acme-dr-network-subnet-us-west1",
    podRangeName: "pods",
    serviceRangeName: "services",
    secretsKmsKeyId: `${RING}/acme-dr-kms-secrets`,
    bootDiskKmsKeyId: `${RING}/acme-dr-kms-data`,
    releaseChannel: "STABLE",
    kubernetesVersion: "1.35",
    internalAccessCidrs: ["10.40.0.0/16"],
};

async function synth(args: GkeClusterArgs, opts?: pulumi.ComponentResourceOptions): Promise<InventoryResource[]> {
    return (await synthesize({ project: "t", stack: "dr", program: () => void new GkeCluster("gke", args, opts) })).resources;
}

describe("GkeCluster", () => {
    it("the cluster, its node service account with six roles, and the service agents' key grants", async () => {
        assert.deepEqual(countByType((await synth(base)).filter((r) => r.custom)), [
            { type: "gcp:container/cluster:Cluster", count: 1 },
            { type: "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", count: 2 },
            { type: "gcp:projects/iAMMember:IAMMember", count: 6 },
            { type: "gcp:serviceaccount/account:Account", count: 1 },
        ]);
    });

    it("a regional, private, hardened cluster with no default pool, secrets encrypted and a maintenance window", async () => {
        const resources = await synth(base);
        const cluster = findResource(resources, "gcp:container/cluster:Cluster", "gke-cluster");
        const email = "acme-dr-gke-nodes@acme-dr-prod.iam.gserviceaccount.com";
        assert.deepEqual(cluster.inputs, {
            project: "acme-dr-prod",
            name: "acme-dr-gke",
            description: "Platform cluster (dr)",
            location: "us-west1",
            nodeLocations: ["us-west1-a", "us-west1-b", "us-west1-c"],
            network: base.network,
            subnetwork: base.subnetwork,
            networkingMode: "VPC_NATIVE",
            ipAllocationPolicy: { clusterSecondaryRangeName: "pods", servicesSecondaryRangeName: "services" },
            removeDefaultNodePool: true,
            initialNodeCount: 1,
            nodeConfig: {
                serviceAccount: email,
                oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"],
                shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
                workloadMetadataConfig: { mode: "GKE_METADATA" },
                metadata: { "disable-legacy-endpoints": "true" },
            },
            datapathProvider: "ADVANCED_DATAPATH",
            privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: true, masterGlobalAccessConfig: { enabled: false } },
            masterAuthorizedNetworksConfig: {
                cidrBlocks: [{ cidrBlock: "10.40.0.0/16", displayName: "internal 10.40.0.0/16" }],
                gcpPublicCidrsAccessEnabled: false,
            },
            workloadIdentityConfig: { workloadPool: "acme-dr-prod.svc.id.goog" },
            releaseChannel: { channel: "STABLE" },
            minMasterVersion: "1.35",
            enableShieldedNodes: true,
            enableLegacyAbac: false,
            masterAuth: { clientCertificateConfig: { issueClientCertificate: false } },
            databaseEncryption: { state: "ENCRYPTED", keyName: `${RING}/acme-dr-kms-secrets` },
            deletionProtection: false,
            maintenancePolicy: {
                recurringWindow: {
                    startTime: "2025-01-04T02:00:00Z",
                    endTime: "2025-01-04T08:00:00Z",
                    recurrence: "FREQ=WEEKLY;BYDAY=SA,SU",
                },
            },
            loggingConfig: { enableComponents: ["SYSTEM_COMPONENTS", "APISERVER", "CONTROLLER_MANAGER", "SCHEDULER", "WORKLOADS"] },
            monitoringConfig: {
                enableComponents: ["SYSTEM_COMPONENTS", "APISERVER", "CONTROLLER_MANAGER", "SCHEDULER"],
                managedPrometheus: { enabled: true },
            },
            addonsConfig: {
                httpLoadBalancing: { disabled: false },
                horizontalPodAutoscaling: { disabled: false },
                gcePersistentDiskCsiDriverConfig: { enabled: true },
                networkPolicyConfig: { disabled: true },
            },
            verticalPodAutoscaling: { enabled: true },
            gatewayApiConfig: { channel: "CHANNEL_STANDARD" },
            resourceLabels: { cluster: "acme-dr-gke" },
        });
        assert.deepEqual(cluster.ignoreChanges, ["nodeConfig", "initialNodeCount"]);
        const grants = ofType(resources, "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember");
        assert.ok(
            grants.every((g) => cluster.dependencies.includes(g.urn)),
            "the GKE agent can use the key before the cluster exists",
        );
    });

    it("nodes run as a dedicated account with the least-privilege node roles; the service agents get the keys", async () => {
        const resources = await synth(base);
        const account = findResource(resources, "gcp:serviceaccount/account:Account", "gke-nodes");
        assert.equal(account.inputs["accountId"], "acme-dr-gke-nodes");
        assert.deepEqual(
            ofType(resources, "gcp:projects/iAMMember:IAMMember").map((m) => [m.inputs["role"], m.inputs["member"]]),
            [
                "roles/logging.logWriter",
                "roles/monitoring.metricWriter",
                "roles/monitoring.viewer",
                "roles/stackdriver.resourceMetadata.writer",
                "roles/autoscaling.metricsWriter",
                "roles/artifactregistry.reader",
            ].map((role) => [role, "serviceAccount:acme-dr-gke-nodes@acme-dr-prod.iam.gserviceaccount.com"]),
        );
        assert.deepEqual(
            ofType(resources, "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember").map((g) => [
                g.inputs["cryptoKeyId"],
                g.inputs["role"],
                g.inputs["member"],
            ]),
            [
                [
                    `${RING}/acme-dr-kms-secrets`,
                    "roles/cloudkms.cryptoKeyEncrypterDecrypter",
                    `serviceAccount:service-${SIMULATED_GCP_PROJECT_NUMBER}@container-engine-robot.iam.gserviceaccount.com`,
                ],
                [
                    `${RING}/acme-dr-kms-data`,
                    "roles/cloudkms.cryptoKeyEncrypterDecrypter",
                    `serviceAccount:service-${SIMULATED_GCP_PROJECT_NUMBER}@compute-system.iam.gserviceaccount.com`,
                ],
            ],
        );
    });

    it("a public endpoint only for the allow-list (master authorized networks), never Google's public ranges", async () => {
        const cluster = findResource(
            await synth({ ...base, publicAccessCidrs: ["203.0.113.0/24"] }),
            "gcp:container/cluster:Cluster",
            "gke-cluster",
        );
        assert.deepEqual(
            [
                (cluster.inputs["privateClusterConfig"] as Record<string, unknown>)["enablePrivateEndpoint"],
                cluster.inputs["masterAuthorizedNetworksConfig"],
            ],
            [
                false,
                {
                    cidrBlocks: [
                        { cidrBlock: "10.40.0.0/16", displayName: "internal 10.40.0.0/16" },
                        { cidrBlock: "203.0.113.0/24", displayName: "public 203.0.113.0/24" },
                    ],
                    gcpPublicCidrsAccessEnabled: false,
                },
            ],
        );
    });

    it("protect (dr): the cluster is protected, retained and deletion-protected", async () => {
        const resources = (await synth(base, { protect: true })).filter((r) => r.custom);
        assert.ok(resources.every((r) => r.protect));
        assert.deepEqual(
            resources.filter((r) => r.retainOnDelete).map((r) => r.type),
            ["gcp:container/cluster:Cluster"],
        );
        assert.equal(resources.find((r) => r.type === "gcp:container/cluster:Cluster")?.inputs["deletionProtection"], true);
    });

    it("maintenance windows: weekly recurrences with GKE's 48 hours in 32 days", () => {
        assert.deepEqual(recurringWindow({ startHourUtc: 22, durationHours: 4, days: ["TU", "TH"] }), {
            startTime: "2025-01-04T22:00:00Z",
            endTime: "2025-01-05T02:00:00Z",
            recurrence: "FREQ=WEEKLY;BYDAY=TU,TH",
        });
        assert.equal(Math.floor(maintenanceHoursPer32Days({ startHourUtc: 2, durationHours: 6, days: ["SA", "SU"] })), 54);
    });

    describe("rejects bad arguments, listing every problem", () => {
        const cases: Array<[string, Partial<GkeClusterArgs>, Array<[string, string]>]> = [
            [
                "a malformed project",
                { project: "Acme" },
                [["project", "is not a GCP project id (6-30 lowercase letters, digits and hyphens, starting with a letter)"]],
            ],
            ["zones of another region, and none", { zones: ["us-east1-b"] }, [["zones", "us-east1-b not in region us-west1"]]],
            ["an unknown channel", { releaseChannel: "RAPID" as never }, [["releaseChannel", "is not an allowed value"]]],
            ["an unsupported version", { kubernetesVersion: "1.27" as never }, [["kubernetesVersion", "is not an allowed value"]]],
            [
                "0.0.0.0/0 as an authorized network",
                { publicAccessCidrs: ["0.0.0.0/0"] },
                [["publicAccessCidrs[0]", "opens the cluster API endpoint to the whole internet"]],
            ],
            [
                "no internal network, and a malformed one",
                { internalAccessCidrs: [] },
                [["internalAccessCidrs", "nothing could reach a private endpoint, not even the nodes' network"]],
            ],
            [
                "a maintenance window GKE refuses",
                { maintenanceWindow: { startHourUtc: 25, durationHours: 6, days: ["SA", "XX" as never] } },
                [
                    ["maintenanceWindow.startHourUtc", "must be a whole number from 0 to 23"],
                    ["maintenanceWindow.days[1]", "is not an allowed value"],
                ],
            ],
            [
                "too little maintenance time",
                { maintenanceWindow: { startHourUtc: 2, durationHours: 4, days: ["SU"] } },
                [["maintenanceWindow", "allows 18 hours in 32 days; GKE requires at least 48"]],
            ],
        ];
        for (const [what, override, expected] of cases) {
            it(what, async () => {
                assert.deepEqual(fieldsAndProblems(await rejectedIssues(synth({ ...base, ...override }))), expected);
            });
        }
    });
});
