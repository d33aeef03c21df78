/**
 * The baseline of every namespace the platform creates: Pod Security Standards labels (enforce,
 * audit and warn at `restricted`, pinned to a Kubernetes minor so an upgrade never tightens or
 * loosens them silently), an Istio sidecar-injection label where the namespace is in the mesh, a
 * default-deny NetworkPolicy for both directions, and DNS egress to the cluster's resolver (without
 * it, default-deny egress breaks every lookup).
 */
import { Namespace } from "kubernetes-models/v1/Namespace";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";

export type PodSecurityLevel = "restricted" | "baseline" | "privileged";

export interface NamespaceValues {
    readonly name: string;
    /** Pod Security Standards level enforced (seed 003 S13). */
    readonly podSecurity: PodSecurityLevel;
    /** The Kubernetes minor the PSS profile is pinned to, e.g. `1.35`. */
    readonly podSecurityVersion: string;
    /** Inject Istio sidecars into this namespace's pods. */
    readonly meshInjection: MeshInjection;
    readonly labels: Readonly<Record<string, string>>;
}

/**
 * Istio sidecar injection for a namespace's pods: every pod (`istio-injection: enabled`), none
 * (`disabled`: no pod label can turn it on), or `per-pod`: no namespace label, so Istio injects
 * exactly the pods labelled `sidecar.istio.io/inject: "true"`.
 */
export type MeshInjection = boolean | "per-pod";

export function namespaceManifest(values: NamespaceValues): Record<string, unknown> {
    const pss = `v${values.podSecurityVersion}`;
    const namespace = new Namespace({
        metadata: {
            name: values.name,
            labels: {
                ...values.labels,
                "kubernetes.io/metadata.name": values.name,
                "pod-security.kubernetes.io/enforce": values.podSecurity,
                "pod-security.kubernetes.io/enforce-version": pss,
                // Audit and warn at restricted whatever is enforced, so every gap shows.
                "pod-security.kubernetes.io/audit": "restricted",
                "pod-security.kubernetes.io/audit-version": pss,
                "pod-security.kubernetes.io/warn": "restricted",
                "pod-security.kubernetes.io/warn-version": pss,
                ...(values.meshInjection === "per-pod" ? {} : { "istio-injection": values.meshInjection ? "enabled" : "disabled" }),
            },
        },
    });
    namespace.validate();
    return namespace.toJSON() as Record<string, unknown>;
}

/** The namespace's default-deny NetworkPolicy: every pod, no ingress, no egress, until a policy allows it. */
export function defaultDenyManifest(namespace: string, labels: Readonly<Record<string, string>>): Record<string, unknown> {
    const policy = new NetworkPolicy({
        metadata: { name: "default-deny", namespace, labels: { ...labels } },
        spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
    });
    policy.validate();
    return policy.toJSON() as Record<string, unknown>;
}

/** Egress from every pod to the cluster DNS (kube-dns in kube-system), UDP and TCP 53. */
export function allowDnsManifest(namespace: string, labels: Readonly<Record<string, string>>): Record<string, unknown> {
    const policy = new NetworkPolicy({
        metadata: { name: "allow-dns", namespace, labels: { ...labels } },
        spec: {
            podSelector: {},
            policyTypes: ["Egress"],
            egress: [
                {
                    to: [
                        {
                            namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
                            podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
                        },
                    ],
                    ports: [
                        { protocol: "UDP", port: 53 },
                        { protocol: "TCP", port: 53 },
                    ],
                },
            ],
        },
    });
    policy.validate();
    return policy.toJSON() as Record<string, unknown>;
}

/**
 * Egress from every pod to istiod (xDS and certificates on 15012), for namespaces with Istio
 * sidecars: without it, default-deny egress keeps every sidecar from starting.
 */
export function allowIstiodManifest(namespace: string, labels: Readonly<Record<string, string>>): Record<string, unknown> {
    const policy = new NetworkPolicy({
        metadata: { name: "allow-istiod", namespace, labels: { ...labels } },
        spec: {
            podSelector: {},
            policyTypes: ["Egress"],
            egress: [
                {
                    to: [
                        {
                            namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "istio-system" } },
                            podSelector: { matchLabels: { app: "istiod" } },
                        },
                    ],
                    ports: [{ protocol: "TCP", port: 15012 }],
                },
            ],
        },
    });
    policy.validate();
    return policy.toJSON() as Record<string, unknown>;
}
