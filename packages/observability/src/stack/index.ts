export * from "./rule-sets.js";
export * from "./monitoring-stack.js";
