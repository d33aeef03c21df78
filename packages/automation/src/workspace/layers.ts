/**
 * The layer registry: which stack projects may live under `stacks/`, in which order they deploy,
 * and what each one needs first. It is the one answer to "in which order do the stacks run":
 * synth, preview, up and refresh walk it forwards, destroy walks it backwards, and the tests read
 * it. Directory order is not an order (`stacks/cluster` sorts before `stacks/foundation`).
 */
import { UsageError } from "./errors.js";

/** Layer names, in deployment order. A layer's stack project lives in `stacks/<name>/`. */
export const LAYER_NAMES = ["foundation", "security", "cluster", "data", "platform"] as const;
export type LayerName = (typeof LAYER_NAMES)[number];

export interface LayerDefinition {
    readonly name: LayerName;
    /**
     * Layers that must be deployed before this one: those whose stack outputs it reads (through
     * typed stack references), and those whose resources it names without reading them (see
     * {@link NAMED_DEPENDENCIES}). The engine commands start a layer only after these succeeded.
     */
    readonly dependsOn: readonly LayerName[];
    readonly description: string;
}

/** Every layer, in deployment order: each one comes after everything it depends on. */
export const LAYERS: readonly LayerDefinition[] = [
    { name: "foundation", dependsOn: [], description: "network, customer-managed KMS keys, DNS zones" },
    {
        name: "security",
        dependsOn: ["foundation"],
        description: "CI deploy identities (GitHub OIDC / Workload Identity Federation), audit trail, threat detection",
    },
    // Not security: the drift identity's cluster access is the platform layer's, so the cluster
    // (and data after it) runs beside the security layer.
    { name: "cluster", dependsOn: ["foundation"], description: "EKS / GKE clusters and node pools" },
    { name: "data", dependsOn: ["foundation", "cluster"], description: "Postgres, Redis, queues, backups" },
    {
        name: "platform",
        // data: on GKE the monitoring, Loki and Tempo volumes use the data layer's CMEK StorageClass.
        // security: named, not read (NAMED_DEPENDENCIES).
        dependsOn: ["foundation", "security", "cluster", "data"],
        description:
            "in-cluster add-ons: cert-manager, Istio, KEDA, Flagger, External Secrets, ExternalDNS, Kong, ingress-nginx, monitoring, logs and traces, Gatekeeper, Falco",
    },
];

/**
 * The dependencies of {@link LAYERS} that no stack reference shows: the layer names a resource of
 * the other one by its deterministic name, so that resource must exist first. A test holds the
 * registry to the stack references the programs make plus this list.
 */
export const NAMED_DEPENDENCIES: Readonly<Partial<Record<LayerName, Readonly<Partial<Record<LayerName, string>>>>>> = {
    platform: {
        security:
            "the EKS access entry of the nightly drift role names the security layer's <project>-<env>-ci-drift role, and EKS accepts only an existing IAM principal (on GKE the RBAC binding names its service account)",
    },
};

/** Where the registry is edited, for error messages. */
export const LAYER_REGISTRY_FILE = "packages/automation/src/workspace/layers.ts";

/**
 * Problems with a registry: unknown or later dependencies, duplicates. Empty for {@link LAYERS}
 * (a test keeps it so); exported so the rule is written once.
 */
export function registryProblems(layers: readonly LayerDefinition[]): string[] {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const layer of layers) {
        if (seen.has(layer.name)) {
            problems.push(`${layer.name}: listed twice`);
        }
        for (const dependency of layer.dependsOn) {
            if (!layers.some((l) => l.name === dependency)) {
                problems.push(`${layer.name}: depends on ${dependency}, which is not a layer`);
            } else if (!seen.has(dependency)) {
                problems.push(`${layer.name}: depends on ${dependency}, which comes later; list ${dependency} first`);
            }
        }
        seen.add(layer.name);
    }
    return problems;
}

/** The registered layer for a `stacks/<directory>` name; a clear error for anything else. */
export function layerOf(directory: string): LayerDefinition {
    const layer = LAYERS.find((l) => l.name === directory);
    if (!layer) {
        throw new UsageError(
            `stacks/${directory}: "${directory}" is not a layer in the layer registry (${LAYER_NAMES.join(", ")}). ` +
                `Fix: add it to LAYERS in ${LAYER_REGISTRY_FILE} with the layers it depends on, or move the project out of stacks/`,
        );
    }
    return layer;
}

/** The layers a layer declares it depends on. */
export function dependenciesOf(name: LayerName): readonly LayerName[] {
    return LAYERS.find((l) => l.name === name)?.dependsOn ?? [];
}

/** The layers whose stack outputs a layer reads: its dependencies without the named ones ({@link NAMED_DEPENDENCIES}). */
export function outputsReadBy(name: LayerName): LayerName[] {
    const named = NAMED_DEPENDENCIES[name] ?? {};
    return dependenciesOf(name).filter((dependency) => !Object.hasOwn(named, dependency));
}

/** Position of a layer in deployment order. */
export function layerIndex(name: LayerName): number {
    return LAYER_NAMES.indexOf(name);
}

/** Items sorted into deployment order by their layer (stable for equal layers). */
export function inDeploymentOrder<T extends { readonly layer: LayerName }>(items: readonly T[]): T[] {
    return [...items].sort((a, b) => layerIndex(a.layer) - layerIndex(b.layer));
}

/** Items sorted into destroy order: the reverse of deployment order, dependents first. */
export function inDestroyOrder<T extends { readonly layer: LayerName }>(items: readonly T[]): T[] {
    return inDeploymentOrder(items).reverse();
}
