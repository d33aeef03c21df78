export * from "./ipv4.js";
export * from "./carve.js";
