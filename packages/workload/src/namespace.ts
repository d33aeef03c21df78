/**
 * PlatformNamespace: a namespace with the platform's baseline (`manifests/namespace.mts`): Pod
 * Security Standards labels (`restricted` unless a system add-on needs less, said here), Istio
 * injection on or off, a default-deny NetworkPolicy for ingress and egress, DNS egress, and egress
 * to istiod where sidecars are injected.
 * App teams' namespaces and the add-ons' namespaces are both made with it.
 */
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { checkOneOf, checkPattern, type ComponentNaming, type Issue, KUBERNETES_VERSIONS, PlatformComponent } from "@platform/core";
import {
    allowDnsManifest,
    allowIstiodManifest,
    defaultDenyManifest,
    type MeshInjection,
    namespaceManifest,
    type PodSecurityLevel,
} from "./manifests/namespace.mjs";

export type { MeshInjection } from "./manifests/namespace.mjs";

export const POD_SECURITY_LEVELS: readonly PodSecurityLevel[] = ["restricted", "baseline", "privileged"];

/**
 * The label saying what a namespace holds: `app` (a team's services: default deny, restricted) or
 * `system` (a platform add-on: its controllers talk to the API server, webhooks and cloud APIs
 * on paths the charts do not declare, so it gets no default deny). The kubernetes pack requires a
 * default-deny policy in every namespace not labelled `system`.
 */
export const NAMESPACE_KIND_LABEL = "platform.io/namespace-kind";
export type NamespaceKind = "app" | "system";

export interface PlatformNamespaceArgs {
    readonly naming: ComponentNaming;
    /** The namespace's name (a DNS label). */
    readonly namespace: string;
    /** The Kubernetes minor the Pod Security Standards are pinned to (the cluster's version). */
    readonly kubernetesVersion: string;
    /**
     * Pod Security Standards level enforced. `restricted` everywhere the platform can: only system
     * add-ons whose pods need host access may ask for less, and the pack's
     * kubernetes-namespace-pod-security policy flags anything below `baseline`.
     * @default "restricted"
     */
    readonly podSecurity?: PodSecurityLevel;
    /**
     * Inject Istio sidecars (mTLS, telemetry, Flagger's traffic shifting): on for app namespaces;
     * `per-pod` for an add-on whose controller pods ask for one by label while its hook Jobs
     * run without (the ingress controllers, mesh clients).
     * @default true
     */
    readonly meshInjection?: MeshInjection;
    /**
     * `app` gets the default-deny NetworkPolicy, DNS egress and (with sidecars) istiod egress;
     * `system` (an add-on's namespace) only the Pod Security labels.
     * @default "app"
     */
    readonly kind?: NamespaceKind;
    /** Labels on the namespace and its policies (team, environment). @default {} */
    readonly labels?: Readonly<Record<string, string>>;
}

/** Pass the cluster's kubernetes provider in `providers`. */
export class PlatformNamespace extends PlatformComponent {
    readonly namespaceName: string;
    readonly namespace: k8s.core.v1.Namespace;

    constructor(name: string, args: PlatformNamespaceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:workload:PlatformNamespace", name, args.naming, opts);
        const podSecurity = args.podSecurity ?? "restricted";
        this.validate(validatePlatformNamespaceArgs(args, podSecurity));
        const kind = args.kind ?? "app";
        const labels = { ...(args.labels ?? {}), "app.kubernetes.io/managed-by": "pulumi" };
        this.namespace = new k8s.core.v1.Namespace(
            this.childName("namespace"),
            namespaceManifest({
                name: args.namespace,
                podSecurity,
                podSecurityVersion: args.kubernetesVersion,
                meshInjection: args.meshInjection ?? true,
                labels: { ...labels, [NAMESPACE_KIND_LABEL]: kind },
            }),
            this.childOptions(),
        );
        this.namespaceName = args.namespace;
        if (kind === "system") {
            this.complete("namespaceName");
            return;
        }
        const after = this.childOptions({ dependsOn: [this.namespace] });
        new k8s.networking.v1.NetworkPolicy(this.childName("default-deny"), defaultDenyManifest(args.namespace, labels), after);
        new k8s.networking.v1.NetworkPolicy(this.childName("allow-dns"), allowDnsManifest(args.namespace, labels), after);
        if ((args.meshInjection ?? true) !== false) {
            new k8s.networking.v1.NetworkPolicy(this.childName("allow-istiod"), allowIstiodManifest(args.namespace, labels), after);
        }
        this.complete("namespaceName");
    }
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Every problem with PlatformNamespace's arguments. */
export function validatePlatformNamespaceArgs(args: PlatformNamespaceArgs, podSecurity: string): Issue[] {
    return [
        ...checkPattern("namespace", args.namespace, DNS_LABEL, "a DNS label of at most 63 characters, e.g. docuthinker"),
        ...checkOneOf("kubernetesVersion", args.kubernetesVersion, KUBERNETES_VERSIONS),
        ...checkOneOf("podSecurity", podSecurity, POD_SECURITY_LEVELS),
        ...checkOneOf("kind", args.kind ?? "app", ["app", "system"]),
    ];
}
