/**
 * @platform/policy-kit: what policies import at run time, and nothing else. The pure helpers the
 * packs share: narrowing value readers, JSON-or-object inputs, effective tags/labels, the stack's
 * environment, references between resources, type-token policy helpers. A pack's process loads
 * this entry point; the evaluation and test harness (`evaluatePack`, the engine view, the analyzer
 * mirror, `StackFixture`, real policy pack processes) is `@platform/policy-kit/harness`, which
 * loads gRPC, protobuf and the Pulumi SDK and so must never be imported by a policy.
 */
export { isUnknownValueError, type UnknownValueErrorLike } from "./proxy.js";
export * from "./values.js";
export * from "./json.js";
export * from "./tags.js";
export * from "./environment.js";
export * from "./references.js";
export * from "./policy-helpers.js";
export * from "./metadata.js";
