/**
 * @platform/observability: alerting and recording rules (with an SLO generator), Alertmanager
 * routing, dashboards as code and the in-cluster monitoring stack; cloud alarms and budgets beside
 * the resources they watch.
 */
export * from "./rules/index.js";
export * from "./slo/index.js";
export * from "./alertmanager/index.js";
export { externalSecretManifest, type ExternalSecretManifestArgs } from "./stack/external-secret.mjs";
export * from "./stack/index.js";
export * from "./dashboards/index.js";
export * from "./constants.js";
export * from "./cloud/index.js";
export * from "./budgets/index.js";
export * from "./telemetry/index.js";
