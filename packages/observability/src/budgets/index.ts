export * from "./budget-plan.js";
export * from "./aws-budget.js";
export * from "./gcp-budget.js";
