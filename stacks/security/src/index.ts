export * from "./foundation.js";
export * from "./layer.js";
export * from "./program.js";
export * from "./ci-variables.js";
