/**
 * The names of the logs and traces releases and their in-cluster addresses: what apps, the
 * collectors and Grafana's datasources point at. Fixed names (the charts' `fullnameOverride` or
 * the release name) so an address never depends on a chart's naming rules.
 */
import { MONITORING_NAMESPACE } from "../constants.js";

export const LOKI_RELEASE = "loki";
export const TEMPO_RELEASE = "tempo";
export const COLLECTOR_GATEWAY_RELEASE = "otel-gateway";
export const COLLECTOR_AGENT_RELEASE = "otel-agent";
/**
 * The node agent's namespace: reading `/var/log/pods` needs a hostPath volume, which Pod Security
 * baseline (the monitoring namespace) refuses and no platform namespace may be privileged
 * (kubernetes-namespace-pod-security); kube-system is the cluster's own, as for node-exporter.
 */
export const COLLECTOR_AGENT_NAMESPACE = "kube-system";
/** The Kubernetes service accounts whose cloud identities reach the buckets. */
export const LOKI_SERVICE_ACCOUNT = "loki";
export const TEMPO_SERVICE_ACCOUNT = "tempo";

const svc = (name: string) => `${name}.${MONITORING_NAMESPACE}.svc.cluster.local`;

/** Where apps send OTLP: the gateway's Service (gRPC 4317, HTTP 4318). */
export const OTLP_GRPC_ENDPOINT = `${svc(COLLECTOR_GATEWAY_RELEASE)}:4317`;
export const OTLP_HTTP_ENDPOINT = `http://${svc(COLLECTOR_GATEWAY_RELEASE)}:4318`;
/** Loki's gateway (nginx in front of reads and writes, port 80) and its OTLP path. */
export const LOKI_URL = `http://${svc(`${LOKI_RELEASE}-gateway`)}`;
export const LOKI_OTLP_ENDPOINT = `${LOKI_URL}/otlp`;
/** Tempo's query API (3200) and OTLP gRPC receiver (4317). */
export const TEMPO_URL = `http://${svc(TEMPO_RELEASE)}:3200`;
export const TEMPO_OTLP_GRPC_ENDPOINT = `${svc(TEMPO_RELEASE)}:4317`;
