/**
 * An add-on's namespace: a `system` PlatformNamespace (Pod Security labels from the cluster's
 * version, the add-on context's team and environment labels, no default-deny NetworkPolicy: the
 * controllers reach the API server, webhooks and cloud APIs on paths their charts do not declare),
 * outside the mesh unless the add-on is part of it.
 */
import type * as pulumi from "@pulumi/pulumi";
import { type MeshInjection, PlatformNamespace, type PlatformNamespaceArgs } from "@platform/workload";
import type { AddonContext } from "./placement.js";

export interface AddonNamespaceOptions {
    /** Pod Security level enforced (audit and warn stay `restricted`). @default "restricted" */
    readonly podSecurity?: PlatformNamespaceArgs["podSecurity"];
    /**
     * Istio sidecar injection: `per-pod` for a mesh client whose chart labels the pods that get
     * one (mesh-client.ts). @default false (controllers must not depend on the mesh)
     */
    readonly meshInjection?: MeshInjection;
    /** Labels over the context's. @default {} */
    readonly labels?: Readonly<Record<string, string>>;
}

export function addonNamespace(
    logicalName: string,
    context: AddonContext,
    namespace: string,
    parent: pulumi.Resource,
    options: AddonNamespaceOptions = {},
): PlatformNamespace {
    return new PlatformNamespace(
        logicalName,
        {
            naming: context.naming,
            namespace,
            kubernetesVersion: context.kubernetesVersion,
            kind: "system",
            ...(options.podSecurity !== undefined ? { podSecurity: options.podSecurity } : {}),
            meshInjection: options.meshInjection ?? false,
            labels: { ...context.labels, ...options.labels },
        },
        { parent },
    );
}
