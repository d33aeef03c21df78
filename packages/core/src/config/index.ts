export * from "./errors.js";
export * from "./settings.js";
export * from "./waivers.js";
export * from "./schema.js";
export * from "./namespaces.js";
export * from "./cross-field.js";
export * from "./parse.js";
export * from "./load.js";
export * from "./stack-file-schema.js";
export * from "./data-schema.js";
export * from "./public-edge.js";
export * from "./data-settings.js";
export * from "./security-schema.js";
export {
    MONITORING_RETENTION_RANGE,
    MONITORING_STORAGE_RANGE,
    PLATFORM_REPLICA_RANGE,
    TELEMETRY_RETENTION_RANGE,
} from "./profile-overrides.js";
export * from "./alerting-schema.js";
export * from "./dr-schema.js";
export * from "./cluster-access-schema.js";
