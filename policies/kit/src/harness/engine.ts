/**
 * The engine's half of policy evaluation: which resources the Pulumi engine sends to a policy
 * pack, and with which properties. Mirrors pulumi `pkg/resource/deploy/step_generator.go`
 * (`continueStepsFromImport` -> `analyzeAll` for resource policies, `AnalyzeResources` for stack
 * policies), `default_providers.go` and `sdk/go/common/resource/plugin/analyzer_plugin.go`:
 *
 * - Resource policies (`Analyze`) see EVERY registered resource: the root stack, component
 *   resources, provider resources (explicit and the engine's default providers) and custom
 *   resources. There is no custom-only filter; only `read`s (`.get`, StackReference) are not sent.
 *   `props` are the resource's inputs (after the provider's Check, which we cannot run offline).
 * - Stack policies (`AnalyzeStack`) see every resource of the deployment with its OUTPUTS as
 *   `props`, plus parent, dependencies and property dependencies.
 * - The provider given with each resource is its provider's URN, type, name and INPUTS; a custom
 *   resource without an explicit provider gets the engine's default provider for its package,
 *   registered as `pulumi:providers:<pkg>::default[_<version>]` with the stack's package config.
 * - Properties are marshalled with KeepUnknowns (every unknown becomes the unknown sentinel),
 *   KeepSecrets (the SDK then unwraps them) and SkipInternalKeys (keys starting `__` are dropped).
 */
import { isUnknown } from "@pulumi/pulumi";
import { engineUrn, PROVIDER_TYPE_PREFIX, PULUMI_TYPES } from "@platform/facts";
import type { InventoryResource } from "@platform/synth";
import { UNKNOWN_STRING_VALUE } from "../proxy.js";

/** An inventory resource as the analyzer sees it (property dependencies included: the engine sends them to stack policies). */
export type EvaluatedResource = InventoryResource;

/** What the engine knows about one resource when it calls the analyzer. */
export interface EngineResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    /** Inputs as marshalled for `Analyze`. */
    readonly inputs: Record<string, unknown>;
    /** Outputs as marshalled for `AnalyzeStack`. */
    readonly outputs: Record<string, unknown>;
    readonly parent: string | null;
    readonly protect: boolean;
    readonly ignoreChanges: readonly string[];
    /** Only set when the program set it (the engine sends `deleteBeforeReplaceDefined`). */
    readonly deleteBeforeReplace?: boolean;
    readonly dependencies: readonly string[];
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
    /** URN of the provider resource, or null (root stack, components, providers). */
    readonly providerUrn: string | null;
}

/** A default provider the engine would create, per package. */
export interface DefaultProviderSettings {
    /** Plugin version; names the provider `default_<version>` like the engine. */
    readonly version?: string;
    /** Package config (`aws:region` -> `{ region }`), as the engine reads it from the stack config. */
    readonly config?: Readonly<Record<string, unknown>>;
}

export interface EngineViewOptions {
    /** Stack outputs: the root stack resource's outputs (the inventory keeps them beside the resources). */
    readonly stackOutputs?: Readonly<Record<string, unknown>>;
    readonly defaultProviders?: Readonly<Record<string, DefaultProviderSettings>>;
}

/**
 * Terraform-bridged providers return `id` among a resource's outputs (`pulumi stack export` shows
 * it); the simulated cloud keeps the id beside the outputs, so we put it back for these packages.
 */
const BRIDGED_PACKAGES: ReadonlySet<string> = new Set(["aws", "gcp"]);

export function isProviderType(type: string): boolean {
    return type.startsWith(PROVIDER_TYPE_PREFIX);
}

function isPlainObject(value: object): boolean {
    const proto: unknown = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}

/** Marshals a value as the engine does for the analyzer (see the module comment). */
export function marshal(value: unknown): unknown {
    if (isUnknown(value)) {
        return UNKNOWN_STRING_VALUE;
    }
    if (Array.isArray(value)) {
        return value.map((v) => (v === undefined ? null : marshal(v)));
    }
    if (typeof value === "object" && value !== null && isPlainObject(value)) {
        return marshalProperties(value as Record<string, unknown>);
    }
    return value;
}

/**
 * Marshals a property map: drops undefined values and internal (`__`) keys, and orders keys as
 * the engine does (Go's `PropertyMap.StableKeys()`, sorted), which is the order policies see.
 */
export function marshalProperties(props: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(props).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (value === undefined || key.startsWith("__")) continue;
        result[key] = marshal(value);
    }
    return result;
}

function packageOf(type: string): string {
    return type.split(":")[0] ?? type;
}

function stackAndProject(urn: string): { stack: string; project: string } {
    const [, rest = ""] = urn.split("urn:pulumi:");
    const [stack = "", project = ""] = rest.split("::");
    return { stack, project };
}

function defaultProviderName(version: string | undefined): string {
    return version ? `default_${version.replace(/[.-]/g, "_")}` : "default";
}

function providerUrnOf(reference: string | null): string | null {
    if (!reference) return null;
    const idx = reference.lastIndexOf("::");
    return idx < 0 ? reference : reference.slice(0, idx);
}

function outputsOf(r: EvaluatedResource, stackOutputs: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
    if (r.type === PULUMI_TYPES.stack && r.parent === null && stackOutputs) {
        return marshalProperties(stackOutputs);
    }
    const withId = r.custom && r.id && BRIDGED_PACKAGES.has(packageOf(r.type)) && r.outputs["id"] === undefined;
    return marshalProperties(withId ? { ...r.outputs, id: r.id } : r.outputs);
}

function fromInventory(r: EvaluatedResource, providerUrn: string | null, stackOutputs: EngineViewOptions["stackOutputs"]): EngineResource {
    return {
        urn: r.urn,
        type: r.type,
        name: r.name,
        inputs: marshalProperties(r.inputs),
        outputs: outputsOf(r, stackOutputs),
        parent: r.parent,
        protect: r.protect,
        ignoreChanges: [...r.ignoreChanges],
        ...(r.deleteBeforeReplace ? { deleteBeforeReplace: true } : {}),
        dependencies: [...r.dependencies],
        propertyDependencies: r.propertyDependencies,
        providerUrn,
    };
}

function defaultProvider(pkg: string, anyUrn: string, settings: DefaultProviderSettings | undefined): EngineResource {
    const { stack, project } = stackAndProject(anyUrn);
    const name = defaultProviderName(settings?.version);
    const inputs = marshalProperties({ ...(settings?.config ?? {}), ...(settings?.version ? { version: settings.version } : {}) });
    return {
        urn: engineUrn(stack, project, undefined, `${PROVIDER_TYPE_PREFIX}${pkg}`, name),
        type: `${PROVIDER_TYPE_PREFIX}${pkg}`,
        name,
        inputs,
        // A provider's state is its inputs (the engine's provider registry returns them from Create).
        outputs: inputs,
        parent: null,
        protect: false,
        ignoreChanges: [],
        dependencies: [],
        propertyDependencies: {},
        providerUrn: null,
    };
}

/**
 * The engine's view of an inventory, in registration order, with the default providers the
 * engine would register inserted just before their first user.
 */
export function engineView(resources: readonly EvaluatedResource[], options: EngineViewOptions = {}): EngineResource[] {
    const result: EngineResource[] = [];
    const defaults = new Map<string, EngineResource>();
    for (const r of resources) {
        let providerUrn = providerUrnOf(r.provider);
        const needsDefault = r.custom && providerUrn === null && !isProviderType(r.type);
        if (needsDefault) {
            const pkg = packageOf(r.type);
            let provider = defaults.get(pkg);
            if (!provider) {
                provider = defaultProvider(pkg, r.urn, options.defaultProviders?.[pkg]);
                defaults.set(pkg, provider);
                result.push(provider);
            }
            providerUrn = provider.urn;
        }
        result.push(fromInventory(r, providerUrn, options.stackOutputs));
    }
    return result;
}
