export * from "./drift-access.js";
export * from "./layer.js";
export * from "./program.js";
export * from "./upstream.js";
