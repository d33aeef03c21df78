/**
 * LogsAndTraces: where the cluster's logs and traces go (issue 11, seed 001 O11-O13).
 *
 * - Loki (grafana/loki, `SingleBinary` or `SimpleScalable` from the profile) and Tempo
 *   (grafana/tempo) in `monitoring`, each with its own object store bucket encrypted with the
 *   foundation's `data` key, whose objects expire after the profile's retention, and a cloud
 *   identity that reaches that bucket only (EKS Pod Identity / GKE Workload Identity: no keys);
 * - the OpenTelemetry Collector gateway (a Deployment, `collectorReplicas`: 3 in prod per seed
 *   001) receiving OTLP from apps and agents, exporting traces to Tempo and logs to Loki;
 * - the node agent (a DaemonSet in kube-system) reading every container's log file;
 * - Grafana's Loki and Tempo datasources, linked both ways.
 *
 * Install after the monitoring stack (its namespace, the ServiceMonitor CRDs, Grafana's sidecar):
 * pass `dependsOn`. Buckets are stateful: protected and retained on delete when the component is.
 */
import * as gcp from "@pulumi/gcp";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { stringify } from "yaml";
import { type AddonContext, CHARTS, chartRelease, checkReplicas, controllerPlacement } from "@platform/addons";
import {
    checkOneOf,
    checkWholeNumber,
    type Issue,
    LOKI_DEPLOYMENT_MODES,
    type MonitoringProfile,
    PlatformComponent,
    TELEMETRY_RETENTION_RANGE,
} from "@platform/core";
import { AwsObjectStoreBucket, GcpObjectStoreBucket } from "@platform/data";
import { CloudIdentity } from "@platform/workload";
import { MONITORING_NAMESPACE } from "../constants.js";
import { agentCollectorConfig, checkCollectorConfig, type CollectorConfig, gatewayCollectorConfig } from "./collector-config.js";
import { agentCollectorValues, collectorConfigMapName, gatewayCollectorValues } from "./collector-values.js";
import { GRAFANA_DATASOURCE_LABEL, telemetryDatasources } from "./grafana-datasources.js";
import { GCS_OBJECT_ROLE, objectStorePolicy } from "./iam.js";
import { lokiValues } from "./loki-values.js";
import {
    COLLECTOR_AGENT_NAMESPACE,
    COLLECTOR_AGENT_RELEASE,
    COLLECTOR_GATEWAY_RELEASE,
    LOKI_RELEASE,
    LOKI_SERVICE_ACCOUNT,
    OTLP_GRPC_ENDPOINT,
    OTLP_HTTP_ENDPOINT,
    TEMPO_RELEASE,
    TEMPO_SERVICE_ACCOUNT,
} from "./names.js";
import type { ObjectStore } from "./storage.js";
import { tempoValues } from "./tempo-values.js";

export interface LogsAndTracesArgs {
    readonly context: AddonContext;
    /** Retention of logs and traces, collector replicas and Loki's mode (the environment profile's `monitoring`). */
    readonly profile: MonitoringProfile;
    /**
     * The foundation's `data` key: its ARN on AWS (SSE-KMS of the buckets), its crypto key id on
     * GCP (CMEK). Required: telemetry holds whatever apps log, so it is encrypted like their data.
     */
    readonly dataKmsKey: pulumi.Input<string>;
    /**
     * The StorageClass of Loki's and Tempo's volumes (write-ahead logs): the cluster contract's
     * `defaultStorageClass` (null there means the same as unset). @default the cluster's default StorageClass
     */
    readonly storageClass?: pulumi.Input<string | null>;
}

/** Pass the cluster's kubernetes provider and the cloud provider in `providers`, and `dependsOn` the monitoring stack. */
export class LogsAndTraces extends PlatformComponent {
    readonly lokiBucketName: pulumi.Output<string>;
    readonly tempoBucketName: pulumi.Output<string>;
    /** Where apps send OTLP: gRPC `host:4317`, HTTP `http://host:4318`. */
    readonly otlpGrpcEndpoint: string;
    readonly otlpHttpEndpoint: string;

    constructor(name: string, args: LogsAndTracesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:observability:LogsAndTraces", name, args.context.naming, opts);
        this.validate(validateLogsAndTracesArgs(args));
        const ctx = args.context;
        const p = args.profile;
        const cluster = ctx.cluster;

        // Object stores and the identities that reach them (and nothing else).
        const grants: pulumi.Resource[] = [];
        const store = (tool: "loki" | "tempo", retentionDays: number, serviceAccount: string) => {
            const naming = ctx.naming;
            if (cluster.cloud === "aws") {
                const bucket = new AwsObjectStoreBucket(
                    `${name}-${tool}`,
                    { naming, kmsKeyArn: args.dataKmsKey, retentionDays },
                    { parent: this },
                );
                const identity = new CloudIdentity(
                    `${name}-${tool}-identity`,
                    {
                        naming,
                        cluster,
                        namespace: MONITORING_NAMESPACE,
                        serviceAccount,
                        awsPolicy: pulumi
                            .all([bucket.bucketArn, args.dataKmsKey])
                            .apply(([bucketArn, kmsKeyArn]) =>
                                JSON.stringify(objectStorePolicy({ bucketArn, kmsKeyArn, region: ctx.region, tagging: tool === "tempo" })),
                            ),
                    },
                    { parent: this },
                );
                const at: pulumi.Output<ObjectStore> = bucket.bucketName.apply((b): ObjectStore => ({
                    cloud: "aws",
                    bucket: b,
                    region: ctx.region,
                }));
                return { bucketName: bucket.bucketName, store: at, identity, dependencies: [bucket, identity] };
            }
            const bucket = new GcpObjectStoreBucket(
                `${name}-${tool}`,
                { naming, project: cluster.project, region: ctx.region, kmsKeyName: args.dataKmsKey, retentionDays },
                { parent: this, dependsOn: grants },
            );
            const identity = new CloudIdentity(
                `${name}-${tool}-identity`,
                { naming, cluster, namespace: MONITORING_NAMESPACE, serviceAccount },
                { parent: this },
            );
            const access = new gcp.storage.BucketIAMMember(
                this.childName(`${tool}-bucket-access`),
                { bucket: bucket.bucketName, role: GCS_OBJECT_ROLE, member: identity.member ?? "" },
                this.childOptions({ dependsOn: [identity] }),
            );
            const at: pulumi.Output<ObjectStore> = bucket.bucketName.apply((b): ObjectStore => ({ cloud: "gcp", bucket: b }));
            return { bucketName: bucket.bucketName, store: at, identity, dependencies: [bucket, identity, access] };
        };
        if (cluster.cloud === "gcp") {
            // CMEK: Cloud Storage's service agent encrypts the objects with the data key (the data layer grants it only the backups key).
            const agent = gcp.storage.getProjectServiceAccountOutput({ project: cluster.project }, { parent: this });
            grants.push(
                new gcp.kms.CryptoKeyIAMMember(
                    this.childName("storage-data-key"),
                    { cryptoKeyId: args.dataKmsKey, role: "roles/cloudkms.cryptoKeyEncrypterDecrypter", member: agent.member },
                    this.childOptions(),
                ),
            );
        }
        const loki = store("loki", p.logRetentionDays, LOKI_SERVICE_ACCOUNT);
        const tempo = store("tempo", p.traceRetentionDays, TEMPO_SERVICE_ACCOUNT);

        const placement = controllerPlacement(ctx.onSystemNodes);
        const storageClass = pulumi.output(args.storageClass ?? null).apply((c) => c ?? undefined);
        const lokiRelease = chartRelease(
            this.childName("loki-release"),
            {
                name: LOKI_RELEASE,
                namespace: MONITORING_NAMESPACE,
                pin: CHARTS.loki,
                timeoutSeconds: 900,
                values: pulumi.all([loki.store, storageClass]).apply(([s, c]) =>
                    lokiValues({
                        mode: p.lokiDeploymentMode,
                        retentionDays: p.logRetentionDays,
                        store: s,
                        serviceAccountAnnotations: loki.identity.serviceAccountAnnotations,
                        storageClass: c,
                        placement,
                    }),
                ),
            },
            this.childOptions({ dependsOn: loki.dependencies }),
        );
        const tempoRelease = chartRelease(
            this.childName("tempo-release"),
            {
                name: TEMPO_RELEASE,
                namespace: MONITORING_NAMESPACE,
                pin: CHARTS.tempo,
                values: pulumi.all([tempo.store, storageClass]).apply(([s, c]) =>
                    tempoValues({
                        retentionDays: p.traceRetentionDays,
                        store: s,
                        serviceAccountAnnotations: tempo.identity.serviceAccountAnnotations,
                        storageClass: c,
                        placement,
                    }),
                ),
            },
            this.childOptions({ dependsOn: tempo.dependencies }),
        );

        // The collectors: their configuration ConfigMaps first (the charts mount them), the gateway before the agents.
        const configMap = (
            child: string,
            release: string,
            namespace: string,
            config: pulumi.Input<CollectorConfig>,
            dependsOn: pulumi.Resource[],
        ) =>
            new k8s.core.v1.ConfigMap(
                this.childName(child),
                {
                    metadata: { name: collectorConfigMapName(release), namespace, labels: { ...ctx.labels } },
                    data: { relay: pulumi.output(config).apply((c) => stringify(c)) },
                },
                this.childOptions({ dependsOn }),
            );
        const gatewayConfig = configMap(
            "gateway-config",
            COLLECTOR_GATEWAY_RELEASE,
            MONITORING_NAMESPACE,
            pulumi
                .output(ctx.clusterName)
                .apply((clusterName) => gatewayCollectorConfig({ clusterName, environment: ctx.naming.environment })),
            [],
        );
        const gateway = chartRelease(
            this.childName("gateway-release"),
            {
                name: COLLECTOR_GATEWAY_RELEASE,
                namespace: MONITORING_NAMESPACE,
                pin: CHARTS.openTelemetryCollector,
                values: gatewayCollectorValues({ replicas: p.collectorReplicas, placement }),
            },
            this.childOptions({ dependsOn: [gatewayConfig, lokiRelease, tempoRelease] }),
        );
        // hostPath volumes (the kubelet's log files): in kube-system (COLLECTOR_AGENT_NAMESPACE says why).
        const agentConfig = configMap("agent-config", COLLECTOR_AGENT_RELEASE, COLLECTOR_AGENT_NAMESPACE, agentCollectorConfig(), []);
        chartRelease(
            this.childName("agent-release"),
            {
                name: COLLECTOR_AGENT_RELEASE,
                namespace: COLLECTOR_AGENT_NAMESPACE,
                pin: CHARTS.openTelemetryCollector,
                values: agentCollectorValues(),
            },
            this.childOptions({ dependsOn: [agentConfig, gateway] }),
        );

        new k8s.core.v1.ConfigMap(
            this.childName("datasources"),
            {
                metadata: {
                    name: "grafana-datasources-logs-traces",
                    namespace: MONITORING_NAMESPACE,
                    labels: { ...ctx.labels, ...GRAFANA_DATASOURCE_LABEL },
                },
                data: { "logs-traces.yaml": stringify(telemetryDatasources()) },
            },
            this.childOptions({ dependsOn: [lokiRelease, tempoRelease] }),
        );

        this.lokiBucketName = loki.bucketName;
        this.tempoBucketName = tempo.bucketName;
        this.otlpGrpcEndpoint = OTLP_GRPC_ENDPOINT;
        this.otlpHttpEndpoint = OTLP_HTTP_ENDPOINT;
        this.complete("lokiBucketName", "tempoBucketName", "otlpGrpcEndpoint", "otlpHttpEndpoint");
    }
}

/** Every problem with the arguments: retention, collector replicas, Loki's mode, and the collectors' rendered configurations. */
export function validateLogsAndTracesArgs(args: LogsAndTracesArgs): Issue[] {
    const p = args.profile;
    return [
        ...checkWholeNumber("profile.logRetentionDays", p.logRetentionDays, TELEMETRY_RETENTION_RANGE),
        ...checkWholeNumber("profile.traceRetentionDays", p.traceRetentionDays, TELEMETRY_RETENTION_RANGE),
        ...checkReplicas("profile.collectorReplicas", p.collectorReplicas),
        ...checkOneOf("profile.lokiDeploymentMode", p.lokiDeploymentMode, LOKI_DEPLOYMENT_MODES),
        ...checkCollectorConfig(
            "gateway",
            gatewayCollectorConfig({ clusterName: "cluster", environment: args.context.naming.environment }),
        ),
        ...checkCollectorConfig("agent", agentCollectorConfig()),
    ];
}
