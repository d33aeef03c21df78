/**
 * The opentelemetry-collector chart's values for the gateway (Deployment) and the node agent
 * (DaemonSet), pure. Both run the `otel/opentelemetry-collector-k8s` distribution and mount the
 * platform's own configuration ConfigMap (`configMap.existingName`): the chart's default
 * configuration (Jaeger, Zipkin and Prometheus receivers, a debug exporter) is never merged in.
 */
import { disruptionBudget, type Placement, zoneSpread } from "@platform/addons";
import { AGENT_STATE_DIRECTORY, POD_LOGS_DIRECTORY } from "./collector-config.js";
import { COLLECTOR_AGENT_RELEASE, COLLECTOR_GATEWAY_RELEASE } from "./names.js";

export const COLLECTOR_IMAGE = "otel/opentelemetry-collector-k8s";
/** The ConfigMap each release mounts (key `relay`, the chart's). */
export const collectorConfigMapName = (release: string) => `${release}-config`;

/** What k8sattributes reads: pods, namespaces and nodes, and ReplicaSets for the Deployment's name. */
const K8S_ATTRIBUTES_RULES = [
    { apiGroups: [""], resources: ["pods", "namespaces", "nodes"], verbs: ["get", "list", "watch"] },
    { apiGroups: ["apps"], resources: ["replicasets"], verbs: ["get", "list", "watch"] },
];

/** Only the OTLP ports (and the metrics port) of the chart's defaults. */
function ports(otlp: boolean) {
    return {
        otlp: { enabled: otlp },
        "otlp-http": { enabled: otlp },
        "jaeger-compact": { enabled: false },
        "jaeger-thrift": { enabled: false },
        "jaeger-grpc": { enabled: false },
        zipkin: { enabled: false },
        metrics: { enabled: true },
    };
}

function common(release: string) {
    return {
        fullnameOverride: release,
        image: { repository: COLLECTOR_IMAGE },
        command: { name: "otelcol-k8s" },
        configMap: { create: false, existingName: collectorConfigMapName(release) },
        clusterRole: { create: true, rules: K8S_ATTRIBUTES_RULES },
        serviceMonitor: { enabled: true },
    };
}

export function gatewayCollectorValues(args: { replicas: number; placement: Placement }) {
    return {
        ...common(COLLECTOR_GATEWAY_RELEASE),
        mode: "deployment",
        replicaCount: args.replicas,
        ports: ports(true),
        podDisruptionBudget: disruptionBudget(args.replicas),
        topologySpreadConstraints: zoneSpread({
            "app.kubernetes.io/name": "opentelemetry-collector",
            "app.kubernetes.io/instance": COLLECTOR_GATEWAY_RELEASE,
        }),
        nodeSelector: args.placement.nodeSelector,
        tolerations: args.placement.tolerations,
        resources: { requests: { cpu: "200m", memory: "512Mi" }, limits: { memory: "1Gi" } },
    };
}

/**
 * The agent runs on every node (it tolerates every taint) as root with a read-only root file
 * system and no capabilities: the kubelet's log files are root's, mode 0640.
 */
export function agentCollectorValues() {
    return {
        ...common(COLLECTOR_AGENT_RELEASE),
        mode: "daemonset",
        ports: ports(false),
        extraEnvs: [{ name: "K8S_NODE_NAME", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } }],
        extraVolumes: [
            { name: "pod-logs", hostPath: { path: POD_LOGS_DIRECTORY, type: "Directory" } },
            { name: "agent-state", hostPath: { path: AGENT_STATE_DIRECTORY, type: "DirectoryOrCreate" } },
        ],
        extraVolumeMounts: [
            { name: "pod-logs", mountPath: POD_LOGS_DIRECTORY, readOnly: true },
            { name: "agent-state", mountPath: AGENT_STATE_DIRECTORY },
        ],
        securityContext: {
            runAsUser: 0,
            runAsGroup: 0,
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
            capabilities: { drop: ["ALL"] },
        },
        tolerations: [{ operator: "Exists" }],
        resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "512Mi" } },
    };
}
