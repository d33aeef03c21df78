/**
 * Tempo's chart values (grafana/tempo 1.x, monolithic) as a pure function: traces in the object
 * store, kept `retentionDays` (the compactor's block retention), OTLP gRPC from the collector
 * gateway, the write-ahead log on an encrypted volume, no usage reporting.
 */
import type { Placement } from "@platform/addons";
import { TEMPO_SERVICE_ACCOUNT } from "./names.js";
import { backendOf, type ObjectStore } from "./storage.js";

export interface TempoValuesArgs {
    readonly retentionDays: number;
    readonly store: ObjectStore;
    readonly serviceAccountAnnotations: Readonly<Record<string, string>>;
    /** The write-ahead log's StorageClass; undefined: the cluster's default. */
    readonly storageClass: string | undefined;
    readonly placement: Placement;
}

export function tempoValues(args: TempoValuesArgs) {
    const store = args.store;
    return {
        replicas: 1,
        tempo: {
            retention: `${args.retentionDays * 24}h`,
            reportingEnabled: false,
            storage: {
                trace: {
                    backend: backendOf(store),
                    ...(store.cloud === "aws"
                        ? { s3: { bucket: store.bucket, endpoint: `s3.${store.region}.amazonaws.com`, region: store.region } }
                        : { gcs: { bucket_name: store.bucket } }),
                    wal: { path: "/var/tempo/wal" },
                },
            },
            receivers: { otlp: { protocols: { grpc: { endpoint: "0.0.0.0:4317" } } } },
        },
        serviceAccount: { create: true, name: TEMPO_SERVICE_ACCOUNT, annotations: { ...args.serviceAccountAnnotations } },
        persistence: { enabled: true, ...(args.storageClass !== undefined ? { storageClassName: args.storageClass } : {}), size: "10Gi" },
        nodeSelector: args.placement.nodeSelector,
        tolerations: args.placement.tolerations,
    };
}
