export * from "./aws/plan.js";
export * from "./aws/endpoints.js";
export * from "./aws/network.js";
export * from "./dns/aws-zones.js";
export * from "./gcp/plan.js";
export * from "./gcp/firewall.js";
export * from "./gcp/network.js";
export * from "./dns/gcp-zones.js";
