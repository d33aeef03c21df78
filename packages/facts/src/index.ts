/**
 * @platform/facts: one source for the facts several packages share. No dependencies: the policy
 * packs and the simulated cloud load it at run time without a cloud SDK.
 */
export * from "./environments.js";
export * from "./ownership.js";
export * from "./types.js";
export * from "./taggable.js";
export * from "./stateful.js";
export * from "./urn.js";
export * from "./kubernetes.js";
