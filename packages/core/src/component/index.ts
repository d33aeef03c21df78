export * from "./errors.js";
export * from "./platform-component.js";
