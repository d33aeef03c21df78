export * from "./aws-alarm-plan.js";
export * from "./aws-alarms.js";
export * from "./gcp-alert-plan.js";
export * from "./gcp-alerts.js";
