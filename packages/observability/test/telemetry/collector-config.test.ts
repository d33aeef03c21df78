import * as assert from "node:assert/strict";
import {
    agentCollectorConfig,
    checkCollectorConfig,
    type CollectorConfig,
    gatewayCollectorConfig,
    LOKI_OTLP_ENDPOINT,
    OTLP_GRPC_ENDPOINT,
    OTLP_HTTP_ENDPOINT,
    TEMPO_OTLP_GRPC_ENDPOINT,
} from "../../src/index.js";

const gateway = gatewayCollectorConfig({ clusterName: "acme-prod-eks", environment: "prod" });
const agent = agentCollectorConfig();

/** A collector configuration a test may change. */
interface Editable {
    receivers: Record<string, Record<string, unknown>>;
    processors: Record<string, unknown>;
    exporters: Record<string, unknown>;
    extensions: Record<string, unknown>;
    service: { extensions: string[]; pipelines: Record<string, { receivers: string[]; processors: string[]; exporters: string[] }> };
}

/** `config` with `edit` applied to a deep copy. */
function edited(config: CollectorConfig, edit: (c: Editable) => void): CollectorConfig {
    const copy = structuredClone(config) as unknown as Editable;
    edit(copy);
    return copy as unknown as CollectorConfig;
}

describe("collector configurations (pure)", () => {
    it("the addresses apps and collectors use: the gateway's Service, Tempo's OTLP receiver, Loki's OTLP path", () => {
        assert.deepEqual(
            [OTLP_GRPC_ENDPOINT, OTLP_HTTP_ENDPOINT, TEMPO_OTLP_GRPC_ENDPOINT, LOKI_OTLP_ENDPOINT],
            [
                "otel-gateway.monitoring.svc.cluster.local:4317",
                "http://otel-gateway.monitoring.svc.cluster.local:4318",
                "tempo.monitoring.svc.cluster.local:4317",
                "http://loki-gateway.monitoring.svc.cluster.local/otlp",
            ],
        );
    });

    it("gateway: OTLP in; traces to Tempo, logs to Loki; memory_limiter first, batch last; no sampling processor (seed 001: 100 %)", () => {
        assert.deepEqual(gateway.service.pipelines, {
            traces: {
                receivers: ["otlp"],
                processors: ["memory_limiter", "k8sattributes", "resource", "batch"],
                exporters: ["otlp/tempo"],
            },
            logs: {
                receivers: ["otlp"],
                processors: ["memory_limiter", "k8sattributes", "resource", "batch"],
                exporters: ["otlphttp/loki"],
            },
        });
        assert.deepEqual(gateway.receivers, {
            otlp: { protocols: { grpc: { endpoint: "${env:MY_POD_IP}:4317" }, http: { endpoint: "${env:MY_POD_IP}:4318" } } },
        });
        assert.deepEqual(Object.keys(gateway.processors), ["memory_limiter", "k8sattributes", "resource", "batch"]);
        assert.deepEqual(gateway.processors["resource"], {
            attributes: [
                { key: "k8s.cluster.name", value: "acme-prod-eks", action: "upsert" },
                { key: "deployment.environment.name", value: "prod", action: "upsert" },
            ],
        });
        const delivery = {
            retry_on_failure: { enabled: true, initial_interval: "5s", max_interval: "30s", max_elapsed_time: "300s" },
            sending_queue: { enabled: true, num_consumers: 10, queue_size: 5000 },
        };
        assert.deepEqual(gateway.exporters, {
            "otlp/tempo": { endpoint: "tempo.monitoring.svc.cluster.local:4317", tls: { insecure: true }, ...delivery },
            "otlphttp/loki": { endpoint: "http://loki-gateway.monitoring.svc.cluster.local/otlp", ...delivery },
        });
        assert.deepEqual(gateway.service.extensions, ["health_check"]);
        assert.deepEqual(gateway.extensions, { health_check: { endpoint: "${env:MY_POD_IP}:13133" } });
    });

    it("agent: every container log file on its node but its own, CRI-parsed, offsets kept on the node, to the gateway", () => {
        assert.deepEqual(agent.service.pipelines, {
            logs: { receivers: ["filelog"], processors: ["memory_limiter", "k8sattributes", "batch"], exporters: ["otlp/gateway"] },
        });
        assert.deepEqual(agent.receivers["filelog"], {
            include: ["/var/log/pods/*/*/*.log"],
            exclude: ["/var/log/pods/kube-system_otel-agent*/*/*.log"],
            start_at: "end",
            include_file_path: true,
            include_file_name: false,
            storage: "file_storage",
            retry_on_failure: { enabled: true },
            operators: [{ type: "container", id: "container-parser" }],
        });
        assert.deepEqual((agent.processors["k8sattributes"] as { filter?: unknown }).filter, { node_from_env_var: "K8S_NODE_NAME" });
        assert.equal(
            (gateway.processors["k8sattributes"] as { filter?: unknown }).filter,
            undefined,
            "the gateway sees pods of every node",
        );
        assert.equal((agent.exporters["otlp/gateway"] as { endpoint: string }).endpoint, "otel-gateway.monitoring.svc.cluster.local:4317");
        assert.deepEqual(agent.extensions["file_storage"], { directory: "/var/lib/otelcol", create_directory: true });
        assert.deepEqual(agent.service.extensions, ["health_check", "file_storage"]);
    });

    it("both pass the structure check: every pipeline's receivers, processors and exporters declared, of the distribution's types, all used", () => {
        assert.deepEqual(checkCollectorConfig("gateway", gateway), []);
        assert.deepEqual(checkCollectorConfig("agent", agent), []);
    });

    it("the check names an undeclared component, an unknown type, an unused one, and a storage extension that is not declared", () => {
        const broken = edited(gateway, (c) => {
            c.service.pipelines["traces"] = { receivers: ["otlp"], processors: [], exporters: ["otlp/jaeger"] };
            c.processors["tail_sampling"] = {};
            c.extensions["pprof"] = {};
            c.service.extensions = ["health_check", "zpages"];
            c.receivers["otlp"] = { ...c.receivers["otlp"], storage: "file_storage" };
        });
        assert.deepEqual(
            checkCollectorConfig("gateway", broken).map((i) => [i.field, i.value, i.problem]),
            [
                ["gateway.processors.tail_sampling", "tail_sampling", "is not a component type of the collector distribution"],
                ["gateway.extensions.pprof", "pprof", "is not a component type of the collector distribution"],
                ["gateway.service.extensions[1]", "zpages", "is not declared under extensions"],
                ["gateway.service.pipelines.traces.exporters[0]", "otlp/jaeger", "is not declared under exporters"],
                ["gateway.processors.tail_sampling", "tail_sampling", "is declared but no pipeline uses it"],
                ["gateway.exporters.otlp/tempo", "otlp/tempo", "is declared but no pipeline uses it"],
                ["gateway.extensions.pprof", "pprof", "is declared but no pipeline uses it"],
                ["gateway.receivers.otlp.storage", "file_storage", "is not a declared extension"],
            ],
        );
    });

    it("the check names a bad pipeline id, an empty pipeline and processors out of order", () => {
        const broken = edited(agent, (c) => {
            c.service.pipelines["spans"] = { receivers: [], processors: ["batch", "memory_limiter"], exporters: [] };
        });
        assert.deepEqual(
            checkCollectorConfig("agent", broken).map((i) => [i.field, i.problem]),
            [
                ["agent.service.pipelines.spans", "is not a pipeline id"],
                ["agent.service.pipelines.spans.receivers", "is empty: the pipeline moves nothing"],
                ["agent.service.pipelines.spans.exporters", "is empty: the pipeline moves nothing"],
                ["agent.service.pipelines.spans.processors", "does not start with memory_limiter"],
                ["agent.service.pipelines.spans.processors", "does not end with batch"],
            ],
        );
        assert.deepEqual(
            checkCollectorConfig(
                "agent",
                edited(
                    agent,
                    (c) => (c.service.pipelines["logs/audit"] = { receivers: ["filelog"], processors: [], exporters: ["otlp/gateway"] }),
                ),
            ),
            [],
            "a named pipeline of a known signal is fine",
        );
    });
});
