export * from "./identity.js";
export * from "./namespace.js";
export * from "./workload.js";
export * from "./workload-validation.js";
export * from "./manifests/canary.js";
export * from "./app-stack.js";
export * from "./team-space.js";
