/**
 * A dashboard as the Grafana sidecar provisions it: a ConfigMap labelled `grafana_dashboard: "1"`
 * (the label kube-prometheus-stack's sidecar watches by default) holding the JSON model under
 * `<uid>.json`, built with the typed ConfigMap model and validated against its schema. An ES
 * module: the models ship only as ES modules.
 */
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import type { DashboardModel } from "./dashboard.js";
import { GRAFANA_DASHBOARD_LABEL, GRAFANA_FOLDER_ANNOTATION } from "../constants.js";

export interface DashboardConfigMapValues {
    readonly name: string;
    readonly namespace: string;
    readonly folder: string;
    readonly labels: Readonly<Record<string, string>>;
    readonly dashboard: DashboardModel;
}

export function dashboardConfigMapManifest(v: DashboardConfigMapValues): Record<string, unknown> {
    const configMap = new ConfigMap({
        metadata: {
            name: v.name,
            namespace: v.namespace,
            // The sidecar's label last: a caller's label of the same key must not switch provisioning off.
            labels: { ...v.labels, ...GRAFANA_DASHBOARD_LABEL },
            annotations: { [GRAFANA_FOLDER_ANNOTATION]: v.folder },
        },
        // Indented: a change shows as a readable diff in a preview.
        data: { [`${v.dashboard.uid ?? v.name}.json`]: JSON.stringify(v.dashboard, null, 2) },
    });
    configMap.validate();
    return configMap.toJSON() as Record<string, unknown>;
}
