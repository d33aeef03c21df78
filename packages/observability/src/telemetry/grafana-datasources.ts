/**
 * Grafana's Loki and Tempo datasources as a provisioning file, loaded by kube-prometheus-stack's
 * datasource sidecar from a ConfigMap labelled `grafana_datasource: "1"` in the monitoring
 * namespace (the chart's `sidecar.datasources`, enabled there). Fixed uids (`loki`, `tempo`,
 * `PROVISIONED_DATASOURCES`) and the links between the signals:
 *
 * - logs to trace: Loki's `trace_id` structured metadata (OTLP logs carry it) opens the trace in Tempo;
 * - trace to logs: a span opens its pod's logs in Loki around the span's time, filtered by trace id;
 * - trace to metrics and the service map: Prometheus (uid `prometheus`).
 */
import { LOKI_DATASOURCE_UID, PROMETHEUS_DATASOURCE_UID, TEMPO_DATASOURCE_UID } from "../dashboards/datasources.js";
import { LOKI_URL, TEMPO_URL } from "./names.js";

/** The sidecar's default label (kube-prometheus-stack's `grafana.sidecar.datasources.label` and `labelValue`). */
export const GRAFANA_DATASOURCE_LABEL = { grafana_datasource: "1" } as const;

/** The provisioning document (`apiVersion: 1`). `$$` escapes Grafana's environment expansion in provisioning files. */
export function telemetryDatasources() {
    return {
        apiVersion: 1,
        datasources: [
            {
                name: "Loki",
                type: "loki",
                uid: LOKI_DATASOURCE_UID,
                access: "proxy",
                url: LOKI_URL,
                editable: false,
                jsonData: {
                    maxLines: 1000,
                    derivedFields: [
                        {
                            name: "TraceID",
                            matcherType: "label",
                            matcherRegex: "trace_id",
                            datasourceUid: TEMPO_DATASOURCE_UID,
                            url: "$${__value.raw}",
                            urlDisplayLabel: "Trace",
                        },
                    ],
                },
            },
            {
                name: "Tempo",
                type: "tempo",
                uid: TEMPO_DATASOURCE_UID,
                access: "proxy",
                url: TEMPO_URL,
                editable: false,
                jsonData: {
                    tracesToLogsV2: {
                        datasourceUid: LOKI_DATASOURCE_UID,
                        spanStartTimeShift: "-5m",
                        spanEndTimeShift: "5m",
                        filterByTraceID: true,
                        filterBySpanID: false,
                        tags: [
                            { key: "k8s.namespace.name", value: "k8s_namespace_name" },
                            { key: "k8s.pod.name", value: "k8s_pod_name" },
                        ],
                    },
                    tracesToMetrics: { datasourceUid: PROMETHEUS_DATASOURCE_UID },
                    serviceMap: { datasourceUid: PROMETHEUS_DATASOURCE_UID },
                    nodeGraph: { enabled: true },
                    lokiSearch: { datasourceUid: LOKI_DATASOURCE_UID },
                },
            },
        ],
    };
}
