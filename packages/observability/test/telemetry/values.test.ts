import * as assert from "node:assert/strict";
import { controllerPlacement } from "@platform/addons";
import {
    agentCollectorValues,
    gatewayCollectorValues,
    GCS_OBJECT_ROLE,
    lokiValues,
    objectStorePolicy,
    PROVISIONED_DATASOURCES,
    telemetryDatasources,
    tempoValues,
} from "../../src/index.js";

const SYSTEM = controllerPlacement(true);
const ANYWHERE = controllerPlacement(false);
const S3 = { cloud: "aws", bucket: "acme-prod-logs-traces-loki-111111111111-us-east-1-an", region: "us-east-1" } as const;
const GCS = { cloud: "gcp", bucket: "acme-dr-logs-traces-tempo-abc123" } as const;
const WI = { "iam.gke.io/gcp-service-account": "loki@acme-dr.iam.gserviceaccount.com" };

describe("Loki values (pure)", () => {
    it("SimpleScalable on S3: 3 write, 2 read, 3 backend, replication factor 3, retention in hours, compactor deletes, OTLP structured metadata", () => {
        const v = lokiValues({
            mode: "SimpleScalable",
            retentionDays: 30,
            store: S3,
            serviceAccountAnnotations: {},
            storageClass: "gp3-encrypted",
            placement: SYSTEM,
        });
        const place = {
            nodeSelector: { "platform.io/node-pool": "system" },
            tolerations: [{ key: "CriticalAddonsOnly", operator: "Exists", effect: "NoSchedule" }],
        };
        const persistence = { storageClass: "gp3-encrypted", size: "10Gi" };
        assert.deepEqual(v, {
            deploymentMode: "SimpleScalable",
            loki: {
                auth_enabled: false,
                commonConfig: { replication_factor: 3 },
                schemaConfig: {
                    configs: [
                        {
                            from: "2024-04-01",
                            store: "tsdb",
                            object_store: "s3",
                            schema: "v13",
                            index: { prefix: "index_", period: "24h" },
                        },
                    ],
                },
                storage: {
                    type: "s3",
                    bucketNames: { chunks: S3.bucket, ruler: S3.bucket, admin: S3.bucket },
                    s3: { region: "us-east-1" },
                },
                limits_config: { retention_period: "720h", allow_structured_metadata: true, volume_enabled: true },
                compactor: { retention_enabled: true, delete_request_store: "s3" },
            },
            serviceAccount: { create: true, name: "loki", annotations: {} },
            singleBinary: { replicas: 0, persistence, ...place },
            write: { replicas: 3, persistence, ...place },
            read: { replicas: 2, ...place },
            backend: { replicas: 3, persistence, ...place },
            gateway: { enabled: true, replicas: 2, ...place },
            chunksCache: { enabled: true, allocatedMemory: 1024 },
            resultsCache: { enabled: true, allocatedMemory: 512 },
            minio: { enabled: false },
            lokiCanary: { enabled: false },
            test: { enabled: false },
        });
    });

    it("SingleBinary on GCS: one pod, replication factor 1, the Workload Identity annotation, no caches, the cluster's default class when unset", () => {
        const v = lokiValues({
            mode: "SingleBinary",
            retentionDays: 7,
            store: GCS,
            serviceAccountAnnotations: WI,
            storageClass: undefined,
            placement: ANYWHERE,
        });
        assert.deepEqual(
            [
                v.singleBinary.replicas,
                v.write.replicas,
                v.read.replicas,
                v.backend.replicas,
                v.gateway.replicas,
                v.loki.commonConfig.replication_factor,
            ],
            [1, 0, 0, 0, 1, 1],
        );
        assert.deepEqual(v.loki.storage, { type: "gcs", bucketNames: { chunks: GCS.bucket, ruler: GCS.bucket, admin: GCS.bucket } });
        assert.equal(v.loki.schemaConfig.configs[0]?.object_store, "gcs");
        assert.deepEqual(v.loki.compactor, { retention_enabled: true, delete_request_store: "gcs" });
        assert.equal(v.loki.limits_config.retention_period, "168h");
        assert.deepEqual(v.singleBinary.persistence, { size: "10Gi" });
        assert.deepEqual(v.serviceAccount, { create: true, name: "loki", annotations: WI });
        assert.deepEqual([v.chunksCache, v.resultsCache], [{ enabled: false }, { enabled: false }]);
    });
});

describe("Tempo values (pure)", () => {
    it("S3: the bucket through the regional endpoint, retention in hours, OTLP gRPC from the gateway, the WAL on a volume", () => {
        assert.deepEqual(
            tempoValues({
                retentionDays: 14,
                store: S3,
                serviceAccountAnnotations: {},
                storageClass: "gp3-encrypted",
                placement: ANYWHERE,
            }),
            {
                replicas: 1,
                tempo: {
                    retention: "336h",
                    reportingEnabled: false,
                    storage: {
                        trace: {
                            backend: "s3",
                            s3: { bucket: S3.bucket, endpoint: "s3.us-east-1.amazonaws.com", region: "us-east-1" },
                            wal: { path: "/var/tempo/wal" },
                        },
                    },
                    receivers: { otlp: { protocols: { grpc: { endpoint: "0.0.0.0:4317" } } } },
                },
                serviceAccount: { create: true, name: "tempo", annotations: {} },
                persistence: { enabled: true, storageClassName: "gp3-encrypted", size: "10Gi" },
                nodeSelector: {},
                tolerations: [],
            },
        );
    });

    it("GCS: bucket_name, no S3 settings; the volume on the cluster's default class when unset", () => {
        const v = tempoValues({
            retentionDays: 3,
            store: GCS,
            serviceAccountAnnotations: WI,
            storageClass: undefined,
            placement: ANYWHERE,
        });
        assert.deepEqual(v.tempo.storage.trace, { backend: "gcs", gcs: { bucket_name: GCS.bucket }, wal: { path: "/var/tempo/wal" } });
        assert.equal(v.tempo.retention, "72h");
        assert.deepEqual(v.persistence, { enabled: true, size: "10Gi" });
    });
});

describe("collector release values (pure)", () => {
    it("gateway: a Deployment of the k8s distribution with the profile's replicas, a disruption budget from 2, spread over zones, the platform's ConfigMap", () => {
        const v = gatewayCollectorValues({ replicas: 3, placement: SYSTEM });
        assert.deepEqual(
            [v.mode, v.fullnameOverride, v.image, v.command, v.replicaCount, v.podDisruptionBudget, v.configMap],
            [
                "deployment",
                "otel-gateway",
                { repository: "otel/opentelemetry-collector-k8s" },
                { name: "otelcol-k8s" },
                3,
                { enabled: true, maxUnavailable: 1 },
                { create: false, existingName: "otel-gateway-config" },
            ],
        );
        assert.deepEqual(
            Object.entries(v.ports)
                .filter(([, p]) => p.enabled)
                .map(([name]) => name),
            ["otlp", "otlp-http", "metrics"],
        );
        assert.equal(v.topologySpreadConstraints[0]?.["topologyKey"], "topology.kubernetes.io/zone");
        assert.deepEqual(gatewayCollectorValues({ replicas: 1, placement: ANYWHERE }).podDisruptionBudget, { enabled: false });
    });

    it("agent: a DaemonSet on every node, no OTLP ports, the pod logs read-only and its offsets on the node, root without capabilities", () => {
        const v = agentCollectorValues();
        assert.deepEqual(
            [v.mode, v.fullnameOverride, v.configMap, v.tolerations],
            ["daemonset", "otel-agent", { create: false, existingName: "otel-agent-config" }, [{ operator: "Exists" }]],
        );
        assert.deepEqual(
            Object.entries(v.ports)
                .filter(([, p]) => p.enabled)
                .map(([name]) => name),
            ["metrics"],
        );
        assert.deepEqual(v.extraVolumeMounts, [
            { name: "pod-logs", mountPath: "/var/log/pods", readOnly: true },
            { name: "agent-state", mountPath: "/var/lib/otelcol" },
        ]);
        assert.deepEqual(v.securityContext, {
            runAsUser: 0,
            runAsGroup: 0,
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
            capabilities: { drop: ["ALL"] },
        });
    });
});

describe("object store permissions (pure)", () => {
    const bucketArn = `arn:aws:s3:::${S3.bucket}`;
    const kmsKeyArn = "arn:aws:kms:us-east-1:111111111111:key/data";
    it("Loki: list its bucket, read/write/delete its objects, the data key only through S3 in the region", () => {
        assert.deepEqual(objectStorePolicy({ bucketArn, kmsKeyArn, region: "us-east-1", tagging: false }), {
            Version: "2012-10-17",
            Statement: [
                { Sid: "ListBucket", Effect: "Allow", Action: "s3:ListBucket", Resource: bucketArn },
                {
                    Sid: "ReadWriteObjects",
                    Effect: "Allow",
                    Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
                    Resource: `${bucketArn}/*`,
                },
                {
                    Sid: "DataKeyThroughS3",
                    Effect: "Allow",
                    Action: ["kms:Decrypt", "kms:GenerateDataKey"],
                    Resource: kmsKeyArn,
                    Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } },
                },
            ],
        });
    });

    it("Tempo: the same plus object tagging; GCP: objectAdmin on the bucket", () => {
        assert.deepEqual(objectStorePolicy({ bucketArn, kmsKeyArn, region: "us-east-1", tagging: true }).Statement[1]?.Action, [
            "s3:GetObject",
            "s3:PutObject",
            "s3:DeleteObject",
            "s3:GetObjectTagging",
            "s3:PutObjectTagging",
        ]);
        assert.equal(GCS_OBJECT_ROLE, "roles/storage.objectAdmin");
    });
});

describe("Grafana's Loki and Tempo datasources (pure)", () => {
    it("fixed uids the dashboard check knows; logs link to traces by trace_id, traces to logs by trace id around the span, and to Prometheus", () => {
        assert.deepEqual(PROVISIONED_DATASOURCES, [
            { type: "prometheus", uid: "prometheus" },
            { type: "loki", uid: "loki" },
            { type: "tempo", uid: "tempo" },
        ]);
        const [loki, tempo] = telemetryDatasources().datasources;
        assert.deepEqual(
            [loki?.uid, loki?.type, loki?.url, tempo?.uid, tempo?.type, tempo?.url],
            [
                "loki",
                "loki",
                "http://loki-gateway.monitoring.svc.cluster.local",
                "tempo",
                "tempo",
                "http://tempo.monitoring.svc.cluster.local:3200",
            ],
        );
        assert.deepEqual(loki?.jsonData, {
            maxLines: 1000,
            derivedFields: [
                {
                    name: "TraceID",
                    matcherType: "label",
                    matcherRegex: "trace_id",
                    datasourceUid: "tempo",
                    url: "$${__value.raw}",
                    urlDisplayLabel: "Trace",
                },
            ],
        });
        const t = tempo?.jsonData as unknown as Record<string, Record<string, unknown>>;
        assert.deepEqual(
            [
                t["tracesToLogsV2"]?.["datasourceUid"],
                t["tracesToLogsV2"]?.["filterByTraceID"],
                t["serviceMap"]?.["datasourceUid"],
                t["lokiSearch"]?.["datasourceUid"],
            ],
            ["loki", true, "prometheus", "loki"],
        );
    });
});
