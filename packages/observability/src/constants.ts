/** Facts the monitoring stack and the dashboards share: one source each. */

/** The namespace of kube-prometheus-stack and of the dashboards' ConfigMaps. */
export const MONITORING_NAMESPACE = "monitoring";

/** The label Grafana's dashboards sidecar loads ConfigMaps by. */
export const GRAFANA_DASHBOARD_LABEL = { grafana_dashboard: "1" } as const;

/** The annotation naming a dashboard's Grafana folder (the sidecar's `folderAnnotation`). */
export const GRAFANA_FOLDER_ANNOTATION = "grafana_folder";
