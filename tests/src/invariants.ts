/**
 * Invariants of the component contract (docs/components.md), checked over a synthesized
 * environment: what must hold for every resource, whichever component created it.
 *
 * 1. Physical names are unique per type and scope (two component instances never collide).
 * 2. Every resource has a parent; only providers, stack references and platform components sit
 *    directly under the root stack.
 * 3. A child of a protected parent is protected (nothing writes `protect: false` under it).
 * 4. Every cloud resource uses an explicit provider that carries the ownership tags / labels.
 * 5. In prod and dr, every stateful resource is protected and retained on delete.
 * 6. Every platform component registered its public outputs (`complete(...)`).
 */
import { isProductionEnvironment, isStatefulType, PROVIDER_TYPE_PREFIX, PULUMI_TYPES, REQUIRED_TAG_KEYS } from "@platform/core";
import type { InventoryResource } from "@platform/synth";

export interface InvariantViolation {
    readonly invariant:
        "unique-physical-name" | "parented" | "protection-inherited" | "ownership-tags" | "stateful-protected" | "outputs-registered";
    readonly urn: string;
    readonly detail: string;
}

/** A synthesized stack: its resources, and the environment it belongs to. */
export interface CheckedStack {
    readonly environment: string;
    readonly resources: readonly InventoryResource[];
}

function record(value: unknown): Record<string, unknown> {
    if (typeof value === "string") {
        try {
            return record(JSON.parse(value));
        } catch {
            return {};
        }
    }
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string | undefined {
    return typeof value === "string" && value.length > 0 ? value : undefined;
}

/**
 * The physical identity of a resource within its type: its `name` input, else its AWS `Name` tag,
 * qualified by what scopes the name (region, key ring, zone visibility). Undefined when autonamed.
 */
export function physicalIdentity(resource: InventoryResource): string | undefined {
    const name = str(resource.inputs["name"]) ?? str(record(resource.inputs["tags"])["Name"]);
    if (name === undefined) {
        return undefined;
    }
    const scope = [
        str(resource.inputs["project"]),
        str(resource.inputs["region"]) ?? str(resource.inputs["location"]),
        str(resource.inputs["keyRing"]),
        // A public and a private zone may share a domain (split-horizon DNS).
        resource.type === "aws:route53/zone:Zone" ? (resource.inputs["vpcs"] === undefined ? "public" : "private") : undefined,
        str(resource.inputs["visibility"]),
        // Route 53 tells the records of one name apart by zone, type and set identifier (a failover pair shares the name).
        ...(resource.type === "aws:route53/record:Record"
            ? [str(resource.inputs["zoneId"]), str(resource.inputs["type"]), str(resource.inputs["setIdentifier"])]
            : []),
    ].filter((s) => s !== undefined);
    return [...scope, name].join("/");
}

function uniqueNames(resources: readonly InventoryResource[]): InvariantViolation[] {
    const seen = new Map<string, InventoryResource>();
    const violations: InvariantViolation[] = [];
    for (const r of resources.filter((x) => x.custom && !x.type.startsWith(PROVIDER_TYPE_PREFIX))) {
        const identity = physicalIdentity(r);
        if (identity === undefined) continue;
        const key = `${r.type}|${identity}`;
        const first = seen.get(key);
        if (first) {
            violations.push({
                invariant: "unique-physical-name",
                urn: r.urn,
                detail: `${r.type} physical name ${identity} is also used by ${first.urn}`,
            });
        } else {
            seen.set(key, r);
        }
    }
    return violations;
}

function isDocumentedRoot(r: InventoryResource): boolean {
    return r.type.startsWith(PROVIDER_TYPE_PREFIX) || r.type === PULUMI_TYPES.stackReference || r.type.startsWith("platform:");
}

function parented(resources: readonly InventoryResource[]): InvariantViolation[] {
    const root = resources.find((r) => r.type === PULUMI_TYPES.stack);
    return resources
        .filter((r) => r.type !== PULUMI_TYPES.stack)
        .filter((r) => r.parent === null || (r.parent === root?.urn && !isDocumentedRoot(r)))
        .map((r) => ({
            invariant: "parented" as const,
            urn: r.urn,
            detail: r.parent === null ? "has no parent" : `${r.type} sits directly under the root stack; create it inside a component`,
        }));
}

function protectionInherited(resources: readonly InventoryResource[]): InvariantViolation[] {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    return resources
        .filter((r) => r.parent !== null && byUrn.get(r.parent)?.protect === true && !r.protect)
        .map((r) => ({ invariant: "protection-inherited" as const, urn: r.urn, detail: `unprotected under the protected ${r.parent}` }));
}

function ownershipTags(resources: readonly InventoryResource[]): InvariantViolation[] {
    const providers = new Map(resources.filter((r) => r.type.startsWith(PROVIDER_TYPE_PREFIX)).map((p) => [`${p.urn}::${p.id ?? ""}`, p]));
    const violations: InvariantViolation[] = [];
    for (const r of resources.filter((x) => x.custom && (x.type.startsWith("aws:") || x.type.startsWith("gcp:")))) {
        const provider = r.provider === null ? undefined : providers.get(r.provider);
        if (provider === undefined) {
            violations.push({
                invariant: "ownership-tags",
                urn: r.urn,
                detail: "uses a default provider, which carries no ownership tags",
            });
            continue;
        }
        const tags = r.type.startsWith("aws:")
            ? record(record(provider.inputs["defaultTags"])["tags"])
            : record(provider.inputs["defaultLabels"]);
        const missing = REQUIRED_TAG_KEYS.filter((k) => str(tags[k]) === undefined);
        if (missing.length > 0) {
            violations.push({ invariant: "ownership-tags", urn: r.urn, detail: `provider ${provider.name} lacks ${missing.join(", ")}` });
        }
    }
    return violations;
}

function statefulProtected(stack: CheckedStack): InvariantViolation[] {
    if (!isProductionEnvironment(stack.environment)) return [];
    return stack.resources
        .filter((r) => r.custom && isStatefulType(r.type) && !(r.protect && r.retainOnDelete))
        .map((r) => ({
            invariant: "stateful-protected" as const,
            urn: r.urn,
            detail: `stateful ${r.type} in ${stack.environment} has protect=${r.protect} retainOnDelete=${r.retainOnDelete}; both must be true`,
        }));
}

function outputsRegistered(resources: readonly InventoryResource[]): InvariantViolation[] {
    return resources
        .filter((r) => r.type.startsWith("platform:") && Object.keys(r.outputs).length === 0)
        .map((r) => ({
            invariant: "outputs-registered" as const,
            urn: r.urn,
            detail: "registered no outputs; call this.complete(...) with its public fields",
        }));
}

/** Every violation of the invariants in one environment (all its stacks: names are unique across stacks too). */
export function checkInvariants(stacks: readonly CheckedStack[]): InvariantViolation[] {
    const all = stacks.flatMap((s) => s.resources);
    return [
        ...uniqueNames(all),
        ...stacks.flatMap((s) => [
            ...parented(s.resources),
            ...protectionInherited(s.resources),
            ...ownershipTags(s.resources),
            ...statefulProtected(s),
            ...outputsRegistered(s.resources),
        ]),
    ];
}
