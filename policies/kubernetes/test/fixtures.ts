/**
 * Kubernetes objects for the pack's tests, written as a program registers them through the
 * kubernetes provider: a compliant pod template (the golden path's), each workload kind wrapping
 * it, and a way to change one field for each violating case.
 */
import * as assert from "node:assert/strict";
import type { Policy } from "@pulumi/policy";
import { type EvaluatedResource, evaluatePack, expectedViolation, StackFixture, type Violation } from "@platform/policy-kit/harness";
import { packName } from "../src/index.js";

export type Json = Record<string, unknown>;

/** The compliant container of every test: what the golden-path Workload renders. */
export function container(overrides: Json = {}): Json {
    return {
        name: "api",
        image: "ghcr.io/acme/api:1.4.2",
        imagePullPolicy: "IfNotPresent",
        ports: [{ name: "http", containerPort: 8080 }],
        resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
        readinessProbe: { httpGet: { path: "/readyz", port: "http" } },
        livenessProbe: { httpGet: { path: "/healthz", port: "http" } },
        securityContext: {
            runAsNonRoot: true,
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
            privileged: false,
            capabilities: { drop: ["ALL"] },
            seccompProfile: { type: "RuntimeDefault" },
        },
        ...overrides,
    };
}

export const LABELS = { app: "api", version: "1.4.2", environment: "prod", team: "platform" };

export function podSpec(overrides: Json = {}, containers: Json[] = [container()]): Json {
    return {
        securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: "RuntimeDefault" } },
        containers,
        ...overrides,
    };
}

export const TYPES = {
    Deployment: "kubernetes:apps/v1:Deployment",
    StatefulSet: "kubernetes:apps/v1:StatefulSet",
    DaemonSet: "kubernetes:apps/v1:DaemonSet",
    Job: "kubernetes:batch/v1:Job",
    CronJob: "kubernetes:batch/v1:CronJob",
    Pod: "kubernetes:core/v1:Pod",
} as const;
export type WorkloadKind = keyof typeof TYPES;
export const KINDS = Object.keys(TYPES) as WorkloadKind[];

/** A workload of `kind` around `spec` (a pod spec), labelled, named `api` in namespace `apps`. */
export function workloadInputs(kind: WorkloadKind, spec: Json = podSpec(), labels: Json = LABELS, extra: Json = {}): Json {
    const metadata = { name: "api", namespace: "apps", labels };
    const template = { metadata: { labels }, spec };
    const [group, version] = kind === "Pod" ? ["", "v1"] : kind === "Job" || kind === "CronJob" ? ["batch/", "v1"] : ["apps/", "v1"];
    const base = { apiVersion: `${group}${version}`, kind, metadata };
    switch (kind) {
        case "Pod":
            return { ...base, spec };
        case "CronJob":
            return { ...base, spec: { schedule: "0 2 * * *", jobTemplate: { spec: { template } } } };
        case "Job":
            return { ...base, spec: { template } };
        default:
            return { ...base, spec: { selector: { matchLabels: { app: "api" } }, template, ...extra } };
    }
}

/** Adds a workload to the fixture. */
export function addWorkload(s: StackFixture, kind: WorkloadKind, spec?: Json, labels?: Json, extra?: Json): EvaluatedResource {
    return s.custom(TYPES[kind], `api-${kind.toLowerCase()}`, workloadInputs(kind, spec, labels, extra));
}

/** Runs one policy over a fixture. */
export function run(policy: Policy, s: StackFixture): Promise<Violation[]> {
    return evaluatePack({ name: packName, policies: [policy] }, s.build());
}

/** The violation `policy` reports for `resource` with `detail`. */
export function violation(policy: Policy, resource: EvaluatedResource | null, detail: string): Violation {
    return expectedViolation(packName, policy, resource?.urn ?? null, detail);
}

/**
 * The three cases of a container policy for every workload kind: the compliant container passes;
 * `bad` (a container change) and `unset` (a container with the field removed) each give exactly
 * the violation `detail` names.
 */
export function containerCases(
    policy: Policy,
    cases: ReadonlyArray<{ readonly title: string; readonly container: Json; readonly pod?: Json; readonly detail: string }>,
    kinds: readonly WorkloadKind[] = KINDS,
): void {
    for (const kind of kinds) {
        it(`${kind}: the golden-path container passes`, async () => {
            const s = new StackFixture({ stack: "prod" });
            addWorkload(s, kind);
            assert.deepEqual(await run(policy, s), []);
        });
        for (const c of cases) {
            it(`${kind}: ${c.title}`, async () => {
                const s = new StackFixture({ stack: "prod" });
                const r = addWorkload(s, kind, podSpec(c.pod ?? {}, [c.container]));
                assert.deepEqual(await run(policy, s), [violation(policy, r, `${kind} apps/api: container "api" ${c.detail}.`)]);
            });
        }
    }
}

/** The compliant container without `path` (dotted) set: the unset case. */
export function without(path: string, base: Json = container()): Json {
    const copy = JSON.parse(JSON.stringify(base)) as Json;
    const parts = path.split(".");
    let node: Json = copy;
    for (const part of parts.slice(0, -1)) node = node[part] as Json;
    delete node[parts[parts.length - 1] ?? ""];
    return copy;
}
