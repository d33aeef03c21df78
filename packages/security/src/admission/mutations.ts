/**
 * Gatekeeper mutations (seed 001 S1: "8 Auto-Mutations" that add labels, resource limits and
 * security contexts). Each fills a field only where the manifest leaves it unset (`MustNotExist`
 * path tests): an explicit value is never overwritten, so a manifest that sets a bad value on
 * purpose still meets the validating constraint of the same rule and is denied by name, instead
 * of being silently changed. What they fill is what the golden-path Workload already sets, so a
 * workload deployed outside Pulumi starts from the same secure defaults.
 */
import { type AdmissionSettings, admissionMatch, WORKLOAD_KINDS } from "./gatekeeper.js";

/** Where pod specs live in each kind's object, for Assign `location`s. */
const POD_KINDS = [{ groups: [""], kinds: ["Pod"], versions: ["v1"] }] as const;

export interface MutationSettings extends AdmissionSettings {
    /** The environment label every workload in the cluster gets (`environment`, a required label). */
    readonly environment: string;
    /** Default container CPU limit where none is set. @default "500m" */
    readonly defaultCpuLimit?: string;
    /** Default container memory limit where none is set. @default "512Mi" */
    readonly defaultMemoryLimit?: string;
}

export interface GatekeeperMutation {
    /** The mutation object's name. */
    readonly name: string;
    readonly kind: "Assign" | "AssignMetadata";
    /** Why: the validating rule it fills in for. */
    readonly fills: string;
    readonly build: (settings: MutationSettings) => Record<string, unknown>;
}

function assign(name: string, location: string, value: unknown, settings: MutationSettings): Record<string, unknown> {
    // The path test makes the mutation skip a field the manifest sets.
    return {
        apiVersion: "mutations.gatekeeper.sh/v1",
        kind: "Assign",
        metadata: { name },
        spec: {
            applyTo: POD_KINDS,
            match: admissionMatch([{ apiGroups: [""], kinds: ["Pod"] }], settings),
            location,
            parameters: {
                pathTests: [{ subPath: location, condition: "MustNotExist" }],
                assign: { value },
            },
        },
    };
}

const CONTAINERS = "spec.containers[name:*]";

/** The eight mutations, in a fixed order. */
export const GATEKEEPER_MUTATIONS: readonly GatekeeperMutation[] = [
    {
        name: "platform-environment-label",
        kind: "AssignMetadata",
        fills: "kubernetes-required-labels (environment)",
        build: (s) => ({
            apiVersion: "mutations.gatekeeper.sh/v1",
            kind: "AssignMetadata",
            metadata: { name: "platform-environment-label" },
            spec: {
                match: admissionMatch(WORKLOAD_KINDS, s),
                // AssignMetadata only ever adds a label that is missing.
                location: "metadata.labels.environment",
                parameters: { assign: { value: s.environment } },
            },
        }),
    },
    {
        name: "platform-run-as-non-root",
        kind: "Assign",
        fills: "kubernetes-run-as-non-root",
        build: (s) => assign("platform-run-as-non-root", "spec.securityContext.runAsNonRoot", true, s),
    },
    {
        name: "platform-seccomp-runtime-default",
        kind: "Assign",
        fills: "kubernetes-seccomp-runtime-default",
        build: (s) => assign("platform-seccomp-runtime-default", "spec.securityContext.seccompProfile.type", "RuntimeDefault", s),
    },
    {
        name: "platform-no-privilege-escalation",
        kind: "Assign",
        fills: "kubernetes-no-privilege-escalation",
        build: (s) => assign("platform-no-privilege-escalation", `${CONTAINERS}.securityContext.allowPrivilegeEscalation`, false, s),
    },
    {
        name: "platform-read-only-root-fs",
        kind: "Assign",
        fills: "kubernetes-read-only-root-fs",
        build: (s) => assign("platform-read-only-root-fs", `${CONTAINERS}.securityContext.readOnlyRootFilesystem`, true, s),
    },
    {
        name: "platform-drop-all-capabilities",
        kind: "Assign",
        fills: "kubernetes-drop-all-capabilities",
        build: (s) => assign("platform-drop-all-capabilities", `${CONTAINERS}.securityContext.capabilities.drop`, ["ALL"], s),
    },
    {
        name: "platform-default-cpu-limit",
        kind: "Assign",
        fills: "kubernetes-resources-required (cpu limit)",
        build: (s) => assign("platform-default-cpu-limit", `${CONTAINERS}.resources.limits.cpu`, s.defaultCpuLimit ?? "500m", s),
    },
    {
        name: "platform-default-memory-limit",
        kind: "Assign",
        fills: "kubernetes-resources-required (memory limit)",
        build: (s) => assign("platform-default-memory-limit", `${CONTAINERS}.resources.limits.memory`, s.defaultMemoryLimit ?? "512Mi", s),
    },
];

/** Every mutation object for an environment. */
export function mutations(settings: MutationSettings): Record<string, unknown>[] {
    return GATEKEEPER_MUTATIONS.map((m) => m.build(settings));
}
