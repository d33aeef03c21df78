/**
 * The OpenTelemetry Collector configurations, as pure data: the gateway (a Deployment receiving
 * OTLP from apps and the node agents, exporting traces to Tempo and logs to Loki's OTLP endpoint)
 * and the node agent (a DaemonSet reading every container's log files). Each is the complete
 * configuration the collector runs (the charts mount it as is, no chart defaults merged), and
 * {@link checkCollectorConfig} checks its structure the way the collector would at start-up.
 *
 * Sampling: none. Seed 001 asks for a 100 % sampling rate, so every span is kept; retention (the
 * profile's) bounds the cost instead.
 */
import type { Issue } from "@platform/core";
import {
    COLLECTOR_AGENT_NAMESPACE,
    COLLECTOR_AGENT_RELEASE,
    LOKI_OTLP_ENDPOINT,
    OTLP_GRPC_ENDPOINT,
    TEMPO_OTLP_GRPC_ENDPOINT,
} from "./names.js";

export interface CollectorPipeline {
    readonly receivers: readonly string[];
    readonly processors: readonly string[];
    readonly exporters: readonly string[];
}

export interface CollectorConfig {
    readonly receivers: Readonly<Record<string, unknown>>;
    readonly processors: Readonly<Record<string, unknown>>;
    readonly exporters: Readonly<Record<string, unknown>>;
    readonly extensions: Readonly<Record<string, unknown>>;
    readonly service: {
        readonly extensions: readonly string[];
        readonly telemetry: Readonly<Record<string, unknown>>;
        readonly pipelines: Readonly<Record<string, CollectorPipeline>>;
    };
}

/**
 * The component types of the `otel/opentelemetry-collector-k8s` distribution the platform uses
 * (a subset: what these configurations may name). A type outside it would fail at start-up with
 * "unknown type".
 */
export const COLLECTOR_COMPONENT_TYPES = {
    receivers: ["otlp", "filelog"],
    processors: ["memory_limiter", "batch", "k8sattributes", "resource"],
    exporters: ["otlp", "otlphttp", "debug"],
    extensions: ["health_check", "file_storage"],
} as const;

type Section = keyof typeof COLLECTOR_COMPONENT_TYPES;

/** Refuse data before the pod is OOM-killed: limit at 80 % of the container's memory limit, spikes of 25 %. */
const MEMORY_LIMITER = { check_interval: "1s", limit_percentage: 80, spike_limit_percentage: 25 };
/** Batches of up to 8192 items or 5 s, whichever first: fewer, larger requests to Tempo and Loki. */
const BATCH = { send_batch_size: 8192, send_batch_max_size: 8192, timeout: "5s" };
/** The collector's own metrics for Prometheus (the chart's ServiceMonitor scrapes port 8888). */
const TELEMETRY = {
    metrics: { readers: [{ pull: { exporter: { prometheus: { host: "${env:MY_POD_IP}", port: 8888 } } } }] },
};
/** Kubernetes metadata on every record and span, looked up by pod. */
function k8sAttributes(filterNode: boolean) {
    return {
        auth_type: "serviceAccount",
        passthrough: false,
        ...(filterNode ? { filter: { node_from_env_var: "K8S_NODE_NAME" } } : {}),
        extract: {
            metadata: [
                "k8s.namespace.name",
                "k8s.pod.name",
                "k8s.pod.uid",
                "k8s.deployment.name",
                "k8s.statefulset.name",
                "k8s.daemonset.name",
                "k8s.node.name",
                "k8s.container.name",
            ],
            labels: [{ tag_name: "app", key: "app.kubernetes.io/name", from: "pod" }],
        },
        pod_association: [
            { sources: [{ from: "resource_attribute", name: "k8s.pod.uid" }] },
            { sources: [{ from: "resource_attribute", name: "k8s.pod.ip" }] },
            { sources: [{ from: "connection" }] },
        ],
    };
}
/** Retries with backoff for five minutes, then a bounded in-memory queue: Tempo or Loki restarting loses nothing. */
const DELIVERY = {
    retry_on_failure: { enabled: true, initial_interval: "5s", max_interval: "30s", max_elapsed_time: "300s" },
    sending_queue: { enabled: true, num_consumers: 10, queue_size: 5000 },
};

export interface GatewayConfigArgs {
    /** The cluster's name and the environment, stamped on every span and record (`k8s.cluster.name`, `deployment.environment.name`). */
    readonly clusterName: string;
    readonly environment: string;
}

/** The gateway: OTLP in (gRPC and HTTP), Kubernetes metadata, traces to Tempo (OTLP gRPC), logs to Loki (OTLP HTTP). */
export function gatewayCollectorConfig(args: GatewayConfigArgs): CollectorConfig {
    const processors = ["memory_limiter", "k8sattributes", "resource", "batch"];
    return {
        receivers: {
            otlp: {
                protocols: {
                    grpc: { endpoint: "${env:MY_POD_IP}:4317" },
                    http: { endpoint: "${env:MY_POD_IP}:4318" },
                },
            },
        },
        processors: {
            memory_limiter: MEMORY_LIMITER,
            k8sattributes: k8sAttributes(false),
            resource: {
                attributes: [
                    { key: "k8s.cluster.name", value: args.clusterName, action: "upsert" },
                    { key: "deployment.environment.name", value: args.environment, action: "upsert" },
                ],
            },
            batch: BATCH,
        },
        exporters: {
            // Inside the cluster, to Tempo's in-cluster Service (the monitoring namespace is outside the mesh).
            "otlp/tempo": { endpoint: TEMPO_OTLP_GRPC_ENDPOINT, tls: { insecure: true }, ...DELIVERY },
            "otlphttp/loki": { endpoint: LOKI_OTLP_ENDPOINT, ...DELIVERY },
        },
        extensions: { health_check: { endpoint: "${env:MY_POD_IP}:13133" } },
        service: {
            extensions: ["health_check"],
            telemetry: TELEMETRY,
            pipelines: {
                traces: { receivers: ["otlp"], processors, exporters: ["otlp/tempo"] },
                logs: { receivers: ["otlp"], processors, exporters: ["otlphttp/loki"] },
            },
        },
    };
}

/** Where the agent keeps its read offsets (a hostPath): a restarted agent resumes where it stopped instead of re-sending or skipping. */
export const AGENT_STATE_DIRECTORY = "/var/lib/otelcol";
/** Container logs as the kubelet writes them: `/var/log/pods/<namespace>_<pod>_<uid>/<container>/<n>.log`. */
export const POD_LOGS_DIRECTORY = "/var/log/pods";

/**
 * The node agent: every container's log file on its node (the CRI format parsed by the
 * `container` operator, which also sets the pod's namespace, name, uid and container), except
 * its own (a loop), Kubernetes metadata for the node's pods, to the gateway over OTLP.
 */
export function agentCollectorConfig(): CollectorConfig {
    return {
        receivers: {
            filelog: {
                include: [`${POD_LOGS_DIRECTORY}/*/*/*.log`],
                exclude: [`${POD_LOGS_DIRECTORY}/${COLLECTOR_AGENT_NAMESPACE}_${COLLECTOR_AGENT_RELEASE}*/*/*.log`],
                // A new node starts at the end of existing files; offsets survive restarts (storage).
                start_at: "end",
                include_file_path: true,
                include_file_name: false,
                storage: "file_storage",
                retry_on_failure: { enabled: true },
                operators: [{ type: "container", id: "container-parser" }],
            },
        },
        processors: { memory_limiter: MEMORY_LIMITER, k8sattributes: k8sAttributes(true), batch: BATCH },
        exporters: { "otlp/gateway": { endpoint: OTLP_GRPC_ENDPOINT, tls: { insecure: true }, ...DELIVERY } },
        extensions: {
            health_check: { endpoint: "${env:MY_POD_IP}:13133" },
            file_storage: { directory: AGENT_STATE_DIRECTORY, create_directory: true },
        },
        service: {
            extensions: ["health_check", "file_storage"],
            telemetry: TELEMETRY,
            pipelines: {
                logs: { receivers: ["filelog"], processors: ["memory_limiter", "k8sattributes", "batch"], exporters: ["otlp/gateway"] },
            },
        },
    };
}

const PIPELINE_ID = /^(traces|metrics|logs)(\/[A-Za-z0-9_.-]+)?$/;
const SECTIONS: readonly Section[] = ["receivers", "processors", "exporters", "extensions"];

/**
 * Every structural problem the collector would refuse or that is a mistake: a pipeline id that is
 * not `traces|metrics|logs[/name]`, a pipeline without receivers or exporters, a component a
 * pipeline (or `service.extensions`) names but no section declares, a component type the
 * distribution does not have, a declared component nothing uses, `memory_limiter` not first or
 * `batch` not last, and a receiver's `storage` naming an undeclared extension.
 */
export function checkCollectorConfig(field: string, config: CollectorConfig): Issue[] {
    const issues: Issue[] = [];
    const issue = (at: string, value: unknown, problem: string, fix: string) =>
        issues.push({ field: `${field}.${at}`, value, problem, fix });
    const used: Record<Section, Set<string>> = { receivers: new Set(), processors: new Set(), exporters: new Set(), extensions: new Set() };
    for (const section of SECTIONS) {
        for (const id of Object.keys(config[section])) {
            const type = id.split("/")[0] ?? id;
            if (!(COLLECTOR_COMPONENT_TYPES[section] as readonly string[]).includes(type)) {
                issue(
                    `${section}.${id}`,
                    type,
                    "is not a component type of the collector distribution",
                    `use one of ${COLLECTOR_COMPONENT_TYPES[section].join(", ")}`,
                );
            }
        }
    }
    const reference = (at: string, section: Section, id: string) => {
        used[section].add(id);
        if (!Object.hasOwn(config[section], id)) {
            issue(at, id, `is not declared under ${section}`, `declare ${section}.${id} or remove it from ${at}`);
        }
    };
    config.service.extensions.forEach((id, i) => reference(`service.extensions[${i}]`, "extensions", id));
    for (const [id, pipeline] of Object.entries(config.service.pipelines)) {
        const at = `service.pipelines.${id}`;
        if (!PIPELINE_ID.test(id)) issue(at, id, "is not a pipeline id", "name it traces, metrics or logs, optionally /<name>");
        for (const part of ["receivers", "exporters"] as const) {
            if (pipeline[part].length === 0)
                issue(`${at}.${part}`, [], "is empty: the pipeline moves nothing", `list at least one of ${part}`);
        }
        for (const part of ["receivers", "processors", "exporters"] as const) {
            pipeline[part].forEach((c, i) => reference(`${at}.${part}[${i}]`, part, c));
        }
        const p = pipeline.processors;
        if (p.includes("memory_limiter") && p[0] !== "memory_limiter") {
            issue(
                `${at}.processors`,
                p,
                "does not start with memory_limiter",
                "put memory_limiter first: it must refuse data before anything buffers it",
            );
        }
        if (p.includes("batch") && p[p.length - 1] !== "batch") {
            issue(`${at}.processors`, p, "does not end with batch", "put batch last: processors after it see batches, not records");
        }
    }
    for (const section of SECTIONS) {
        for (const id of Object.keys(config[section])) {
            if (!used[section].has(id))
                issue(`${section}.${id}`, id, "is declared but no pipeline uses it", `use it in a pipeline or remove it`);
        }
    }
    for (const [id, receiver] of Object.entries(config.receivers)) {
        const storage = (receiver as { storage?: unknown }).storage;
        if (storage !== undefined && (typeof storage !== "string" || !Object.hasOwn(config.extensions, storage))) {
            issue(
                `receivers.${id}.storage`,
                storage,
                "is not a declared extension",
                "declare the storage extension under extensions and service.extensions",
            );
        }
    }
    return issues;
}
