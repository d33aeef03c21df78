/**
 * The simulated `kubernetes` provider: what `pulumi-resource-kubernetes` answers, as pure functions
 * of the provider's configuration and the request. A model of the semantics of the real provider
 * (pulumi-kubernetes v4) that programs rely on, against a cluster that does not exist:
 *
 * - Check autonames `metadata.name` (`<logical name>-<8 hex>`, stable: derived from the URN where the
 *   real provider draws a random suffix), marks it with the `pulumi.com/autonamed` annotation as the
 *   real provider does, and defaults `metadata.namespace` of namespaced kinds to the provider's
 *   namespace (then the kubeconfig context's, then `default`).
 * - The id is `<namespace>/<name>` for namespaced kinds and `<name>` for cluster-scoped ones.
 * - Outputs are the inputs plus what the API server and the controllers would add: `metadata.uid`,
 *   `metadata.resourceVersion`, `metadata.creationTimestamp` (always
 *   {@link SIMULATED_CREATION_TIMESTAMP}), `metadata.generation` of workloads, a converged `status`
 *   (ready replicas = desired replicas), Service cluster IPs, node ports and load balancer
 *   hostnames (`*.simulated.invalid`), PVC volume names.
 * - Diff replaces on a change of `apiVersion`, `kind`, `metadata.name`, `metadata.namespace` and of
 *   the fields {@link IMMUTABLE_FIELDS} lists, and updates everything else in place.
 *
 * Rehearsal only: nothing is created in any Kubernetes cluster, and nothing is contacted (the
 * kubeconfig is only read for its context's namespace and active cluster).
 */
import { existsSync, readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { stableHex } from "./hash.js";
import { HELM_RELEASE_TYPE, helmReleaseCheck, helmReleaseDiff, helmReleaseLive, helmReleaseRevision } from "./helm-release.js";
import type { CheckFailure, DiffResult, PropertyDiffKind } from "./provider-protocol.js";

export type { CheckFailure, DiffResult, PropertyDiffKind } from "./provider-protocol.js";
import {
    containsUnknowns,
    deepEqual,
    isObject,
    isUnset,
    plain,
    plainObject,
    SIG_KEY,
    UNKNOWN,
    type WireObject,
    type WireValue,
} from "./wire-values.js";

export const KUBERNETES_ERROR_PREFIX = "simulated cloud (pulumi-resource-kubernetes)";

/** `metadata.creationTimestamp` of every simulated object (and the time in its status conditions). */
export const SIMULATED_CREATION_TIMESTAMP = "2025-01-01T00:00:00Z";

/** Nodes of the simulated cluster: what a DaemonSet schedules on. */
export const SIMULATED_NODE_COUNT = 3;

/** The annotation the real provider sets on objects whose name it generated. */
export const AUTONAMED_ANNOTATION = "pulumi.com/autonamed";

/**
 * Built-in kinds that are cluster-scoped (no namespace). Any other kind is namespaced, except custom
 * kinds named `Cluster...` (ClusterIssuer, ClusterSecretStore, ClusterPolicy...), which by
 * convention are cluster-scoped: the simulation has no API discovery to ask.
 */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
    "APIService",
    "AuditSink",
    "CertificateSigningRequest",
    "ClusterRole",
    "ClusterRoleBinding",
    "ClusterTrustBundle",
    "ComponentStatus",
    "CSIDriver",
    "CSINode",
    "CustomResourceDefinition",
    "DeviceClass",
    "FlowSchema",
    "IngressClass",
    "IPAddress",
    "MutatingAdmissionPolicy",
    "MutatingAdmissionPolicyBinding",
    "MutatingWebhookConfiguration",
    "Namespace",
    "Node",
    "PersistentVolume",
    "PodSecurityPolicy",
    "PriorityClass",
    "PriorityLevelConfiguration",
    "ResourceSlice",
    "RuntimeClass",
    "SelfSubjectAccessReview",
    "SelfSubjectReview",
    "SelfSubjectRulesReview",
    "ServiceCIDR",
    "StorageClass",
    "StorageVersion",
    "StorageVersionMigration",
    "SubjectAccessReview",
    "TokenReview",
    "ValidatingAdmissionPolicy",
    "ValidatingAdmissionPolicyBinding",
    "ValidatingWebhookConfiguration",
    "VolumeAttachment",
    "VolumeAttributesClass",
]);

/**
 * Custom kinds the platform creates that are cluster-scoped without a `Cluster` prefix (their CRDs
 * say `scope: Cluster`): Karpenter's NodePool, NodeClaim, NodeOverlay and EC2NodeClass.
 */
export const CLUSTER_SCOPED_CUSTOM_KINDS: ReadonlySet<string> = new Set(["NodePool", "NodeClaim", "NodeOverlay", "EC2NodeClass"]);

export function isClusterScoped(kind: string): boolean {
    return CLUSTER_SCOPED_KINDS.has(kind) || CLUSTER_SCOPED_CUSTOM_KINDS.has(kind) || /^Cluster[A-Z]/.test(kind);
}

/**
 * Fields (dotted paths) whose change replaces an object of the kind, because the API server
 * rejects the change (the field is immutable) or, for ConfigMap and Secret data, because the real
 * provider replaces them unless `enableConfigMapMutable` / `enableSecretMutable` is set. Besides
 * these, `apiVersion`, `kind`, `metadata.name` and (namespaced kinds) `metadata.namespace` replace
 * every kind. A model, not a promise: check the Kubernetes API reference when a replacement matters.
 */
export const IMMUTABLE_FIELDS: Readonly<Record<string, readonly string[]>> = {
    Deployment: ["spec.selector"],
    ReplicaSet: ["spec.selector"],
    DaemonSet: ["spec.selector"],
    StatefulSet: [
        "spec.selector",
        "spec.serviceName",
        "spec.volumeClaimTemplates",
        "spec.podManagementPolicy",
        "spec.revisionHistoryLimit",
    ],
    Job: ["spec.selector", "spec.template", "spec.completions", "spec.completionMode"],
    Service: ["spec.clusterIP"],
    PersistentVolumeClaim: [
        "spec.accessModes",
        "spec.selector",
        "spec.storageClassName",
        "spec.volumeMode",
        "spec.volumeName",
        "spec.dataSource",
        "spec.dataSourceRef",
    ],
    // A Pod's spec is immutable but for container images, activeDeadlineSeconds and tolerations.
    Pod: ["spec"],
    ConfigMap: ["immutable", "data", "binaryData"],
    Secret: ["immutable", "type", "data", "stringData"],
    RoleBinding: ["roleRef"],
    ClusterRoleBinding: ["roleRef"],
    StorageClass: ["provisioner", "parameters", "reclaimPolicy", "volumeBindingMode"],
    PriorityClass: ["value"],
    CustomResourceDefinition: ["spec.scope"],
};

/** Paths under a Pod's immutable spec that can be changed in place. */
const POD_MUTABLE = [/^spec\.(initContainers|containers)\[\d+\]\.image$/, /^spec\.activeDeadlineSeconds$/, /^spec\.tolerations(\[|$)/];

/** Workload kinds whose `metadata.generation` counts spec changes. */
const GENERATION_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob"]);

/** Kinds whose status the model computes (unknown in a create preview). */
const STATUS_KINDS = new Set([
    "Deployment",
    "StatefulSet",
    "DaemonSet",
    "ReplicaSet",
    "Job",
    "Service",
    "Namespace",
    "PersistentVolumeClaim",
    "PersistentVolume",
    "Pod",
    "Ingress",
    "CustomResourceDefinition",
]);

/**
 * Provider types that are not Kubernetes objects and that the simulation cannot model (none
 * today: `helm.sh/v3:Release` is modelled as the release Helm records, without its chart; see
 * `helm-release.ts`).
 */
const NOT_SIMULATED: Readonly<Record<string, string>> = {};

// ---------------------------------------------------------------------------------------------
// Configuration

/** What the simulated kubernetes provider keeps from its configuration. */
export interface KubernetesSettings {
    /** The default namespace: the provider's `namespace`, else the kubeconfig context's. */
    readonly namespace?: string;
    /** `enableConfigMapMutable`: ConfigMap data changes update in place. */
    readonly enableConfigMapMutable: boolean;
    /** `enableSecretMutable`: Secret data changes update in place. */
    readonly enableSecretMutable: boolean;
    /** `renderYamlToDirectory`, recorded only: the simulation writes no manifests. */
    readonly renderYamlToDirectory?: string;
}

export const DEFAULT_KUBERNETES_SETTINGS: KubernetesSettings = { enableConfigMapMutable: false, enableSecretMutable: false };

function text(value: WireValue | undefined): string | undefined {
    return typeof value === "string" && value !== "" ? value : undefined;
}

/** A provider boolean: the SDKs send them JSON-encoded (`"true"`). */
function flag(value: WireValue | undefined): boolean {
    return value === true || value === "true";
}

/**
 * The kubeconfig as an object: the provider's `kubeconfig` is either the file's contents (YAML or
 * JSON) or a path to it. Nothing is contacted; an unreadable or invalid kubeconfig is no error
 * (the simulated cloud needs no credentials), it just has no namespace or cluster to offer.
 */
export function parseKubeconfig(kubeconfig: string | undefined): WireObject | undefined {
    if (kubeconfig === undefined || kubeconfig.trim() === "") {
        return undefined;
    }
    let content = kubeconfig;
    if (!kubeconfig.includes("\n") && !kubeconfig.trim().startsWith("{")) {
        try {
            if (!existsSync(kubeconfig)) {
                return undefined;
            }
            content = readFileSync(kubeconfig, "utf8");
        } catch {
            return undefined;
        }
    }
    try {
        const [doc] = parseAllDocuments(content);
        const value = doc !== undefined && doc.errors.length === 0 ? (doc.toJS() as WireValue) : undefined;
        return isObject(value) ? value : undefined;
    } catch {
        return undefined;
    }
}

function namedEntry(list: WireValue | undefined, name: string | undefined, field: string): WireObject | undefined {
    if (!Array.isArray(list) || name === undefined) {
        return undefined;
    }
    const entry = list.find((item) => isObject(item) && item["name"] === name);
    const value = isObject(entry) ? entry[field] : undefined;
    return isObject(value) ? value : undefined;
}

/** The context the provider uses: the `context` setting, else the kubeconfig's `current-context`. */
function activeContext(settings: WireObject): { config?: WireObject; context?: WireObject } {
    const config = parseKubeconfig(text(settings["kubeconfig"]));
    if (config === undefined) {
        return {};
    }
    const context = namedEntry(config["contexts"], text(settings["context"]) ?? text(config["current-context"]), "context");
    return { config, ...(context !== undefined ? { context } : {}) };
}

/** The cluster entry the provider would talk to (the `cluster` setting overrides the context's). */
export function activeCluster(settings: WireObject): WireObject | undefined {
    const { config, context } = activeContext(settings);
    return namedEntry(config?.["clusters"], text(settings["cluster"]) ?? text(context?.["cluster"]), "cluster");
}

/** The settings from the provider's (plain) configuration. */
export function parseKubernetesSettings(settings: WireObject): KubernetesSettings {
    const namespace = text(settings["namespace"]) ?? text(activeContext(settings).context?.["namespace"]);
    const renderYamlToDirectory = text(settings["renderYamlToDirectory"]);
    return {
        ...(namespace !== undefined ? { namespace } : {}),
        enableConfigMapMutable: flag(settings["enableConfigMapMutable"]),
        enableSecretMutable: flag(settings["enableSecretMutable"]),
        ...(renderYamlToDirectory !== undefined ? { renderYamlToDirectory } : {}),
    };
}

// ---------------------------------------------------------------------------------------------
// Types, names and paths

/** What a type token says: `kubernetes:<group>/<version>:<Kind>`, the core group spelled `core`. */
export interface KubernetesType {
    readonly token: string;
    readonly apiVersion: string;
    readonly kind: string;
    /** `...Patch` types patch an object that must already exist; they are never autonamed. */
    readonly patch: boolean;
}

export function parseKubernetesType(token: string): KubernetesType {
    const match = /^kubernetes:([^:]+):([^:]+)$/.exec(token);
    if (!match) {
        throw new Error(`${KUBERNETES_ERROR_PREFIX}: ${token} is not a kubernetes:<group>/<version>:<Kind> type`);
    }
    const [, module = "", typeKind = ""] = match;
    const slash = module.lastIndexOf("/");
    const group = slash < 0 ? "" : module.slice(0, slash);
    const version = slash < 0 ? module : module.slice(slash + 1);
    const patch = typeKind.endsWith("Patch") && typeKind !== "Patch";
    return {
        token,
        apiVersion: group === "core" || group === "" ? version : `${group}/${version}`,
        kind: patch ? typeKind.slice(0, -"Patch".length) : typeKind,
        patch,
    };
}

/** `<logical name>-<8 hex>`: the real provider's autoname shape, with a suffix stable per URN. */
export function autoname(urn: string, logicalName: string): string {
    return `${logicalName}-${stableHex(8, "kubernetes-autoname", urn)}`;
}

type Segment = string | number;

/** A property path as the engine prints it: `spec.selector.matchLabels`, `ports[0]`, `annotations["a.b/c"]`. */
export function formatPath(path: readonly Segment[]): string {
    let out = "";
    for (const segment of path) {
        if (typeof segment === "number") {
            out += `[${segment}]`;
        } else if (/[.[\]"]/.test(segment) || segment === "") {
            out += `[${JSON.stringify(segment)}]`;
        } else {
            out += out === "" ? segment : `.${segment}`;
        }
    }
    return out;
}

function child(value: WireValue | undefined, segment: Segment): WireValue | undefined {
    if (typeof segment === "number") {
        return Array.isArray(value) ? value[segment] : undefined;
    }
    return isObject(value) ? value[segment] : undefined;
}

function valueAt(value: WireValue | undefined, path: readonly Segment[]): WireValue | undefined {
    return path.reduce<WireValue | undefined>((v, segment) => child(v, segment), value);
}

/** A plain JSON object that is not one of the engine's special values (secret, reference...). */
function isPlainObject(value: WireValue | undefined): value is WireObject {
    return isObject(value) && !(SIG_KEY in value);
}

/** JSON with sorted keys: a stable hash input. */
function canonical(value: WireValue | undefined): string {
    if (Array.isArray(value)) {
        return `[${value.map(canonical).join(",")}]`;
    }
    if (isObject(value)) {
        return `{${Object.keys(value)
            .sort()
            .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
            .join(",")}}`;
    }
    return JSON.stringify(value ?? null);
}

function str(value: WireValue | undefined): string {
    return typeof value === "string" ? value : canonical(value);
}

// ---------------------------------------------------------------------------------------------
// Check

function resourceType(urn: string): { type: KubernetesType; name: string } {
    const parts = urn.split("::");
    if (parts.length < 4 || !parts[0]?.startsWith("urn:pulumi:")) {
        throw new Error(`not a resource URN: ${urn}`);
    }
    const qualified = parts[2] ?? "";
    const token = qualified.split("$").pop() ?? qualified;
    if (!token.startsWith("kubernetes:")) {
        throw new Error(`${KUBERNETES_ERROR_PREFIX}: cannot manage ${token} (${urn}); it belongs to another provider`);
    }
    const why = NOT_SIMULATED[token];
    if (why !== undefined) {
        throw new Error(`${KUBERNETES_ERROR_PREFIX}: ${token} cannot be simulated: ${why}`);
    }
    return { type: parseKubernetesType(token), name: parts.slice(3).join("::") };
}

/** Kind and apiVersion of an object: its inputs, else its type token. */
function kindOf(type: KubernetesType, inputs: WireObject): { kind: string; apiVersion: string } {
    return { kind: text(plain(inputs["kind"])) ?? type.kind, apiVersion: text(plain(inputs["apiVersion"])) ?? type.apiVersion };
}

/**
 * The checked inputs: apiVersion and kind from the type when missing, the autoname (or the one the
 * previous inputs carried, as the real provider adopts it), and the default namespace. Wire forms
 * (secrets, unknowns) of everything else are kept.
 */
function withDefaults(settings: KubernetesSettings, urn: string, news: WireObject, olds?: WireObject): WireObject {
    const { type, name: logicalName } = resourceType(urn);
    const out: WireObject = { ...news };
    if (isUnset(out["apiVersion"])) {
        out["apiVersion"] = type.apiVersion;
    }
    if (isUnset(out["kind"])) {
        out["kind"] = type.kind;
    }
    if (!isUnset(out["metadata"]) && !isPlainObject(out["metadata"])) {
        return out; // unknown (or secret) metadata: nothing to default inside it
    }
    const metadata: WireObject = { ...(out["metadata"] ?? {}) };
    if (isUnset(metadata["name"]) && !type.patch) {
        const oldMetadata = olds?.["metadata"];
        const oldName = isPlainObject(oldMetadata) ? oldMetadata["name"] : undefined;
        const oldAnnotations = isPlainObject(oldMetadata) ? oldMetadata["annotations"] : undefined;
        const adopted =
            typeof oldName === "string" && isPlainObject(oldAnnotations) && oldAnnotations[AUTONAMED_ANNOTATION] === "true"
                ? oldName
                : undefined;
        metadata["name"] = adopted ?? autoname(urn, logicalName);
        if (isUnset(metadata["annotations"]) || isPlainObject(metadata["annotations"])) {
            metadata["annotations"] = { ...(metadata["annotations"] ?? {}), [AUTONAMED_ANNOTATION]: "true" };
        }
    }
    const { kind } = kindOf(type, out);
    if (isUnset(metadata["namespace"]) && !isClusterScoped(kind)) {
        metadata["namespace"] = settings.namespace ?? "default";
    }
    out["metadata"] = metadata;
    return out;
}

/** Check: the inputs with the real provider's defaults (name, namespace); a Patch without a name fails. */
export function kubernetesCheck(
    settings: KubernetesSettings,
    request: { urn: string; olds: WireObject; news: WireObject },
): { inputs: WireObject; failures: CheckFailure[] } {
    const { type, name } = resourceType(request.urn);
    if (type.token === HELM_RELEASE_TYPE) {
        return { inputs: helmReleaseCheck(settings.namespace, { ...request, logicalName: name }), failures: [] };
    }
    const inputs = withDefaults(settings, request.urn, request.news, request.olds);
    const failures: CheckFailure[] = [];
    if (type.patch && isUnset(valueAt(inputs, ["metadata", "name"]))) {
        failures.push({ property: "metadata.name", reason: `${type.token} patches an existing object: metadata.name is required` });
    }
    return { inputs, failures };
}

// ---------------------------------------------------------------------------------------------
// The live object

/** What an object keeps across updates (from its state). */
interface Prior {
    readonly uid?: WireValue;
    readonly creationTimestamp?: WireValue;
    readonly resourceVersion?: WireValue;
    readonly generation?: WireValue;
    readonly spec?: WireValue;
}

function priorOf(olds: WireObject): Prior {
    const metadata = plain(olds["metadata"]);
    const get = (key: string): WireValue | undefined => (isObject(metadata) ? metadata[key] : undefined);
    return {
        uid: get("uid"),
        creationTimestamp: get("creationTimestamp"),
        resourceVersion: get("resourceVersion"),
        generation: get("generation"),
        spec: plain(olds["spec"]),
    };
}

/** The object's id: `<namespace>/<name>`, or `<name>` for a cluster-scoped kind. */
export function kubernetesObjectId(kind: string, metadata: WireValue | undefined): string {
    const name = str(child(metadata, "name"));
    return isClusterScoped(kind) ? name : `${str(child(metadata, "namespace") ?? "default")}/${name}`;
}

function uuid(hex: string): string {
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A Service cluster IP in 10.96.0.0/12 (the kubeadm default), stable per object. */
export function simulatedClusterIp(seed: string): string {
    const n = 16 + (parseInt(stableHex(5, "cluster-ip", seed), 16) % (0x100000 - 17));
    return `10.${96 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
}

function nodePort(seed: string, index: number): number {
    return 30000 + (parseInt(stableHex(4, "node-port", seed, String(index)), 16) % 2768);
}

/** `{ key: value }` without the zero counts the API server omits. */
function counts(entries: Record<string, WireValue | undefined>): WireObject {
    const out: WireObject = {};
    for (const [key, value] of Object.entries(entries)) {
        if (value !== undefined && value !== 0) {
            out[key] = value;
        }
    }
    return out;
}

function condition(type: string, reason: string, message: string): WireObject {
    return {
        type,
        status: "True",
        lastTransitionTime: SIMULATED_CREATION_TIMESTAMP,
        lastUpdateTime: SIMULATED_CREATION_TIMESTAMP,
        reason,
        message,
    };
}

interface LiveContext {
    readonly urn: string;
    readonly type: KubernetesType;
    readonly settings: KubernetesSettings;
    /** A create preview: nothing the API server assigns is known yet, the status is unknown. */
    readonly preview: boolean;
    readonly prior?: Prior;
}

/** The object the API server would hold after the write, from plain inputs. */
function liveObject(ctx: LiveContext, inputs: WireObject): { id: string; state: WireObject } {
    const state = structuredClone(inputs);
    const { kind, apiVersion } = kindOf(ctx.type, inputs);
    if (!isUnset(state["metadata"]) && !isObject(state["metadata"])) {
        // Metadata unknown as a whole (a preview): so are the id and everything the server computes.
        const unknown = str(state["metadata"]);
        return { id: unknown, state: STATUS_KINDS.has(kind) ? { ...state, status: unknown } : state };
    }
    const metadata: WireObject = state["metadata"] ?? {};
    state["metadata"] = metadata;
    if (isClusterScoped(kind)) {
        delete metadata["namespace"];
    }
    const name = str(metadata["name"]);
    const namespace = str(metadata["namespace"] ?? "");
    const id = kubernetesObjectId(kind, metadata);
    const immutable = immutablePaths(kind, ctx.settings, inputs).map((path) => canonical(valueAt(inputs, path)));
    const uid =
        typeof ctx.prior?.uid === "string" ? ctx.prior.uid : uuid(stableHex(32, "uid", ctx.urn, apiVersion, kind, id, ...immutable));
    const spec = isObject(state["spec"]) ? state["spec"] : undefined;
    const generationKind = GENERATION_KINDS.has(kind);
    const generation =
        ctx.prior === undefined
            ? 1
            : typeof ctx.prior.generation === "number"
              ? ctx.prior.generation + (deepEqual(ctx.prior.spec, inputs["spec"]) ? 0 : 1)
              : 1;
    if (!ctx.preview) {
        metadata["uid"] = uid;
        metadata["resourceVersion"] = String(ctx.prior === undefined ? 1 : (Number(ctx.prior.resourceVersion) || 0) + 1);
        metadata["creationTimestamp"] =
            typeof ctx.prior?.creationTimestamp === "string" ? ctx.prior.creationTimestamp : SIMULATED_CREATION_TIMESTAMP;
        if (generationKind) {
            metadata["generation"] = generation;
        }
    }
    const observed: WireObject = generationKind ? { observedGeneration: generation } : {};
    let status: WireValue | undefined;
    switch (kind) {
        case "Namespace":
            // The API server labels every namespace with its name (Kubernetes >= 1.21).
            if (isUnset(metadata["labels"]) || isObject(metadata["labels"])) {
                metadata["labels"] = {
                    ...(metadata["labels"] ?? {}),
                    "kubernetes.io/metadata.name": metadata["name"] ?? null,
                };
            }
            status = { phase: "Active" };
            break;
        case "Deployment":
        case "ReplicaSet":
        case "StatefulSet": {
            const replicas = isUnset(spec?.["replicas"]) ? 1 : spec?.["replicas"];
            const templateHash = stableHex(10, canonical(spec?.["template"]));
            if (kind === "Deployment") {
                status = {
                    ...observed,
                    ...counts({ replicas, updatedReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas }),
                    conditions: [
                        condition("Available", "MinimumReplicasAvailable", "Deployment has minimum availability."),
                        condition(
                            "Progressing",
                            "NewReplicaSetAvailable",
                            `ReplicaSet "${name}-${templateHash}" has successfully progressed.`,
                        ),
                    ],
                };
            } else if (kind === "ReplicaSet") {
                status = {
                    ...observed,
                    ...counts({ replicas, fullyLabeledReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas }),
                };
            } else {
                const revision = `${name}-${templateHash}`;
                status = {
                    ...observed,
                    ...counts({
                        replicas,
                        readyReplicas: replicas,
                        currentReplicas: replicas,
                        updatedReplicas: replicas,
                        availableReplicas: replicas,
                    }),
                    currentRevision: revision,
                    updateRevision: revision,
                    collisionCount: 0,
                };
            }
            break;
        }
        case "DaemonSet":
            status = {
                ...observed,
                currentNumberScheduled: SIMULATED_NODE_COUNT,
                desiredNumberScheduled: SIMULATED_NODE_COUNT,
                numberAvailable: SIMULATED_NODE_COUNT,
                numberMisscheduled: 0,
                numberReady: SIMULATED_NODE_COUNT,
                updatedNumberScheduled: SIMULATED_NODE_COUNT,
            };
            break;
        case "Job":
            status = {
                startTime: SIMULATED_CREATION_TIMESTAMP,
                completionTime: SIMULATED_CREATION_TIMESTAMP,
                succeeded: isUnset(spec?.["completions"]) ? 1 : (spec?.["completions"] ?? 1),
                ready: 0,
                terminating: 0,
                conditions: [condition("Complete", "CompletionsReached", "Reached expected number of succeeded pods")],
            };
            break;
        case "Service":
            status = service(ctx, state, uid, name, namespace);
            break;
        case "PersistentVolumeClaim": {
            if (spec !== undefined && isUnset(spec["volumeName"]) && !ctx.preview) {
                spec["volumeName"] = `pvc-${uid}`;
            }
            const requests = child(child(spec, "resources"), "requests");
            status = {
                phase: "Bound",
                ...(spec?.["accessModes"] !== undefined ? { accessModes: spec["accessModes"] } : {}),
                capacity: { storage: child(requests, "storage") ?? null },
            };
            break;
        }
        case "PersistentVolume":
            status = { phase: isUnset(spec?.["claimRef"]) ? "Available" : "Bound" };
            break;
        case "Pod": {
            const n = parseInt(stableHex(4, "pod-ip", uid), 16);
            const ip = `10.244.${(n >> 8) & 255}.${n & 255 || 1}`;
            status = {
                phase: "Running",
                podIP: ip,
                podIPs: [{ ip }],
                startTime: SIMULATED_CREATION_TIMESTAMP,
                conditions: [condition("Ready", "PodReady", "")],
            };
            break;
        }
        case "Ingress":
            status = {
                loadBalancer: { ingress: [{ hostname: `${name}-${stableHex(8, "ingress", uid)}.${namespace}.ingress.simulated.invalid` }] },
            };
            break;
        case "CustomResourceDefinition": {
            const versions = spec?.["versions"];
            const stored = Array.isArray(versions)
                ? versions.filter((v) => isObject(v) && v["storage"] === true).map((v) => child(v, "name") ?? null)
                : [];
            status = {
                acceptedNames: spec?.["names"] ?? {},
                storedVersions: stored,
                conditions: [
                    condition("NamesAccepted", "NoConflicts", "no conflicts found"),
                    condition("Established", "InitialNamesAccepted", "the initial names have been accepted"),
                ],
            };
            break;
        }
        default:
            break;
    }
    if (STATUS_KINDS.has(kind)) {
        state["status"] = ctx.preview ? UNKNOWN : (status ?? {});
    }
    return { id, state };
}

/** A Service's defaults and allocations (cluster IP, node ports) in `spec`, and its status. */
function service(ctx: LiveContext, state: WireObject, uid: string, name: string, namespace: string): WireValue {
    if (!isUnset(state["spec"]) && !isObject(state["spec"])) {
        return {};
    }
    const spec: WireObject = state["spec"] ?? {};
    state["spec"] = spec;
    const type = spec["type"] ?? "ClusterIP";
    spec["type"] = type;
    if (type !== "ExternalName") {
        if (isUnset(spec["clusterIP"]) && !ctx.preview) {
            const previous = child(ctx.prior?.spec, "clusterIP");
            spec["clusterIP"] = typeof previous === "string" ? previous : simulatedClusterIp(uid);
        }
        if (isUnset(spec["clusterIPs"]) && !isUnset(spec["clusterIP"])) {
            spec["clusterIPs"] = [spec["clusterIP"] ?? null];
        }
        spec["ipFamilies"] ??= ["IPv4"];
        spec["ipFamilyPolicy"] ??= "SingleStack";
        spec["internalTrafficPolicy"] ??= "Cluster";
    }
    spec["sessionAffinity"] ??= "None";
    const exposed = type === "NodePort" || type === "LoadBalancer";
    if (exposed) {
        spec["externalTrafficPolicy"] ??= "Cluster";
    }
    if (type === "LoadBalancer") {
        spec["allocateLoadBalancerNodePorts"] ??= true;
    }
    if (Array.isArray(spec["ports"])) {
        spec["ports"] = spec["ports"].map((port, index) => {
            if (!isObject(port)) {
                return port;
            }
            const out: WireObject = {
                ...port,
                protocol: port["protocol"] ?? "TCP",
                targetPort: port["targetPort"] ?? port["port"] ?? null,
            };
            if (exposed && isUnset(port["nodePort"]) && !ctx.preview) {
                out["nodePort"] = nodePort(uid, index);
            }
            return out;
        });
    }
    return {
        loadBalancer:
            type === "LoadBalancer"
                ? { ingress: [{ hostname: `${name}-${stableHex(8, "load-balancer", uid)}.${namespace}.lb.simulated.invalid` }] }
                : {},
    };
}

// Stand-ins for unknown inputs: the model runs once with each, and whatever differs between the two
// runs depends on an unknown and is reported unknown.
const UNKNOWN_A = "\u0000simulated-unknown-a";
const UNKNOWN_B = "\u0000simulated-unknown-b";

/**
 * Merges the two runs with the wire inputs: where the output equals the input, the input's wire
 * form (secrets, references, unknowns) is kept; objects and same-length arrays are merged member by
 * member; any other value is the runs' value where they agree, and unknown where they differ.
 */
function mergeRuns(input: WireValue | undefined, a: WireValue | undefined, b: WireValue | undefined): WireValue | undefined {
    if (input !== undefined && deepEqual(a, plain(input, UNKNOWN_A)) && deepEqual(b, plain(input, UNKNOWN_B))) {
        return input;
    }
    if (isObject(a) && isObject(b)) {
        const wire = isPlainObject(input) ? input : undefined;
        const out: WireObject = {};
        for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
            const merged = mergeRuns(wire?.[key], a[key], b[key]);
            if (merged !== undefined) {
                out[key] = merged;
            }
        }
        return out;
    }
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
        const wire = Array.isArray(input) && input.length === a.length ? input : undefined;
        return a.map((item, i) => mergeRuns(wire?.[i], item, b[i]) ?? null);
    }
    return deepEqual(a, b) ? a : UNKNOWN;
}

function resolveLive(ctx: LiveContext, inputs: WireObject): { id: string | undefined; properties: WireObject } {
    const a = liveObject(ctx, plainObject(inputs, UNKNOWN_A));
    const b = containsUnknowns(inputs) ? liveObject(ctx, plainObject(inputs, UNKNOWN_B)) : a;
    const merged = mergeRuns(inputs, a.state, b.state);
    return { id: a.id === b.id ? a.id : undefined, properties: isObject(merged) ? merged : {} };
}

/**
 * Create: the object the API server would hold, with the id `<namespace>/<name>` (or `<name>`).
 * A preview answers like the real provider without a dry run: no id, the checked inputs, the
 * server-side defaults that need no allocation, no uid / resourceVersion / cluster IP yet, and an
 * unknown status.
 */
export function kubernetesCreate(
    settings: KubernetesSettings,
    request: { urn: string; properties: WireObject; preview?: boolean },
): { id: string; properties: WireObject } {
    const { type, name } = resourceType(request.urn);
    if (!request.preview && containsUnknowns(request.properties)) {
        throw new Error(`${KUBERNETES_ERROR_PREFIX}: cannot create ${request.urn} with unknown inputs outside a preview`);
    }
    if (type.token === HELM_RELEASE_TYPE) {
        const checked = helmReleaseCheck(settings.namespace, { urn: request.urn, logicalName: name, olds: {}, news: request.properties });
        return helmReleaseLive(checked, { preview: request.preview === true });
    }
    const inputs = withDefaults(settings, request.urn, request.properties);
    const { id, properties } = resolveLive({ urn: request.urn, type, settings, preview: request.preview === true }, inputs);
    return { id: request.preview ? "" : (id ?? ""), properties };
}

/**
 * Update: the object recomputed from the new inputs, keeping its uid, creation time and cluster IP;
 * `resourceVersion` counts the writes and workloads' `generation` the spec changes.
 */
export function kubernetesUpdate(
    settings: KubernetesSettings,
    request: { urn: string; id: string; olds: WireObject; news: WireObject; preview?: boolean },
): { properties: WireObject } {
    const { type, name } = resourceType(request.urn);
    if (!request.preview && containsUnknowns(request.news)) {
        throw new Error(`${KUBERNETES_ERROR_PREFIX}: cannot update ${request.urn} with unknown inputs outside a preview`);
    }
    if (type.token === HELM_RELEASE_TYPE) {
        const checked = helmReleaseCheck(settings.namespace, {
            urn: request.urn,
            logicalName: name,
            olds: request.olds,
            news: request.news,
        });
        return { properties: helmReleaseLive(checked, { preview: false, priorRevision: helmReleaseRevision(request.olds) }).properties };
    }
    const inputs = withDefaults(settings, request.urn, request.news);
    return {
        properties: resolveLive({ urn: request.urn, type, settings, preview: false, prior: priorOf(request.olds) }, inputs).properties,
    };
}

// ---------------------------------------------------------------------------------------------
// Diff

function splitPath(path: string): string[] {
    return path.split(".");
}

/** The paths whose change replaces an object of the kind, given the provider settings and its inputs. */
function immutablePaths(kind: string, settings: KubernetesSettings, inputs: WireObject): string[][] {
    const immutableObject = inputs["immutable"] === true;
    const mutableData = (kind === "ConfigMap" && settings.enableConfigMapMutable) || (kind === "Secret" && settings.enableSecretMutable);
    return (IMMUTABLE_FIELDS[kind] ?? [])
        .filter((path) => !(mutableData && !immutableObject && ["data", "binaryData", "stringData"].includes(path)))
        .map(splitPath);
}

function isPrefix(prefix: readonly Segment[], path: readonly Segment[]): boolean {
    return prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
}

/** Every changed path: objects on both sides are compared member by member, same-length arrays item by item. */
function changedPaths(
    before: WireValue | undefined,
    after: WireValue | undefined,
    path: Segment[] = [],
): Array<{ path: Segment[]; kind: "add" | "delete" | "update" }> {
    if (isUnset(before) && isUnset(after)) {
        return [];
    }
    if (isUnset(before)) {
        return [{ path, kind: "add" }];
    }
    if (isUnset(after)) {
        return [{ path, kind: "delete" }];
    }
    if (after === UNKNOWN) {
        return [{ path, kind: "update" }];
    }
    if (isObject(before) && isObject(after)) {
        return [...new Set([...Object.keys(before), ...Object.keys(after)])]
            .sort()
            .flatMap((key) => changedPaths(before[key], after[key], [...path, key]));
    }
    if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
        return before.flatMap((item, i) => changedPaths(item, after[i], [...path, i]));
    }
    return deepEqual(before, after) ? [] : [{ path, kind: "update" }];
}

function ignored(path: string, ignoreChanges: readonly string[]): boolean {
    return ignoreChanges.some((ignore) => path === ignore || path.startsWith(`${ignore}.`) || path.startsWith(`${ignore}[`));
}

export interface KubernetesDiffRequest {
    readonly urn: string;
    /** The object's state (outputs). */
    readonly olds: WireObject;
    /** The checked inputs it was last deployed with. */
    readonly oldInputs?: WireObject;
    /** The new checked inputs. */
    readonly news: WireObject;
    readonly ignoreChanges?: readonly string[];
}

/**
 * Diff: the changed input paths (as the real provider reports them, e.g. `spec.replicas`);
 * replacing when a change touches `apiVersion`, `kind`, `metadata.name`, `metadata.namespace` or an
 * immutable field of the kind. Like the real provider, an object whose name the program set and
 * keeps is deleted before it is replaced (two objects cannot share a name); an autonamed one is
 * created first.
 */
export function kubernetesDiff(settings: KubernetesSettings, request: KubernetesDiffRequest): DiffResult {
    const { type, name } = resourceType(request.urn);
    if (type.token === HELM_RELEASE_TYPE) {
        const old = request.oldInputs ?? request.olds;
        const news = helmReleaseCheck(settings.namespace, { urn: request.urn, logicalName: name, olds: old, news: request.news });
        return helmReleaseDiff(old, news, request.ignoreChanges);
    }
    const before = plainObject(withDefaults(settings, request.urn, request.oldInputs ?? request.olds));
    const after = plainObject(withDefaults(settings, request.urn, request.news, request.oldInputs));
    const { kind } = kindOf(type, after);
    const replacing: string[][] = [
        ["apiVersion"],
        ["kind"],
        ["metadata", "name"],
        ...(isClusterScoped(kind) ? [] : [["metadata", "namespace"]]),
        ...immutablePaths(kind, settings, before),
        ...immutablePaths(kind, settings, after),
    ];
    const replaces = (path: Segment[]): boolean => {
        const formatted = formatPath(path);
        if (kind === "Pod" && isPrefix(["spec"], path) && path.length > 1 && POD_MUTABLE.some((re) => re.test(formatted))) {
            return false;
        }
        return replacing.some(
            (fixed) => isPrefix(fixed, path) || (isPrefix(path, fixed) && !deepEqual(valueAt(before, fixed), valueAt(after, fixed))),
        );
    };
    const detailedDiff: DiffResult["detailedDiff"] = {};
    for (const change of changedPaths(before, after)) {
        const key = formatPath(change.path);
        if (key === "" || ignored(key, request.ignoreChanges ?? [])) {
            continue;
        }
        detailedDiff[key] = { kind: replaces(change.path) ? `${change.kind}-replace` : change.kind, inputDiff: true };
    }
    const paths = Object.keys(detailedDiff).sort();
    const replaced = paths.filter((key) => detailedDiff[key]?.kind.endsWith("-replace"));
    const topLevel = [...new Set(paths.map((key) => key.split(/[.[]/)[0] ?? key))].sort();
    const oldMetadata = before["metadata"];
    const newMetadata = after["metadata"];
    const autonamed = child(child(newMetadata, "annotations"), AUTONAMED_ANNOTATION) === "true";
    const deleteBeforeReplace =
        replaced.length > 0 &&
        !autonamed &&
        deepEqual(child(oldMetadata, "name"), child(newMetadata, "name")) &&
        deepEqual(child(oldMetadata, "namespace"), child(newMetadata, "namespace"));
    const sorted: DiffResult["detailedDiff"] = {};
    for (const key of paths) {
        sorted[key] = detailedDiff[key] ?? { kind: "update", inputDiff: true };
    }
    return {
        changes: paths.length > 0,
        replaces: replaced,
        diffs: topLevel,
        detailedDiff: sorted,
        ...(deleteBeforeReplace ? { deleteBeforeReplace } : {}),
    };
}

/**
 * DiffConfig: in place, except that a change of cluster replaces the provider (and with it every
 * object it manages), as with the real provider: when `clusterIdentifier` is set, only its change
 * replaces; otherwise a change of the kubeconfig's active cluster does.
 */
export function kubernetesDiffConfig(base: DiffResult, olds: WireObject, news: WireObject): DiffResult {
    const before = plainObject(olds);
    const after = plainObject(news);
    let replacing: string[];
    if (!isUnset(before["clusterIdentifier"]) || !isUnset(after["clusterIdentifier"])) {
        replacing = ["clusterIdentifier"];
    } else {
        const oldCluster = activeCluster(before);
        const newCluster = activeCluster(after);
        replacing =
            oldCluster !== undefined && newCluster !== undefined && !deepEqual(oldCluster, newCluster)
                ? ["kubeconfig", "context", "cluster"]
                : [];
    }
    const detailedDiff: DiffResult["detailedDiff"] = {};
    for (const [key, entry] of Object.entries(base.detailedDiff)) {
        const kind = (
            replacing.includes(key) && !entry.kind.endsWith("-replace") ? `${entry.kind}-replace` : entry.kind
        ) as PropertyDiffKind;
        detailedDiff[key] = { ...entry, kind };
    }
    return { ...base, replaces: base.diffs.filter((key) => detailedDiff[key]?.kind.endsWith("-replace")), detailedDiff };
}

// ---------------------------------------------------------------------------------------------
// Read and invokes

/** Checks that the URN is a kubernetes object the simulation models (Read, Delete). */
export function kubernetesResource(urn: string): KubernetesType {
    return resourceType(urn).type;
}

/** `kubernetes:yaml:decode`: the YAML stream as objects, empty documents skipped (YAML 1.1, like the real provider's decoder). */
export function decodeYaml(source: string): WireValue[] {
    const documents = parseAllDocuments(source, {
        version: "1.1",
        // Kubernetes decodes YAML to JSON: timestamps and binary stay strings.
        customTags: (tags) =>
            tags.filter((tag) => typeof tag === "string" || !["tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary"].includes(tag.tag)),
    });
    const result: WireValue[] = [];
    for (const [index, document] of documents.entries()) {
        const [error] = document.errors;
        if (error !== undefined) {
            throw new Error(`${KUBERNETES_ERROR_PREFIX}: kubernetes:yaml:decode: document ${index + 1}: ${error.message}`);
        }
        const value = document.toJS() as WireValue | undefined;
        if (value !== null && value !== undefined) {
            result.push(value);
        }
    }
    return result;
}

/** Invokes the simulation cannot answer, and why. */
const NOT_SIMULATED_INVOKES: Readonly<Record<string, string>> = {
    "kubernetes:helm:template":
        "helm.v3.Chart renders its chart with Helm, which the simulated cloud does not run (no chart repositories, no templates); render the chart to YAML beforehand (helm template) and deploy it with k8s.yaml.ConfigFile / ConfigGroup to rehearse it, or preview against a real cluster",
    "kubernetes:kustomize:directory":
        "kustomize.Directory builds its manifests with kustomize, which the simulated cloud does not run; build them beforehand (kubectl kustomize) and deploy them with k8s.yaml.ConfigFile / ConfigGroup to rehearse them, or preview against a real cluster",
};

/** Invoke: `kubernetes:yaml:decode`; Helm and kustomize rendering fail with a message saying why. */
export function kubernetesInvoke(token: string, args: WireObject): { outputs: WireObject } {
    const why = NOT_SIMULATED_INVOKES[token];
    if (why !== undefined) {
        throw new Error(`${KUBERNETES_ERROR_PREFIX}: invoke ${token} cannot be simulated: ${why}`);
    }
    if (token === "kubernetes:yaml:decode") {
        const source = plain(args["text"]);
        if (typeof source !== "string") {
            throw new Error(`${KUBERNETES_ERROR_PREFIX}: kubernetes:yaml:decode needs a string "text" argument`);
        }
        return { outputs: { result: decodeYaml(source) } };
    }
    throw new Error(
        `${KUBERNETES_ERROR_PREFIX}: invoke ${token} is not modelled by the simulated cloud; add it to kubernetesInvoke in packages/simulated-cloud/src/kubernetes.ts, or avoid the invoke`,
    );
}

/** Why Construct fails for the kubernetes package (the real provider expands these components itself). */
export function kubernetesConstructUnsupported(type: string): string {
    return `the simulated kubernetes provider does not expand component resources (${type || "yaml/v2 ConfigFile / ConfigGroup, helm.sh/v4 Chart, kustomize/v2 Directory"}); use k8s.yaml.ConfigFile / ConfigGroup (yaml v1), which decode their YAML through the kubernetes:yaml:decode invoke the simulation answers`;
}
