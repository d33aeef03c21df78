/**
 * OPA Gatekeeper admission rules (seed 001 S1: "10 Policies"): the same ten rules as the
 * kubernetes CrossGuard pack's seed-001 policies, so a manifest applied outside Pulumi (kubectl,
 * Helm, GitOps) meets them at admission. One list, {@link GATEKEEPER_RULES}: each entry names its
 * CrossGuard twin (a test keeps the two in sync), the ConstraintTemplate kind (the Gatekeeper
 * library's where one exists, the platform's own otherwise), its Rego module under `rego/templates`
 * (unit-tested with `opa test --v0-compatible packages/security/rego`), and the constraint's
 * parameters. Gatekeeper runs Rego v0 (templates' `rego` field), hence the v0 syntax.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";

/** Where the Rego lives: packages/security/rego (this module runs as dist/src/admission/gatekeeper.js). */
export const REGO_DIR = path.resolve(__dirname, "../../../rego");

/** What the constraints are parameterized with. */
export interface AdmissionSettings {
    /** Registry host patterns images may come from (`platform:platform.trustedRegistries`). */
    readonly trustedRegistries: readonly string[];
    /** Least replicas of a Deployment or StatefulSet (2 in production, 1 elsewhere). */
    readonly minReplicas: number;
    /**
     * Only namespaces carrying these labels are checked and mutated. The platform passes its
     * app-namespace label, so the add-ons' namespaces (upstream charts, reviewed by the kubernetes
     * pack when installed) are never blocked at admission by rules written for app workloads.
     * @default every namespace but {@link EXEMPT_NAMESPACES}
     */
    readonly namespaceLabels?: Readonly<Record<string, string>>;
}

/** The `match` block shared by constraints and mutations. */
export function admissionMatch(kinds: readonly { apiGroups: readonly string[]; kinds: readonly string[] }[], settings: AdmissionSettings) {
    return {
        kinds,
        excludedNamespaces: [...EXEMPT_NAMESPACES],
        ...(settings.namespaceLabels !== undefined ? { namespaceSelector: { matchLabels: { ...settings.namespaceLabels } } } : {}),
    };
}

export interface GatekeeperRule {
    /** The kubernetes pack's twin policy. */
    readonly policy: string;
    /** The ConstraintTemplate kind (CamelCase); the template's name is its lowercase. */
    readonly kind: string;
    /** Whether the kind is the Gatekeeper library's (else the platform's own template). */
    readonly library: boolean;
    /** Kinds the constraint matches. */
    readonly match: "workloads" | "podControllers";
    readonly parameters: (settings: AdmissionSettings) => Record<string, unknown>;
}

/** Every kind that carries a pod spec. */
export const WORKLOAD_KINDS = [
    { apiGroups: [""], kinds: ["Pod"] },
    { apiGroups: ["apps"], kinds: ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"] },
    { apiGroups: ["batch"], kinds: ["Job", "CronJob"] },
] as const;
/** Kinds with a replica count the platform owns. */
export const REPLICATED_KINDS = [{ apiGroups: ["apps"], kinds: ["Deployment", "StatefulSet"] }] as const;

/** The ten rules, in the order of the catalogue (POLICIES.md, kubernetes pack). */
export const GATEKEEPER_RULES: readonly GatekeeperRule[] = [
    { policy: "kubernetes-no-privileged", kind: "K8sPSPPrivilegedContainer", library: true, match: "workloads", parameters: () => ({}) },
    { policy: "kubernetes-run-as-non-root", kind: "K8sPSPAllowedUsers", library: true, match: "workloads", parameters: () => ({}) },
    {
        policy: "kubernetes-resources-required",
        kind: "K8sRequiredResources",
        library: true,
        match: "workloads",
        parameters: () => ({ kinds: ["requests", "limits"], resources: ["cpu", "memory"] }),
    },
    {
        policy: "kubernetes-no-latest-tag",
        kind: "K8sDisallowedTags",
        library: true,
        match: "workloads",
        parameters: () => ({ tags: ["latest"] }),
    },
    {
        policy: "kubernetes-trusted-registries",
        kind: "K8sAllowedRepos",
        library: true,
        match: "workloads",
        parameters: (s) => ({ registries: [...s.trustedRegistries] }),
    },
    { policy: "kubernetes-no-host-namespaces", kind: "K8sPSPHostNamespace", library: true, match: "workloads", parameters: () => ({}) },
    {
        policy: "kubernetes-required-labels",
        kind: "K8sRequiredLabels",
        library: true,
        match: "podControllers",
        parameters: () => ({ labels: ["app", "version", "environment", "team"] }),
    },
    {
        policy: "kubernetes-read-only-root-fs",
        kind: "K8sPSPReadOnlyRootFilesystem",
        library: true,
        match: "workloads",
        parameters: () => ({}),
    },
    {
        policy: "kubernetes-min-replicas-prod",
        kind: "K8sPlatformMinReplicas",
        library: false,
        match: "podControllers",
        parameters: (s) => ({ min: s.minReplicas }),
    },
    {
        policy: "kubernetes-image-pull-policy",
        kind: "K8sPlatformImagePullPolicy",
        library: false,
        match: "workloads",
        parameters: () => ({ allowed: ["Always", "IfNotPresent", "Never"] }),
    },
];

/** Namespaces Gatekeeper leaves alone: the control plane's and its own (their charts are reviewed by the kubernetes pack). */
export const EXEMPT_NAMESPACES = ["kube-system", "gatekeeper-system"] as const;

function rego(file: string): string {
    return readFileSync(path.join(REGO_DIR, file), "utf8");
}

/** A ConstraintTemplate (templates.gatekeeper.sh/v1) for one rule, with the shared library module. */
export function constraintTemplate(rule: GatekeeperRule): Record<string, unknown> {
    const name = rule.kind.toLowerCase();
    return {
        apiVersion: "templates.gatekeeper.sh/v1",
        kind: "ConstraintTemplate",
        metadata: { name, annotations: { "platform.local/crossguard-policy": rule.policy } },
        spec: {
            crd: { spec: { names: { kind: rule.kind } } },
            targets: [{ target: "admission.k8s.gatekeeper.sh", rego: rego(`templates/${name}.rego`), libs: [rego("lib/platform.rego")] }],
        },
    };
}

/** The constraint (constraints.gatekeeper.sh/v1beta1) enforcing one rule with the environment's parameters. */
export function constraint(rule: GatekeeperRule, settings: AdmissionSettings): Record<string, unknown> {
    const parameters = rule.parameters(settings);
    return {
        apiVersion: "constraints.gatekeeper.sh/v1beta1",
        kind: rule.kind,
        metadata: { name: rule.policy.replace(/^kubernetes-/, "platform-") },
        spec: {
            enforcementAction: "deny",
            match: admissionMatch(rule.match === "workloads" ? WORKLOAD_KINDS : REPLICATED_KINDS, settings),
            ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
        },
    };
}
