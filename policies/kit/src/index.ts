/**
 * @platform/policy-kit: evaluates CrossGuard packs over synthesized stacks exactly as the engine
 * and the policy SDK would, and the small pure helpers the packs share.
 */
export {
    type Violation,
    type EvaluatedPack,
    type EvaluatedStack,
    type EvaluateOptions,
    evaluatePack,
    formatViolations,
    mandatoryViolations,
} from "./evaluate.js";
export {
    type DefaultProviderSettings,
    type EngineResource,
    type EvaluatedResource,
    engineView,
    isProviderType,
    marshal,
    marshalProperties,
} from "./engine.js";
export { type PolicyConfigInfo, type ResolvedPolicyConfig, resolvePolicyConfig } from "./config.js";
export { isUnknownValueError, UNKNOWN_STRING_VALUE, unknownCheckingProxy } from "./proxy.js";
export * from "./values.js";
export * from "./json.js";
export * from "./tags.js";
export * from "./environment.js";
export * from "./references.js";
export * from "./policy-helpers.js";
export { expectedViolation, type FixtureResourceOptions, ownershipTags, StackFixture } from "./testing.js";
export { evaluatePackWithSdkServer } from "./real-server.js";
export { evaluateBothWays, evaluateWithPolicyPackProcess, type PolicyPackProcess, startPolicyPackProcess } from "./policy-pack-process.js";
