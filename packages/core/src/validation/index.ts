export * from "./cidr.js";
export * from "./zones.js";
export * from "./retention.js";
export * from "./names.js";
export * from "./endpoint.js";
