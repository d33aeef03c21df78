/**
 * The Kubernetes object model the `kubernetes` plugin answers from. It lives in `@platform/synth`
 * (`kubernetes-model.ts`), so the unit-test mocks and `platform synth` give Kubernetes objects
 * the same names, ids and status as a real-engine rehearsal.
 */
export * from "@platform/synth/dist/src/kubernetes-model.js";
