/**
 * The datasources dashboards reference, by uid. A fixed uid (not a name, not Grafana's default
 * datasource) keeps every panel pointing at the same datasource whatever it is called in the UI
 * and whichever datasource is marked default.
 */
import type { DataSourceRef } from "@grafana/grafana-foundation-sdk/common";

/**
 * The uid of the in-cluster Prometheus datasource: `prometheus`, the uid kube-prometheus-stack's
 * Grafana sidecar gives the datasource it provisions (`grafana.sidecar.datasources.uid`, default
 * `prometheus`). The monitoring stack must keep that value: every panel here references it.
 */
export const PROMETHEUS_DATASOURCE_UID = "prometheus";

/** The Prometheus datasource as panels and queries reference it. */
export const PROMETHEUS_DATASOURCE: Readonly<Required<DataSourceRef>> = { type: "prometheus", uid: PROMETHEUS_DATASOURCE_UID };

/** Loki and Tempo, provisioned by LogsAndTraces (a sidecar datasource ConfigMap), with fixed uids as well. */
export const LOKI_DATASOURCE_UID = "loki";
export const TEMPO_DATASOURCE_UID = "tempo";
export const LOKI_DATASOURCE: Readonly<Required<DataSourceRef>> = { type: "loki", uid: LOKI_DATASOURCE_UID };
export const TEMPO_DATASOURCE: Readonly<Required<DataSourceRef>> = { type: "tempo", uid: TEMPO_DATASOURCE_UID };

/** Every datasource the monitoring stack and LogsAndTraces provision that a dashboard may reference. */
export const PROVISIONED_DATASOURCES: readonly Readonly<Required<DataSourceRef>>[] = [
    PROMETHEUS_DATASOURCE,
    LOKI_DATASOURCE,
    TEMPO_DATASOURCE,
];
