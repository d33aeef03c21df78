export * from "./spec.js";
export * from "./generate.js";
export * from "./seed-slos.js";
export * from "./services.js";
export * from "./dashboard-spec.js";
