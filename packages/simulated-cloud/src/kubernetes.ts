/**
 * The Kubernetes object model the `kubernetes` plugin answers from. It lives in `@platform/synth`
 * (`kubernetes-model.ts`, through its `./kubernetes-model` export: the package root would also
 * load the SDK's mock runtime), so the unit-test mocks and `platform synth` give Kubernetes
 * objects the same names, ids and status as a real-engine rehearsal.
 */
export * from "@platform/synth/kubernetes-model";
