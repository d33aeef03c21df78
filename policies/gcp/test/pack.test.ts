import * as assert from "node:assert/strict";
import * as path from "node:path";
import { evaluateBothWays, ownershipTags, policyConventionProblems, StackFixture } from "@platform/policy-kit/harness";
import { packName, policies } from "../src/index.js";

const PACK_DIR = path.resolve(__dirname, "../..");

/** A stack that trips every policy in the pack at least once. */
function everyViolation() {
    const s = new StackFixture({ stack: "prod" });
    const provider = s.gcpProvider("gcp", ownershipTags("prod"), { jsonEncoded: true });
    s.custom("gcp:compute/subnetwork:Subnetwork", "nodes", { ipCidrRange: "10.0.0.0/20", network: "n" }, { provider });
    s.custom(
        "gcp:compute/firewall:Firewall",
        "ssh",
        { network: "n", sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "tcp", ports: ["22"] }] },
        { provider },
    );
    s.custom("gcp:kms/cryptoKey:CryptoKey", "key", { keyRing: "ring", rotationPeriod: "31536000s" }, { provider });
    s.custom(
        "gcp:container/cluster:Cluster",
        "gke",
        {
            location: "us-west1",
            enableLegacyAbac: true,
            loggingService: "none",
            enableKubernetesAlpha: true,
            enableShieldedNodes: false,
            deletionProtection: false,
            masterAuth: { clientCertificateConfig: { issueClientCertificate: true } },
        },
        { provider },
    );
    s.custom("gcp:container/nodePool:NodePool", "pool", { cluster: "gke", nodeConfig: { machineType: "e2-medium" } }, { provider });
    // The data layer's resources, with nothing set.
    s.custom("gcp:sql/databaseInstance:DatabaseInstance", "db", { deletionProtection: false }, { provider });
    s.custom("gcp:storage/bucket:Bucket", "bucket", { location: "US" }, { provider });
    s.custom("gcp:redis/instance:Instance", "cache", { memorySizeGb: 1 }, { provider });
    // The security layer's resources, weakened.
    s.custom(
        "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider",
        "github",
        {
            workloadIdentityPoolId: "pool",
            workloadIdentityPoolProviderId: "github",
            oidc: { issuerUri: "https://token.actions.githubusercontent.com" },
        },
        { provider },
    );
    s.custom(
        "gcp:projects/iAMMember:IAMMember",
        "owner",
        { project: "p", role: "roles/owner", member: "user:a@example.com" },
        { provider },
    );
    // The observability layer's resources: a silent policy, a channel with its token in clear.
    s.custom("gcp:monitoring/alertPolicy:AlertPolicy", "silent", { enabled: true }, { provider });
    s.custom(
        "gcp:monitoring/notificationChannel:NotificationChannel",
        "slack",
        { type: "slack", labels: { auth_token: "xoxb" } },
        { provider },
    );
    // The Checkov twins' resources, each breaking its rule (the cluster and pool above break the GKE ones).
    s.custom(
        "gcp:sql/databaseInstance:DatabaseInstance",
        "pg",
        { databaseVersion: "POSTGRES_17", deletionProtection: false },
        { provider },
    );
    s.custom(
        "gcp:storage/bucketIAMMember:BucketIAMMember",
        "public",
        { bucket: "b", role: "roles/storage.objectViewer", member: "allUsers" },
        { provider },
    );
    s.custom(
        "gcp:dns/managedZone:ManagedZone",
        "zone",
        { dnssecConfig: { state: "on", defaultKeySpecs: [{ algorithm: "rsasha1", keyType: "keySigning" }] } },
        { provider },
    );
    s.custom(
        "gcp:projects/iAMMember:IAMMember",
        "default-sa",
        { project: "p", role: "roles/logging.logWriter", member: "serviceAccount:1-compute@developer.gserviceaccount.com" },
        { provider },
    );
    s.custom("gcp:pubsub/topic:Topic", "topic", {}, { provider });
    s.custom("gcp:sql/user:User", "root", { instance: "db", name: "root" }, { provider });
    s.custom("gcp:storage/bucket:Bucket", "audit", { name: "audit", location: "US" }, { provider });
    s.custom("gcp:logging/projectSink:ProjectSink", "sink", { destination: "storage.googleapis.com/audit" }, { provider });
    s.custom("gcp:compute/network:Network", "bare", { autoCreateSubnetworks: false }, { provider });
    // The public edge's policies, with nothing set.
    s.custom("gcp:compute/securityPolicy:SecurityPolicy", "armor", {}, { provider });
    s.custom("gcp:compute/sSLPolicy:SSLPolicy", "tls", {}, { provider });
    s.custom(
        "gcp:certificatemanager/certificate:Certificate",
        "uploaded",
        { selfManaged: { pemCertificate: "c", pemPrivateKey: "k" } },
        { provider },
    );
    return s.build();
}

/** The Checkov twins (issue 14), each tripped by everyViolation's resources. */
const TWIN_POLICIES = [
    "gcp-cloudsql-postgres-logging",
    "gcp-firewall-no-public-ingress",
    "gcp-iam-no-public-members",
    "gcp-gke-logging-monitoring",
    "gcp-gke-node-auto-repair-upgrade",
    "gcp-gke-vpc-native",
    "gcp-gke-no-alpha",
    "gcp-dns-dnssec-algorithm",
    "gcp-iam-no-default-service-account",
    "gcp-pubsub-cmek",
    "gcp-cloudsql-root-password",
    "gcp-log-sink-bucket-locked",
    "gcp-network-has-firewall",
    "gcp-gke-resource-labels",
];

/** The data layer's policies, each tripped by everyViolation's resources. */
const DATA_POLICIES = [
    "gcp-cloudsql-no-public-ip",
    "gcp-cloudsql-ssl-required",
    "gcp-cloudsql-backups-pitr",
    "gcp-cloudsql-regional",
    "gcp-cloudsql-deletion-protection",
    "gcp-gcs-uniform-access",
    "gcp-gcs-public-access-prevention",
    "gcp-gcs-versioning",
    "gcp-memorystore-auth",
    "gcp-memorystore-tls",
    "gcp-memorystore-standard-ha",
];

describe("gcp pack", () => {
    it("exports the catalogue's GCP policies, all mandatory, with their severities", () => {
        assert.equal(packName, "gcp");
        assert.deepEqual(
            policies.map((p) => [p.name, p.enforcementLevel, p.severity]),
            [
                ["gcp-subnet-flow-logs", "mandatory", "medium"],
                ["gcp-private-google-access", "mandatory", "low"],
                ["gcp-firewall-no-public-ssh-rdp", "mandatory", "high"],
                ["gcp-kms-rotation", "mandatory", "medium"],
                ["gcp-gke-private-cluster", "mandatory", "high"],
                ["gcp-gke-workload-identity", "mandatory", "high"],
                ["gcp-gke-shielded-nodes", "mandatory", "medium"],
                ["gcp-gke-release-channel", "mandatory", "medium"],
                ["gcp-gke-network-policy", "mandatory", "high"],
                ["gcp-gke-no-default-node-pool", "mandatory", "medium"],
                ["gcp-gke-no-legacy-abac", "mandatory", "high"],
                ["gcp-gke-no-client-certificate", "mandatory", "high"],
                ["gcp-gke-secrets-encryption", "mandatory", "high"],
                ["gcp-gke-deletion-protection", "mandatory", "high"],
                ["gcp-cloudsql-no-public-ip", "mandatory", "high"],
                ["gcp-cloudsql-ssl-required", "mandatory", "high"],
                ["gcp-cloudsql-backups-pitr", "mandatory", "high"],
                ["gcp-cloudsql-regional", "mandatory", "high"],
                ["gcp-cloudsql-deletion-protection", "mandatory", "high"],
                ["gcp-gcs-uniform-access", "mandatory", "high"],
                ["gcp-gcs-public-access-prevention", "mandatory", "critical"],
                ["gcp-gcs-versioning", "mandatory", "medium"],
                ["gcp-memorystore-auth", "mandatory", "high"],
                ["gcp-memorystore-tls", "mandatory", "high"],
                ["gcp-memorystore-standard-ha", "mandatory", "high"],
                ["gcp-wif-github-condition", "mandatory", "critical"],
                ["gcp-iam-no-basic-roles", "mandatory", "critical"],
                ["gcp-monitoring-alert-notifies", "mandatory", "medium"],
                ["gcp-monitoring-channel-secrets", "mandatory", "high"],
                ["gcp-cloudsql-postgres-logging", "mandatory", "medium"],
                ["gcp-firewall-no-public-ingress", "mandatory", "high"],
                ["gcp-iam-no-public-members", "mandatory", "critical"],
                ["gcp-gke-logging-monitoring", "mandatory", "medium"],
                ["gcp-gke-node-auto-repair-upgrade", "mandatory", "medium"],
                ["gcp-gke-vpc-native", "mandatory", "medium"],
                ["gcp-gke-no-alpha", "mandatory", "high"],
                ["gcp-dns-dnssec-algorithm", "mandatory", "medium"],
                ["gcp-iam-no-default-service-account", "mandatory", "high"],
                ["gcp-pubsub-cmek", "mandatory", "medium"],
                ["gcp-cloudsql-root-password", "mandatory", "critical"],
                ["gcp-log-sink-bucket-locked", "mandatory", "high"],
                ["gcp-network-has-firewall", "mandatory", "medium"],
                ["gcp-gke-resource-labels", "mandatory", "low"],
                ["gcp-cloud-armor-preconfigured-waf", "mandatory", "high"],
                ["gcp-ssl-policy-min-tls", "mandatory", "high"],
                ["gcp-certificate-manager-google-managed", "mandatory", "high"],
            ],
        );
    });

    it("every policy is named <pack>-… and carries severity, peer checks or seed tags, remediation steps and a url", () => {
        assert.deepEqual(policyConventionProblems(packName, policies), []);
    });

    it("runs as a real policy pack process and reports what evaluatePack reports", async function () {
        this.timeout(30000);
        const opts = { config: { "gcp-private-google-access": "disabled" } };
        const viaKit = await evaluateBothWays(PACK_DIR, { name: packName, version: "0.1.0", policies }, everyViolation, opts);
        assert.deepEqual(
            viaKit.map((v) => v.policy).filter((p) => !DATA_POLICIES.includes(p) && !TWIN_POLICIES.includes(p)),
            [
                "gcp-subnet-flow-logs",
                "gcp-firewall-no-public-ssh-rdp",
                "gcp-kms-rotation",
                // the cluster (private nodes and endpoint are two violations), then the node pool
                "gcp-gke-private-cluster",
                "gcp-gke-private-cluster",
                "gcp-gke-workload-identity",
                "gcp-gke-shielded-nodes",
                "gcp-gke-release-channel",
                "gcp-gke-network-policy",
                "gcp-gke-no-default-node-pool",
                "gcp-gke-no-legacy-abac",
                "gcp-gke-no-client-certificate",
                "gcp-gke-secrets-encryption",
                "gcp-gke-deletion-protection",
                "gcp-gke-workload-identity",
                "gcp-gke-shielded-nodes",
                "gcp-wif-github-condition",
                "gcp-iam-no-basic-roles",
                "gcp-monitoring-alert-notifies",
                "gcp-monitoring-channel-secrets",
                // armor: the WAF sets and the rate limit; tls: the minimum and the profile
                "gcp-cloud-armor-preconfigured-waf",
                "gcp-cloud-armor-preconfigured-waf",
                "gcp-ssl-policy-min-tls",
                "gcp-ssl-policy-min-tls",
                "gcp-certificate-manager-google-managed",
            ],
        );
        assert.deepEqual(
            [...new Set(viaKit.map((v) => v.policy).filter((p) => DATA_POLICIES.includes(p)))].sort(),
            [...DATA_POLICIES].sort(),
        );
        assert.deepEqual(
            [...new Set(viaKit.map((v) => v.policy).filter((p) => TWIN_POLICIES.includes(p)))].sort(),
            [...TWIN_POLICIES].sort(),
        );
    });
});
