export * from "./aws-alarm-plan.js";
export * from "./aws-alarms.js";
