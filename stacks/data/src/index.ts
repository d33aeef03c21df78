export * from "./cluster.js";
export * from "./foundation.js";
export * from "./layer.js";
export * from "./program.js";
export { redisNodes } from "./aws.js";
export { DATA_APIS } from "./gcp.js";
