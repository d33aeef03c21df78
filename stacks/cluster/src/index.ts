export * from "./aws.js";
export * from "./foundation.js";
export * from "./gcp.js";
export * from "./layer.js";
export * from "./program.js";
