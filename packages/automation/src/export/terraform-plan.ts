/**
 * One stack's inventory as a Terraform plan (the JSON of `terraform show -json <plan>`, format
 * 1.2): every aws and gcp resource as a managed resource to create, with its values in Terraform's
 * shape, and the configuration's `references` taken from the recorded property dependencies, so
 * plan scanners (Checkov, Trivy, conftest) can read a Pulumi stack and connect its resources.
 */
import type { InventoryResource } from "@platform/synth";
import { snakeCase } from "./names.js";
import { terraformAttributes } from "./terraform-values.js";
import {
    loadTerraformTypes,
    MissingTerraformTypeError,
    pulumiPackage,
    terraformProvider,
    type TerraformTypeTable,
} from "./terraform-types.js";
import { exportedInputs } from "./secrets.js";

/** The plan format and the Terraform release whose `show -json` output the export mirrors. */
export const PLAN_FORMAT_VERSION = "1.2";
export const TERRAFORM_VERSION = "1.9.8";

const PROVIDER_NAMES = { aws: "registry.terraform.io/hashicorp/aws", google: "registry.terraform.io/hashicorp/google" } as const;

export interface PlannedResource {
    readonly address: string;
    readonly mode: "managed";
    readonly type: string;
    readonly name: string;
    readonly provider_name: string;
    readonly schema_version: 0;
    readonly values: Record<string, unknown>;
    readonly sensitive_values: Record<string, never>;
}

/** A configuration expression: a constant, or the resources (and attributes) a value came from. */
export type Expression = { readonly references: readonly string[] } | ReadonlyArray<Record<string, Expression>>;

export interface ConfiguredResource {
    readonly address: string;
    readonly mode: "managed";
    readonly type: string;
    readonly name: string;
    readonly provider_config_key: string;
    readonly expressions: Record<string, Expression>;
    readonly schema_version: 0;
    readonly depends_on?: readonly string[];
}

export interface TerraformPlan {
    readonly format_version: string;
    readonly terraform_version: string;
    readonly planned_values: { readonly root_module: { readonly resources: PlannedResource[] } };
    readonly resource_changes: ReadonlyArray<{
        readonly address: string;
        readonly mode: "managed";
        readonly type: string;
        readonly name: string;
        readonly provider_name: string;
        readonly change: {
            readonly actions: readonly ["create"];
            readonly before: null;
            readonly after: Record<string, unknown>;
            readonly after_unknown: Record<string, never>;
        };
    }>;
    readonly configuration: {
        readonly provider_config: Record<string, { readonly name: string; readonly full_name: string }>;
        readonly root_module: { readonly resources: ConfiguredResource[] };
    };
}

/** True for the resources a plan holds: custom aws and gcp resources (not components, providers, random). */
export function isPlanResource(resource: InventoryResource): boolean {
    return resource.custom && terraformProvider(resource.type) !== undefined;
}

/** A Terraform resource name from a Pulumi name: letters, digits, `_` and `-`, not starting with a digit. */
export function terraformResourceName(name: string): string {
    const cleaned = name.replace(/[^A-Za-z0-9_-]/g, "_");
    return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

/** Addresses for the plan resources, unique per type (a repeated name gets `_2`, `_3`, ...). */
export function planAddresses(
    resources: readonly InventoryResource[],
    table: TerraformTypeTable,
): Map<string, { type: string; name: string; address: string }> {
    const addresses = new Map<string, { type: string; name: string; address: string }>();
    const used = new Set<string>();
    for (const resource of resources.filter(isPlanResource)) {
        const type = table.resources[resource.type]?.type;
        if (type === undefined) continue;
        const base = terraformResourceName(resource.name);
        let name = base;
        for (let n = 2; used.has(`${type}.${name}`); n++) name = `${base}_${n}`;
        used.add(`${type}.${name}`);
        addresses.set(resource.urn, { type, name, address: `${type}.${name}` });
    }
    return addresses;
}

function leafValues(value: unknown): unknown[] {
    if (Array.isArray(value)) return value.flatMap(leafValues);
    if (typeof value === "object" && value !== null) return Object.values(value).flatMap(leafValues);
    return [value];
}

/**
 * What a value that came from `dependency` refers to, as Terraform writes it: the attribute whose
 * value it carries (`aws_kms_key.logs.arn`) when the dependency's state shows one, and the
 * resource itself (`aws_kms_key.logs`).
 */
export function referencesTo(value: unknown, dependency: InventoryResource, address: string): string[] {
    const wanted = new Set(leafValues(value).filter((v) => typeof v === "string" && v !== ""));
    const attribute =
        dependency.id !== null && wanted.has(dependency.id)
            ? "id"
            : Object.entries(dependency.outputs).find(([, v]) => typeof v === "string" && wanted.has(v))?.[0];
    return attribute === undefined ? [address] : [`${address}.${snakeCase(attribute)}`, address];
}

/** The id and the string outputs of a resource: what a value taken from it can be. */
function stateValues(resource: InventoryResource | undefined): unknown[] {
    if (resource === undefined) return [];
    return [resource.id, ...Object.values(resource.outputs)].filter((v) => typeof v === "string" && v !== "");
}

/** The configuration expressions of a resource: `references` for each input that came from other plan resources. */
export function expressionsOf(
    resource: InventoryResource,
    values: Readonly<Record<string, unknown>>,
    byUrn: ReadonlyMap<string, InventoryResource>,
    addresses: ReadonlyMap<string, { address: string }>,
    terraformNameOf: (key: string) => string,
): Record<string, Expression> {
    const expressions: Record<string, Expression> = {};
    for (const [key, urns] of Object.entries(resource.propertyDependencies)) {
        // An input without a value has no expression in Terraform's configuration, whatever it depended on.
        if (resource.inputs[key] === undefined) continue;
        const references = urns.flatMap((urn) => {
            const dependency = byUrn.get(urn);
            const target = addresses.get(urn);
            return dependency && target ? referencesTo(resource.inputs[key], dependency, target.address) : [];
        });
        if (references.length === 0) continue;
        const name = terraformNameOf(key);
        const value = values[name];
        const unique = [...new Set(references)];
        // A block's references go on the block's attribute that holds the value, as Terraform nests them.
        const depValues = new Set(urns.flatMap((urn) => stateValues(byUrn.get(urn))));
        if (Array.isArray(value) && value.length === 1 && typeof value[0] === "object" && value[0] !== null) {
            const block = value[0] as Record<string, unknown>;
            const inner = Object.keys(block).filter((k) => leafValues(block[k]).some((v) => depValues.has(v)));
            if (inner.length > 0) {
                expressions[name] = [Object.fromEntries(inner.map((k) => [k, { references: unique }]))];
                continue;
            }
        }
        expressions[name] = { references: unique };
    }
    return expressions;
}

/** The plan of one stack's resources. Throws {@link MissingTerraformTypeError} for a cloud type the table lacks. */
export function terraformPlan(resources: readonly InventoryResource[], table: TerraformTypeTable = loadTerraformTypes()): TerraformPlan {
    const missing = [...new Set(resources.filter(isPlanResource).map((r) => r.type))]
        .filter((t) => table.resources[t] === undefined)
        .sort();
    if (missing.length > 0) throw new MissingTerraformTypeError(missing);
    const addresses = planAddresses(resources, table);
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const planned: PlannedResource[] = [];
    const configured: ConfiguredResource[] = [];
    const mapSets = new Map<string, ReadonlySet<string>>();
    for (const resource of resources.filter(isPlanResource)) {
        const entry = table.resources[resource.type];
        const target = addresses.get(resource.urn);
        const provider = terraformProvider(resource.type);
        if (!entry || !target || !provider) continue;
        const pkg = pulumiPackage(resource.type);
        let mapProperties = mapSets.get(pkg);
        if (mapProperties === undefined) {
            mapProperties = new Set(table.providers[pkg]?.mapProperties ?? []);
            mapSets.set(pkg, mapProperties);
        }
        const context = {
            fields: entry.fields,
            mapProperties,
            ...(entry.mapInputs !== undefined ? { resourceMaps: new Set(entry.mapInputs) } : {}),
        };
        const inputs = exportedInputs(resource);
        const values = terraformAttributes(inputs, context);
        const nameOf = (key: string): string => Object.keys(terraformAttributes({ [key]: inputs[key] }, context))[0];
        planned.push({
            address: target.address,
            mode: "managed",
            type: target.type,
            name: target.name,
            provider_name: PROVIDER_NAMES[provider],
            schema_version: 0,
            values,
            sensitive_values: {},
        });
        const dependsOn = resource.dependencies.map((urn) => addresses.get(urn)?.address).filter((a): a is string => a !== undefined);
        configured.push({
            address: target.address,
            mode: "managed",
            type: target.type,
            name: target.name,
            provider_config_key: provider,
            expressions: expressionsOf(resource, values, byUrn, addresses, nameOf),
            schema_version: 0,
            ...(dependsOn.length > 0 ? { depends_on: [...new Set(dependsOn)] } : {}),
        });
    }
    const providers = [...new Set(configured.map((c) => c.provider_config_key))].sort();
    return {
        format_version: PLAN_FORMAT_VERSION,
        terraform_version: TERRAFORM_VERSION,
        planned_values: { root_module: { resources: planned } },
        resource_changes: planned.map((p) => ({
            address: p.address,
            mode: p.mode,
            type: p.type,
            name: p.name,
            provider_name: p.provider_name,
            change: { actions: ["create"] as const, before: null, after: p.values, after_unknown: {} },
        })),
        configuration: {
            provider_config: Object.fromEntries(
                providers.map((p) => [p, { name: p, full_name: PROVIDER_NAMES[p as keyof typeof PROVIDER_NAMES] }]),
            ),
            root_module: { resources: configured },
        },
    };
}
