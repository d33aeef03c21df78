export * from "./cloud-model.js";
export * from "./inventory.js";
export * from "./recording-monitor.js";
export * from "./synthesize.js";
export * from "./issues.js";
export * from "./kubernetes-model.js";
export * from "./helm-release.js";
export * from "./secret-paths.js";
