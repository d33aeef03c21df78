export * from "./kubernetes.js";
export * from "./provider.js";
export * from "./server.js";
export * from "./values.js";
export * from "./latency.js";
export * from "./lifeline.js";
export * from "./render.js";
export * from "./drift.js";
