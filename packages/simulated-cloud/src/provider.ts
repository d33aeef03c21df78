/**
 * The simulated cloud as a resource provider: what `pulumi-resource-aws` / `pulumi-resource-gcp` /
 * `pulumi-resource-kubernetes` / `pulumi-resource-random` answer to the engine, as pure functions of the provider's configuration and the request. The
 * gRPC server (`server.ts`) only converts messages. Ids and computed outputs come from the same
 * cloud model the unit-test mocks use (`@platform/synth` cloud-model), so a real-engine rehearsal
 * and a mock synthesis produce the same ids, ARNs and self links for the same inputs.
 *
 * What is added here, because only a configured provider knows it: the region / project defaults
 * from the provider configuration, AWS `tagsAll` (`defaultTags` merged with `tags`) and GCP
 * `effectiveLabels` / `pulumiLabels` (`defaultLabels` merged with `labels`), as the real providers
 * compute them. The kubernetes package has its own model (`kubernetes.ts`): Kubernetes objects
 * are not in the synth cloud model. The random package's generated values (`random.RandomPassword`)
 * come from the cloud model too: derived from the resource and its inputs, not random.
 * Rehearsal only: nothing is created in any cloud.
 */
// The cloud model alone, through @platform/synth's `./cloud-model` export: the package root would
// also load the synthesizer, and with it the Pulumi SDK's mock runtime, which has no place in a
// provider plugin process.
import {
    type CloudModelOptions,
    replacesOnChange,
    SIMULATED_GCP_PROJECT,
    simulateInvoke,
    simulateResource,
    UnmodelledInvokeError,
} from "@platform/synth/cloud-model";
import { GCP_TYPES, PROVIDER_TYPE_PREFIX, tagKind } from "@platform/facts";
import type { CheckFailure, DiffResult, PropertyDiffKind } from "@platform/synth/kubernetes-model";
import {
    DEFAULT_KUBERNETES_SETTINGS,
    type KubernetesSettings,
    kubernetesCheck,
    kubernetesCreate,
    kubernetesDiff,
    kubernetesDiffConfig,
    kubernetesInvoke,
    kubernetesResource,
    kubernetesUpdate,
    parseKubernetesSettings,
} from "./kubernetes.js";
import {
    containsUnknowns,
    deepEqual,
    isObject,
    isUnset,
    objectSetting,
    plain,
    plainObject,
    stringMap,
    UNKNOWN,
    type WireObject,
    type WireValue,
} from "./values.js";

export type CloudPackage = "aws" | "gcp" | "kubernetes" | "random";

export const CLOUD_PACKAGES: readonly CloudPackage[] = ["aws", "gcp", "kubernetes", "random"];

/** The SDK versions the platform's stacks use; the engine asks for these plugin versions. */
export const PLUGIN_VERSIONS: Readonly<Record<CloudPackage, string>> = {
    aws: "7.48.0",
    gcp: "9.37.0",
    kubernetes: "4.34.2",
    random: "4.21.2",
};

const CLOUD_NAMES: Readonly<Record<CloudPackage, string>> = {
    aws: "AWS",
    gcp: "GCP",
    kubernetes: "any Kubernetes cluster",
    random: "any cloud; generated values are derived, not random",
};

/** The one line the plugin writes to stderr when it starts (the engine shows it to the user). */
export function startupBanner(pkg: CloudPackage): string {
    return `simulated cloud: pulumi-resource-${pkg} (rehearsal only; nothing is created in ${CLOUD_NAMES[pkg]})`;
}

/** Prefix of every error message the plugin returns. */
export function errorPrefix(pkg: CloudPackage): string {
    return `simulated cloud (pulumi-resource-${pkg})`;
}

/** What the simulated provider keeps from its configuration. */
export interface ProviderConfig {
    readonly package: CloudPackage;
    /** AWS region, or GCP default region. */
    readonly region?: string;
    /** GCP project. */
    readonly project?: string;
    /** AWS `defaultTags.tags`. */
    readonly defaultTags: Readonly<Record<string, string>>;
    /** GCP `defaultLabels`. */
    readonly defaultLabels: Readonly<Record<string, string>>;
    /** Kubernetes: default namespace and the mutability settings (only for the kubernetes package). */
    readonly kubernetes?: KubernetesSettings;
}

/** A provider before Configure: the model's defaults apply. */
export function unconfigured(pkg: CloudPackage): ProviderConfig {
    return {
        package: pkg,
        defaultTags: {},
        defaultLabels: {},
        ...(pkg === "kubernetes" ? { kubernetes: DEFAULT_KUBERNETES_SETTINGS } : {}),
    };
}

/**
 * The provider configuration from a Configure request: the deprecated `variables`
 * (`aws:config:region` -> string, objects JSON-encoded) overlaid by `args` (the provider
 * resource's inputs, where the SDKs JSON-encode object values such as `defaultTags`).
 */
export function parseProviderConfig(pkg: CloudPackage, variables: Readonly<Record<string, string>>, args?: WireObject): ProviderConfig {
    const settings: WireObject = {};
    const prefix = `${pkg}:config:`;
    for (const [key, value] of Object.entries(variables)) {
        if (key.startsWith(prefix)) {
            settings[key.slice(prefix.length)] = value;
        }
    }
    for (const [key, value] of Object.entries(plainObject(args))) {
        if (key !== "version" && !isUnset(value)) {
            settings[key] = value;
        }
    }
    const text = (value: WireValue | undefined): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);
    const region = pkg === "kubernetes" || pkg === "random" ? undefined : text(settings["region"]);
    const project = text(settings["project"]);
    return {
        package: pkg,
        ...(region !== undefined ? { region } : {}),
        ...(pkg === "gcp" && project !== undefined ? { project } : {}),
        defaultTags: pkg === "aws" ? stringMap(objectSetting(settings["defaultTags"])?.["tags"]) : {},
        defaultLabels: pkg === "gcp" ? stringMap(objectSetting(settings["defaultLabels"])) : {},
        ...(pkg === "kubernetes" ? { kubernetes: parseKubernetesSettings(settings) } : {}),
    };
}

function kubernetesSettings(config: ProviderConfig): KubernetesSettings | undefined {
    return config.package === "kubernetes" ? (config.kubernetes ?? DEFAULT_KUBERNETES_SETTINGS) : undefined;
}

function modelOptions(config: ProviderConfig): CloudModelOptions {
    return {
        ...(config.package === "aws" && config.region !== undefined ? { awsRegion: config.region } : {}),
        ...(config.package === "gcp" && config.project !== undefined ? { gcpProject: config.project } : {}),
    };
}

/** Type and logical name from a URN (`urn:pulumi:<stack>::<project>::<parent$>type::<name>`). */
export function parseUrn(urn: string): { type: string; name: string } {
    const parts = urn.split("::");
    if (parts.length < 4 || !parts[0]?.startsWith("urn:pulumi:")) {
        throw new Error(`not a resource URN: ${urn}`);
    }
    const qualifiedType = parts[2] ?? "";
    return { type: qualifiedType.split("$").pop() ?? qualifiedType, name: parts.slice(3).join("::") };
}

function resourceOf(config: ProviderConfig, urn: string): { type: string; name: string } {
    const parsed = parseUrn(urn);
    if (!parsed.type.startsWith(`${config.package}:`)) {
        throw new Error(`${errorPrefix(config.package)}: cannot manage ${parsed.type} (${urn}); it belongs to another provider`);
    }
    return parsed;
}

// ---------------------------------------------------------------------------------------------
// Which types carry which provider-computed properties. A model of the real providers' schemas
// for the types the platform uses, with a rule for any other type.

/** AWS services whose resources are global (no `region` argument since provider v6/v7). */
function isAwsGlobal(type: string): boolean {
    const [, module = "", resource = ""] = type.split(/[:/]/);
    return (
        ["iam", "organizations", "cloudfront", "globalaccelerator", "budgets", "costexplorer"].includes(module) ||
        (module === "route53" && !resource.startsWith("Resolver"))
    );
}

/**
 * Whether the real provider reports `tagsAll` (AWS) or `effectiveLabels` / `pulumiLabels` (GCP) for
 * the resource: the platform's one rule for taggable types (`tagKind` of `@platform/facts`: the
 * listed taggable types, else any type given a tags / labels input, never the untaggable ones).
 */
function carriesProviderTags(type: string, inputs: WireObject): boolean {
    return tagKind({ type, props: inputs }) !== undefined;
}

/** GCP types without a `project` argument (they live inside a parent that has one). */
const GCP_WITHOUT_PROJECT: ReadonlySet<string> = new Set([
    GCP_TYPES.cryptoKey,
    GCP_TYPES.cryptoKeyIamMember,
    GCP_TYPES.serviceNetworkingConnection,
]);
/** GCP types whose `region` defaults to the provider's region. */
const GCP_REGIONAL: ReadonlySet<string> = new Set([
    GCP_TYPES.subnetwork,
    GCP_TYPES.router,
    GCP_TYPES.routerNat,
    GCP_TYPES.address,
    GCP_TYPES.forwardingRule,
    GCP_TYPES.regionBackendService,
]);

/** Input properties the provider fills from its configuration when the program leaves them unset. */
function defaultedProperties(config: ProviderConfig, type: string): Record<string, string> {
    if (config.package === "random") {
        return {};
    }
    if (config.package === "aws") {
        return isAwsGlobal(type) ? {} : { region: config.region ?? "us-east-1" };
    }
    return {
        ...(GCP_WITHOUT_PROJECT.has(type) ? {} : { project: config.project ?? SIMULATED_GCP_PROJECT }),
        ...(GCP_REGIONAL.has(type) && config.region !== undefined ? { region: config.region } : {}),
    };
}

function withProviderDefaults(config: ProviderConfig, type: string, inputs: WireObject): WireObject {
    const out: WireObject = { ...inputs };
    for (const [key, value] of Object.entries(defaultedProperties(config, type))) {
        if (isUnset(out[key])) {
            out[key] = value;
        }
    }
    return out;
}

/** Provider-level defaults merged with the resource's own map; a non-object (unknown) stays as is. */
function mergeMap(defaults: Readonly<Record<string, string>>, own: WireValue | undefined): WireValue {
    if (isUnset(own)) {
        return { ...defaults };
    }
    return isObject(own) ? { ...defaults, ...stringMap(own) } : own;
}

/** The model's answer for plain inputs, plus what the configured provider adds. */
function computeState(config: ProviderConfig, type: string, name: string, plainInputs: WireObject): { id: string; state: WireObject } {
    const inputs = withProviderDefaults(config, type, plainInputs);
    const { id, state } = simulateResource({ type, name, inputs }, modelOptions(config));
    const out = { ...(state as WireObject) };
    if (config.package === "aws" && carriesProviderTags(type, inputs)) {
        out["tagsAll"] = mergeMap(config.defaultTags, inputs["tags"]);
    }
    if (config.package === "gcp" && carriesProviderTags(type, inputs)) {
        const labels = mergeMap(config.defaultLabels, inputs["labels"]);
        out["effectiveLabels"] = labels;
        out["pulumiLabels"] = labels;
    }
    return { id, state: out };
}

// Stand-ins for unknown inputs: the model runs once with each, and whatever differs between the
// two runs depends on an unknown and is reported unknown.
const UNKNOWN_A = "\u0000simulated-unknown-a";
const UNKNOWN_B = "\u0000simulated-unknown-b";

/**
 * Outputs for inputs that may hold unknowns (previews) and secrets: an output equal to its input
 * is handed back in the input's wire form (keeping secrets, references and unknowns), a computed
 * output that depends on an unknown input is unknown, every other output is the model's value.
 */
function resolveOutputs(
    config: ProviderConfig,
    type: string,
    name: string,
    inputs: WireObject,
): { id: string | undefined; properties: WireObject } {
    const unknowns = containsUnknowns(inputs);
    const a = computeState(config, type, name, plainObject(inputs, UNKNOWN_A));
    const b = unknowns ? computeState(config, type, name, plainObject(inputs, UNKNOWN_B)) : a;
    const properties: WireObject = {};
    for (const key of new Set([...Object.keys(a.state), ...Object.keys(b.state)])) {
        const va = a.state[key];
        const vb = b.state[key];
        const input = inputs[key];
        if (input !== undefined && deepEqual(va, plain(input, UNKNOWN_A)) && deepEqual(vb, plain(input, UNKNOWN_B))) {
            properties[key] = input;
        } else if (deepEqual(va, vb)) {
            if (va !== undefined) {
                properties[key] = va;
            }
        } else {
            properties[key] = UNKNOWN;
        }
    }
    return { id: a.id === b.id ? a.id : undefined, properties };
}

// ---------------------------------------------------------------------------------------------
// Requests and answers

export type { CheckFailure, DiffResult, PropertyDiffKind } from "@platform/synth/kubernetes-model";

/**
 * Check / CheckConfig: the inputs are taken as given (the simulated cloud validates nothing more),
 * except for Kubernetes objects (given the kubernetes provider's `config`), which get the real
 * provider's defaults: the autoname and the namespace.
 */
export function check(
    request: { urn: string; olds: WireObject; news: WireObject },
    config?: ProviderConfig,
): { inputs: WireObject; failures: CheckFailure[] } {
    const k8s = config !== undefined ? kubernetesSettings(config) : undefined;
    if (k8s !== undefined && !parseUrn(request.urn).type.startsWith(PROVIDER_TYPE_PREFIX)) {
        return kubernetesCheck(k8s, request);
    }
    return { inputs: request.news, failures: [] };
}

/** The replacing kind of each in-place kind. */
export const REPLACING = { add: "add-replace", delete: "delete-replace", update: "update-replace" } as const satisfies Record<
    string,
    PropertyDiffKind
>;

const NOT_COMPARED = new Set(["__defaults", "__meta"]);

function compareProperties(
    before: WireObject,
    after: WireObject,
    options: { skip: ReadonlySet<string>; replaces: (key: string) => boolean },
): DiffResult {
    const detailedDiff: DiffResult["detailedDiff"] = {};
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !options.skip.has(key)).sort();
    for (const key of keys) {
        const old = before[key];
        const next = after[key];
        if (isUnset(old) && isUnset(next)) {
            continue;
        }
        if (!containsUnknowns(next) && deepEqual(plain(old), plain(next))) {
            continue;
        }
        const base = isUnset(old) ? "add" : isUnset(next) ? "delete" : "update";
        const kind: PropertyDiffKind = options.replaces(key) ? REPLACING[base] : base;
        detailedDiff[key] = { kind, inputDiff: true };
    }
    const diffs = Object.keys(detailedDiff);
    return {
        changes: diffs.length > 0,
        replaces: diffs.filter((key) => detailedDiff[key]?.kind.endsWith("-replace")),
        diffs,
        detailedDiff,
    };
}

export interface DiffRequest {
    readonly urn: string;
    /** The resource's current state (outputs). */
    readonly olds: WireObject;
    /** The inputs it was last deployed with (engines since 3.x send them). */
    readonly oldInputs?: WireObject;
    /** The new, checked inputs. */
    readonly news: WireObject;
    readonly ignoreChanges?: readonly string[];
}

/**
 * Diff: every input that differs is a change; a change to a property in the replace table
 * (`REPLACE_ON_CHANGE` in the cloud model) replaces. Inputs the provider fills from its
 * configuration (region, project) are compared with the state, so moving a provider to another
 * region replaces its regional resources, as with the real providers. A change of `defaultTags` /
 * `defaultLabels` shows as an in-place change of `tagsAll` / `effectiveLabels`.
 */
export function diff(config: ProviderConfig, request: DiffRequest): DiffResult {
    const { type } = resourceOf(config, request.urn);
    const k8s = kubernetesSettings(config);
    if (k8s !== undefined) {
        return kubernetesDiff(k8s, request);
    }
    const before: WireObject = { ...(request.oldInputs ?? request.olds) };
    for (const key of Object.keys(defaultedProperties(config, type))) {
        if (isUnset(before[key]) && !isUnset(request.olds[key])) {
            before[key] = request.olds[key];
        }
    }
    const after = withProviderDefaults(config, type, request.news);
    const result = compareProperties(before, after, {
        skip: new Set([...NOT_COMPARED, ...(request.ignoreChanges ?? [])]),
        replaces: (key) => replacesOnChange(type, key),
    });
    const detailedDiff = { ...result.detailedDiff };
    const computed: Array<[string, Readonly<Record<string, string>>, string]> =
        config.package === "aws"
            ? [["tagsAll", config.defaultTags, "tags"]]
            : config.package === "gcp"
              ? [
                    ["effectiveLabels", config.defaultLabels, "labels"],
                    ["pulumiLabels", config.defaultLabels, "labels"],
                ]
              : [];
    for (const [output, defaults, input] of computed) {
        const old = request.olds[output];
        if (isUnset(old) || containsUnknowns(request.news[input]) || request.ignoreChanges?.includes(input)) {
            continue;
        }
        if (!deepEqual(plain(old), mergeMap(defaults, plain(request.news[input])))) {
            detailedDiff[output] = { kind: "update", inputDiff: false };
        }
    }
    const diffs = Object.keys(detailedDiff).sort();
    return { changes: diffs.length > 0, replaces: result.replaces, diffs, detailedDiff };
}

/**
 * DiffConfig: a change of any provider setting is an in-place change of the provider; nothing
 * replaces it, except a change of cluster for the kubernetes provider (see `kubernetesDiffConfig`).
 */
export function diffConfig(request: { olds: WireObject; oldInputs?: WireObject; news: WireObject }, pkg?: CloudPackage): DiffResult {
    const before = request.oldInputs ?? request.olds;
    const result = compareProperties(before, request.news, { skip: new Set([...NOT_COMPARED, "version"]), replaces: () => false });
    return pkg === "kubernetes" ? kubernetesDiffConfig(result, before, request.news) : result;
}

export interface CreateResult {
    /** Empty during a preview, as with the real providers. */
    readonly id: string;
    readonly properties: WireObject;
}

/** Outputs a real provider knows before creating the resource: its configuration's contributions and the (auto)name. */
const KNOWN_BEFORE_CREATE = new Set(["tagsAll", "effectiveLabels", "pulumiLabels", "name"]);

/**
 * Create: the model's id and outputs for the inputs. A preview answers like the real providers'
 * plans: no id, inputs as given, region / project / tags / labels / name known, and every other
 * computed output (ARNs, ids of sub-objects, name servers...) unknown until the real create.
 */
export function create(config: ProviderConfig, request: { urn: string; properties: WireObject; preview?: boolean }): CreateResult {
    const { type, name } = resourceOf(config, request.urn);
    const k8s = kubernetesSettings(config);
    if (k8s !== undefined) {
        return kubernetesCreate(k8s, request);
    }
    if (!request.preview && containsUnknowns(request.properties)) {
        throw new Error(`${errorPrefix(config.package)}: cannot create ${request.urn} with unknown inputs outside a preview`);
    }
    const { id, properties } = resolveOutputs(config, type, name, request.properties);
    if (!request.preview) {
        return { id: id ?? "", properties };
    }
    const known = new Set([...KNOWN_BEFORE_CREATE, ...Object.keys(defaultedProperties(config, type)), ...Object.keys(request.properties)]);
    for (const key of Object.keys(properties)) {
        if (!known.has(key)) {
            properties[key] = UNKNOWN;
        }
    }
    return { id: "", properties };
}

/** Update: outputs recomputed from the new inputs; the id never changes. */
export function update(
    config: ProviderConfig,
    request: { urn: string; id: string; olds: WireObject; news: WireObject; preview?: boolean },
): { properties: WireObject } {
    const { type, name } = resourceOf(config, request.urn);
    const k8s = kubernetesSettings(config);
    if (k8s !== undefined) {
        return kubernetesUpdate(k8s, request);
    }
    if (!request.preview && containsUnknowns(request.news)) {
        throw new Error(`${errorPrefix(config.package)}: cannot update ${request.urn} with unknown inputs outside a preview`);
    }
    return { properties: resolveOutputs(config, type, name, request.news).properties };
}

/** Read (refresh): a simulated cloud has no drift, so the recorded state and inputs come back unchanged. */
export function read(
    config: ProviderConfig,
    request: { urn: string; id: string; properties: WireObject; inputs?: WireObject },
): { id: string; properties: WireObject; inputs?: WireObject } {
    const { type } = resourceOf(config, request.urn);
    if (config.package === "kubernetes") {
        kubernetesResource(request.urn);
    }
    if (Object.keys(request.properties).length === 0 && Object.keys(request.inputs ?? {}).length === 0) {
        throw new Error(
            `${errorPrefix(config.package)}: cannot read ${type} ${request.id}: the simulated cloud only knows resources through the state the engine recorded (import and .get() of existing resources are not modelled)`,
        );
    }
    return { id: request.id, properties: request.properties, ...(request.inputs !== undefined ? { inputs: request.inputs } : {}) };
}

/** Delete: accepted (nothing exists to delete). */
export function remove(config: ProviderConfig, request: { urn: string; id: string }): void {
    resourceOf(config, request.urn);
    if (config.package === "kubernetes") {
        kubernetesResource(request.urn);
    }
}

/** Invoke: the cloud model's answer; an invoke it does not model fails, naming the token and where to add it. */
export function invoke(config: ProviderConfig, token: string, args: WireObject): { outputs: WireObject } {
    if (config.package === "kubernetes") {
        return kubernetesInvoke(token, args);
    }
    try {
        return { outputs: simulateInvoke(token, plainObject(args), modelOptions(config)) as WireObject };
    } catch (error) {
        if (error instanceof UnmodelledInvokeError) {
            throw new Error(
                `${errorPrefix(config.package)}: invoke ${token} is not modelled by the simulated cloud; add an answer to simulateInvoke in packages/synth/src/cloud-model.ts, or avoid the invoke`,
            );
        }
        throw error;
    }
}
