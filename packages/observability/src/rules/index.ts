export * from "./types.js";
export * from "./seed-rules.js";
export * from "./rule-file.js";
export * from "./promql.js";
export { prometheusRuleManifest, type PrometheusRuleManifestArgs } from "./prometheus-rule.mjs";
export * from "./falco-rules.js";
