/**
 * @platform/policy-kit/harness: evaluates CrossGuard packs over synthesized stacks exactly as the
 * engine and the policy SDK would (`evaluatePack`, for `platform synth` and tests), runs packs as
 * real policy processes and through the SDK's own server functions to check that, and builds test
 * stacks (`StackFixture`, `expectedViolation`). Never loaded by a pack at run time (each pack's
 * runtime test checks it).
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
export { UNKNOWN_STRING_VALUE, unknownCheckingProxy } from "../proxy.js";
export { expectedViolation, type FixtureResourceOptions, ownershipTags, StackFixture } from "./testing.js";
export { evaluatePackWithSdkServer } from "./real-server.js";
export { evaluateBothWays, evaluateWithPolicyPackProcess, type PolicyPackProcess, startPolicyPackProcess } from "./policy-pack-process.js";
export { loadPackRuntime, modulesNotAllowedAtPackRuntime, NOT_AT_PACK_RUNTIME, type PackRuntime } from "./pack-runtime.js";
export { policyConventionProblems } from "./conventions.js";
