import * as assert from "node:assert/strict";
import { parse } from "yaml";
import type { AddonContext } from "@platform/addons";
import { PROFILES } from "@platform/core";
import { countByType, fieldsAndProblems, findResource, type InventoryResource, ofType, rejectedIssues, synthesize } from "@platform/synth";
import {
    agentCollectorConfig,
    gatewayCollectorConfig,
    LogsAndTraces,
    type LogsAndTracesArgs,
    objectStorePolicy,
    telemetryDatasources,
} from "../../src/index.js";

const ACCOUNT = "111111111111";
const DATA_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/data`;
const GCP_PROJECT = "acme-dr-prod";
const GCP_DATA_KEY = `projects/${GCP_PROJECT}/locations/us-west1/keyRings/acme-dr-kms-keyring/cryptoKeys/acme-dr-kms-data`;
const RELEASE = "kubernetes:helm.sh/v3:Release";
const CONFIG_MAP = "kubernetes:core/v1:ConfigMap";

const awsContext = (environment: string): AddonContext => ({
    naming: { project: "acme", environment },
    cloud: "aws",
    region: "us-east-1",
    kubernetesVersion: "1.35",
    cluster: {
        cloud: "aws",
        clusterName: `acme-${environment}-eks`,
        clusterArn: `arn:aws:eks:us-east-1:${ACCOUNT}:cluster/acme-${environment}-eks`,
    },
    clusterName: `acme-${environment}-eks`,
    onSystemNodes: environment !== "dev",
    labels: { environment, team: "platform" },
});
const gcpContext: AddonContext = {
    naming: { project: "acme", environment: "dr" },
    cloud: "gcp",
    region: "us-west1",
    kubernetesVersion: "1.35",
    cluster: { cloud: "gcp", project: GCP_PROJECT },
    clusterName: "acme-dr-gke",
    onSystemNodes: false,
    labels: { environment: "dr", team: "platform" },
};

async function run(args: LogsAndTracesArgs, stack: string, protect = false) {
    return synthesize({
        project: "t",
        stack,
        program: () => {
            const c = new LogsAndTraces("logs-traces", args, protect ? { protect: true } : {});
            return { loki: c.lokiBucketName, tempo: c.tempoBucketName, grpc: c.otlpGrpcEndpoint, http: c.otlpHttpEndpoint };
        },
    });
}

const values = (resources: readonly InventoryResource[], name: string) =>
    findResource(resources, RELEASE, name).inputs["values"] as Record<string, unknown>;
const policyOf = (resources: readonly InventoryResource[], name: string): unknown =>
    JSON.parse(findResource(resources, "aws:iam/rolePolicy:RolePolicy", name).inputs["policy"] as string);

describe("LogsAndTraces", () => {
    it("prod on AWS: two hardened buckets, two Pod Identity roles, four pinned releases, three ConfigMaps; every custom resource protected, buckets retained", async () => {
        const { resources, outputs } = await run(
            { context: awsContext("prod"), profile: PROFILES.prod.monitoring, dataKmsKey: DATA_KEY, storageClass: "gp3-encrypted" },
            "prod",
            true,
        );
        assert.deepEqual(
            countByType(resources).map((c) => `${c.count} ${c.type}`),
            [
                "2 aws:eks/podIdentityAssociation:PodIdentityAssociation",
                "2 aws:iam/role:Role",
                "2 aws:iam/rolePolicy:RolePolicy",
                "2 aws:s3/bucket:Bucket",
                "2 aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
                "2 aws:s3/bucketOwnershipControls:BucketOwnershipControls",
                "2 aws:s3/bucketPolicy:BucketPolicy",
                "2 aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                "2 aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                "2 aws:s3/bucketVersioning:BucketVersioning",
                "3 kubernetes:core/v1:ConfigMap",
                "4 kubernetes:helm.sh/v3:Release",
                "2 platform:data:AwsObjectStoreBucket",
                "1 platform:observability:LogsAndTraces",
                "2 platform:workload:CloudIdentity",
                "1 pulumi:pulumi:Stack",
            ],
        );
        assert.deepEqual(outputs, {
            loki: `acme-prod-logs-traces-loki-${ACCOUNT}-us-east-1-an`,
            tempo: `acme-prod-logs-traces-tempo-${ACCOUNT}-us-east-1-an`,
            grpc: "otel-gateway.monitoring.svc.cluster.local:4317",
            http: "http://otel-gateway.monitoring.svc.cluster.local:4318",
        });
        const component = resources.find((r) => r.type === "platform:observability:LogsAndTraces");
        assert.ok(
            resources.filter((r) => r.custom).every((r) => r.protect),
            "every custom resource is protected",
        );
        assert.deepEqual(
            resources.filter((r) => r.custom && r.retainOnDelete).map((r) => r.name),
            ["logs-traces-loki-bucket", "logs-traces-tempo-bucket"],
        );
        assert.ok(
            ["platform:data:AwsObjectStoreBucket", "platform:workload:CloudIdentity", RELEASE, CONFIG_MAP].every((type) =>
                ofType(resources, type).every((r) => r.parent === component?.urn),
            ),
            "buckets, identities, releases and ConfigMaps are the component's children",
        );
        const bucket = (tool: string) => `arn:aws:s3:::acme-prod-logs-traces-${tool}-${ACCOUNT}-us-east-1-an`;
        assert.deepEqual(
            policyOf(resources, "logs-traces-loki-identity-policy"),
            objectStorePolicy({ bucketArn: bucket("loki"), kmsKeyArn: DATA_KEY, region: "us-east-1", tagging: false }),
        );
        assert.deepEqual(
            policyOf(resources, "logs-traces-tempo-identity-policy"),
            objectStorePolicy({ bucketArn: bucket("tempo"), kmsKeyArn: DATA_KEY, region: "us-east-1", tagging: true }),
        );
        assert.deepEqual(
            ofType(resources, "aws:eks/podIdentityAssociation:PodIdentityAssociation").map((a) => [
                a.inputs["namespace"],
                a.inputs["serviceAccount"],
            ]),
            [
                ["monitoring", "loki"],
                ["monitoring", "tempo"],
            ],
        );
        assert.deepEqual(
            ofType(resources, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").map(
                (l) => (l.inputs["rules"] as Array<{ expiration?: { days?: number } }>)[0]?.expiration?.days,
            ),
            [30, 14],
            "objects expire after the profile's log and trace retention",
        );
    });

    it("the releases: pinned charts, the profile's mode, retention and collector replicas; the gateway after Loki and Tempo, the agent after the gateway", async () => {
        const { resources } = await run(
            { context: awsContext("prod"), profile: PROFILES.prod.monitoring, dataKmsKey: DATA_KEY, storageClass: "gp3-encrypted" },
            "prod",
        );
        const releases = ofType(resources, RELEASE);
        assert.deepEqual(
            releases.map((r) => [r.name, r.inputs["name"], r.inputs["namespace"], r.inputs["chart"], r.inputs["version"]]).sort(),
            [
                ["logs-traces-agent-release", "otel-agent", "kube-system", "opentelemetry-collector", "0.127.2"],
                ["logs-traces-gateway-release", "otel-gateway", "monitoring", "opentelemetry-collector", "0.127.2"],
                ["logs-traces-loki-release", "loki", "monitoring", "loki", "6.30.1"],
                ["logs-traces-tempo-release", "tempo", "monitoring", "tempo", "1.23.2"],
            ],
        );
        const loki = values(resources, "logs-traces-loki-release");
        assert.equal(loki["deploymentMode"], "SimpleScalable");
        assert.deepEqual((loki["loki"] as { limits_config: unknown }).limits_config, {
            retention_period: "720h",
            allow_structured_metadata: true,
            volume_enabled: true,
        });
        assert.deepEqual((loki["write"] as { persistence: unknown }).persistence, { storageClass: "gp3-encrypted", size: "10Gi" });
        assert.equal((values(resources, "logs-traces-tempo-release")["tempo"] as { retention: string }).retention, "336h");
        assert.equal(values(resources, "logs-traces-gateway-release")["replicaCount"], 3);
        const urn = (name: string) => releases.find((r) => r.name === name)?.urn ?? "";
        const gateway = releases.find((r) => r.name === "logs-traces-gateway-release");
        const agent = releases.find((r) => r.name === "logs-traces-agent-release");
        assert.ok(
            gateway?.dependencies.includes(urn("logs-traces-loki-release")) &&
                gateway.dependencies.includes(urn("logs-traces-tempo-release")),
        );
        assert.ok(agent?.dependencies.includes(urn("logs-traces-gateway-release")));
    });

    it("dev: SingleBinary Loki, one collector, the cluster's default class; nothing protected or retained", async () => {
        const { resources } = await run({ context: awsContext("dev"), profile: PROFILES.dev.monitoring, dataKmsKey: DATA_KEY }, "dev");
        const loki = values(resources, "logs-traces-loki-release");
        assert.deepEqual(
            [
                loki["deploymentMode"],
                (loki["singleBinary"] as { replicas: number }).replicas,
                (loki["singleBinary"] as { persistence: unknown }).persistence,
            ],
            ["SingleBinary", 1, { size: "10Gi" }],
        );
        assert.equal(values(resources, "logs-traces-gateway-release")["replicaCount"], 1);
        assert.ok(resources.filter((r) => r.custom).every((r) => !r.protect && !r.retainOnDelete));
    });

    it("the ConfigMaps hold exactly the checked collector configurations and the datasource provisioning file", async () => {
        const { resources } = await run({ context: awsContext("prod"), profile: PROFILES.prod.monitoring, dataKmsKey: DATA_KEY }, "prod");
        const data = (name: string) =>
            findResource(resources, CONFIG_MAP, name).inputs as { metadata: Record<string, unknown>; data: Record<string, string> };
        const gateway = data("logs-traces-gateway-config");
        assert.deepEqual([gateway.metadata["name"], gateway.metadata["namespace"]], ["otel-gateway-config", "monitoring"]);
        assert.deepEqual(parse(gateway.data["relay"] ?? ""), gatewayCollectorConfig({ clusterName: "acme-prod-eks", environment: "prod" }));
        const agent = data("logs-traces-agent-config");
        assert.deepEqual([agent.metadata["name"], agent.metadata["namespace"]], ["otel-agent-config", "kube-system"]);
        assert.deepEqual(parse(agent.data["relay"] ?? ""), agentCollectorConfig());
        const datasources = data("logs-traces-datasources");
        assert.deepEqual(datasources.metadata["labels"], { environment: "prod", team: "platform", grafana_datasource: "1" });
        assert.deepEqual(parse(datasources.data["logs-traces.yaml"] ?? ""), telemetryDatasources());
    });

    it("dr on GCP: CMEK buckets after the storage agent's grant on the data key, Workload Identity, objectAdmin on each bucket only", async () => {
        const { resources } = await run({ context: gcpContext, profile: PROFILES.dr.monitoring, dataKmsKey: GCP_DATA_KEY }, "dr", true);
        assert.deepEqual(
            countByType(resources)
                .filter((c) => c.type.startsWith("gcp:"))
                .map((c) => `${c.count} ${c.type}`),
            [
                "1 gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember",
                "2 gcp:serviceaccount/account:Account",
                "2 gcp:serviceaccount/iAMMember:IAMMember",
                "2 gcp:storage/bucket:Bucket",
                "2 gcp:storage/bucketIAMMember:BucketIAMMember",
            ],
        );
        const grant = findResource(resources, "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", "logs-traces-storage-data-key");
        assert.deepEqual([grant.inputs["cryptoKeyId"], grant.inputs["role"]], [GCP_DATA_KEY, "roles/cloudkms.cryptoKeyEncrypterDecrypter"]);
        const buckets = ofType(resources, "gcp:storage/bucket:Bucket");
        assert.ok(
            buckets.every((b) => b.dependencies.includes(grant.urn)),
            "the buckets wait for the key grant",
        );
        assert.deepEqual(
            buckets.map((b) => [
                b.inputs["encryption"],
                b.inputs["uniformBucketLevelAccess"],
                b.inputs["publicAccessPrevention"],
                b.retainOnDelete,
            ]),
            [
                [{ defaultKmsKeyName: GCP_DATA_KEY }, true, "enforced", true],
                [{ defaultKmsKeyName: GCP_DATA_KEY }, true, "enforced", true],
            ],
        );
        const access = ofType(resources, "gcp:storage/bucketIAMMember:BucketIAMMember");
        assert.deepEqual(
            access.map((a) => [a.inputs["bucket"], a.inputs["role"], a.inputs["member"]]),
            buckets.map((b, i) => {
                const accountId = ofType(resources, "gcp:serviceaccount/account:Account")[i]?.inputs["accountId"] as string;
                return [
                    b.inputs["name"],
                    "roles/storage.objectAdmin",
                    `serviceAccount:${accountId}@${GCP_PROJECT}.iam.gserviceaccount.com`,
                ];
            }),
        );
        assert.deepEqual(
            ofType(resources, "gcp:serviceaccount/iAMMember:IAMMember").map((m) => m.inputs["member"]),
            [`serviceAccount:${GCP_PROJECT}.svc.id.goog[monitoring/loki]`, `serviceAccount:${GCP_PROJECT}.svc.id.goog[monitoring/tempo]`],
        );
        const loki = values(resources, "logs-traces-loki-release");
        assert.equal((loki["loki"] as { storage: { type: string } }).storage.type, "gcs");
        assert.match(
            String((loki["serviceAccount"] as { annotations: Record<string, string> }).annotations["iam.gke.io/gcp-service-account"]),
            /@acme-dr-prod\.iam\.gserviceaccount\.com$/,
        );
        assert.equal(ofType(resources, "aws:iam/role:Role").length, 0);
    });

    it("rejects a bad profile before anything exists, every problem at once", async () => {
        const profile = {
            ...PROFILES.prod.monitoring,
            logRetentionDays: 0,
            traceRetentionDays: 401,
            collectorReplicas: 0,
            lokiDeploymentMode: "Distributed" as "SingleBinary",
        };
        assert.deepEqual(
            fieldsAndProblems(await rejectedIssues(run({ context: awsContext("prod"), profile, dataKmsKey: DATA_KEY }, "prod"))),
            [
                ["profile.logRetentionDays", "must be a whole number from 1 to 400"],
                ["profile.traceRetentionDays", "must be a whole number from 1 to 400"],
                ["profile.collectorReplicas", "must be a whole number from 1 to 10"],
                ["profile.lokiDeploymentMode", "is not an allowed value"],
            ],
        );
    });
});
