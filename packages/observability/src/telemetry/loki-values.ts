/**
 * Loki's chart values (grafana/loki 6.x) as a pure function of the profile and the bucket:
 * `SingleBinary` (one pod) or `SimpleScalable` (3 write, 2 read, 3 backend, replication factor 3),
 * chunks and the TSDB index in the object store, retention enforced by the compactor, OTLP
 * ingestion with structured metadata (the collector's `otlphttp` exporter), and no bundled MinIO,
 * canary or test pods.
 *
 * Not carried from seed O14: `chunk_idle_period: 5m` and `chunk_retain_period: 30s` (a single
 * binary with an in-memory ring in the seed): five-minute chunks multiply object store requests
 * and index entries; Loki 3's defaults flush fuller chunks. `auth_enabled: false` is kept: one
 * tenant per cluster, and the gateway is reachable only inside it.
 */
import type { LokiDeploymentMode } from "@platform/core";
import type { Placement } from "@platform/addons";
import { LOKI_SERVICE_ACCOUNT } from "./names.js";
import { backendOf, type ObjectStore } from "./storage.js";

/** Loki's schema since the platform's first install: TSDB, v13 (what OTLP ingestion needs), daily index tables. */
export const LOKI_SCHEMA_FROM = "2024-04-01";

export interface LokiValuesArgs {
    readonly mode: LokiDeploymentMode;
    readonly retentionDays: number;
    readonly store: ObjectStore;
    /** The service account's annotations (GCP Workload Identity; none on AWS). */
    readonly serviceAccountAnnotations: Readonly<Record<string, string>>;
    /** The volumes' StorageClass (write-ahead logs, the compactor's working set); undefined: the cluster's default. */
    readonly storageClass: string | undefined;
    readonly placement: Placement;
}

/** Pods per target in SimpleScalable: three writers for replication factor 3, two readers, three backends (compactor, index gateway, ruler). */
export const LOKI_SCALABLE_REPLICAS = { write: 3, read: 2, backend: 3 } as const;

export function lokiValues(args: LokiValuesArgs) {
    const scalable = args.mode === "SimpleScalable";
    const backend = backendOf(args.store);
    const bucket = args.store.bucket;
    const persistence = { ...(args.storageClass !== undefined ? { storageClass: args.storageClass } : {}), size: "10Gi" };
    const place = { nodeSelector: args.placement.nodeSelector, tolerations: args.placement.tolerations };
    const target = (replicas: number) => ({ replicas, persistence, ...place });
    return {
        deploymentMode: args.mode,
        loki: {
            auth_enabled: false,
            commonConfig: { replication_factor: scalable ? 3 : 1 },
            schemaConfig: {
                configs: [
                    {
                        from: LOKI_SCHEMA_FROM,
                        store: "tsdb",
                        object_store: backend,
                        schema: "v13",
                        index: { prefix: "index_", period: "24h" },
                    },
                ],
            },
            storage: {
                type: backend,
                bucketNames: { chunks: bucket, ruler: bucket, admin: bucket },
                ...(args.store.cloud === "aws" ? { s3: { region: args.store.region } } : {}),
            },
            limits_config: {
                retention_period: `${args.retentionDays * 24}h`,
                allow_structured_metadata: true,
                volume_enabled: true,
            },
            compactor: { retention_enabled: true, delete_request_store: backend },
        },
        serviceAccount: { create: true, name: LOKI_SERVICE_ACCOUNT, annotations: { ...args.serviceAccountAnnotations } },
        singleBinary: target(scalable ? 0 : 1),
        write: target(scalable ? LOKI_SCALABLE_REPLICAS.write : 0),
        read: { replicas: scalable ? LOKI_SCALABLE_REPLICAS.read : 0, ...place },
        backend: target(scalable ? LOKI_SCALABLE_REPLICAS.backend : 0),
        gateway: { enabled: true, replicas: scalable ? 2 : 1, ...place },
        // The chart's memcached defaults reserve 8 GiB; a small cache where reads are spread, none in SingleBinary.
        chunksCache: scalable ? { enabled: true, allocatedMemory: 1024 } : { enabled: false },
        resultsCache: scalable ? { enabled: true, allocatedMemory: 512 } : { enabled: false },
        minio: { enabled: false },
        lokiCanary: { enabled: false },
        test: { enabled: false },
    };
}
