/**
 * @platform/observability: alerting and recording rules (with an SLO generator), Alertmanager
 * routing, dashboards as code and the in-cluster monitoring stack; cloud alarms and budgets beside
 * the resources they watch.
 */
export * from "./cloud/index.js";
export * from "./budgets/index.js";
