export * from "./kms/purposes.js";
export * from "./kms/aws-key-policy.js";
export * from "./kms/aws-keys.js";
export * from "./kms/gcp-keys.js";
