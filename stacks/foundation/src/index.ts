export * from "./layer.js";
export * from "./program.js";
