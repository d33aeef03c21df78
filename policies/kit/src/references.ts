/**
 * Following references between resources in stack policies (a flow log's `vpcId`, a NAT
 * gateway's `subnetId`). During a real preview the referenced id is unknown for resources not yet
 * created, so reading it would abort the policy; property dependencies and dependencies carry the
 * same link by URN and are always known. Order: property dependencies, then a known id, then
 * dependencies.
 */
import type { PolicyResource } from "@pulumi/policy";
import { isUnknownValueError } from "./proxy.js";
import { asNonEmptyString } from "./values.js";

export type Known<T> = { readonly known: true; readonly value: T } | { readonly known: false };

/** Runs a read of policy props; `known: false` when it touched a value unknown during preview. */
export function tryRead<T>(read: () => T): Known<T> {
    try {
        return { known: true, value: read() };
    } catch (err) {
        if (isUnknownValueError(err)) return { known: false };
        throw err;
    }
}

/**
 * True for a resource the engine passed with no properties at all: in a preview, an object of a
 * provider it cannot configure yet (a Kubernetes provider whose kubeconfig comes from a stack not
 * deployed yet) reaches the analyzer as `{}`, not as unknown values. Such a resource is not judged.
 */
export function withoutPropertiesYet(resource: Pick<PolicyResource, "props">): boolean {
    return Object.keys(resource.props).length === 0;
}

/** The resource's id when its props carry a known, non-empty one. */
export function knownId(resource: Pick<PolicyResource, "props">): string | undefined {
    const id = tryRead(() => asNonEmptyString(resource.props["id"]));
    return id.known ? id.value : undefined;
}

/** The candidates `resource.props[property]` refers to (see the module comment for how). */
export function referencedResources(resource: PolicyResource, property: string, candidates: readonly PolicyResource[]): PolicyResource[] {
    const byProperty = resource.propertyDependencies[property] ?? [];
    if (byProperty.length > 0) {
        return candidates.filter((c) => byProperty.some((d) => d.urn === c.urn));
    }
    const value = tryRead(() => resource.props[property] as unknown);
    if (value.known) {
        const id = asNonEmptyString(value.value);
        return id === undefined ? [] : candidates.filter((c) => knownId(c) === id);
    }
    return candidates.filter((c) => resource.dependencies.some((d) => d.urn === c.urn));
}

/** `<id or name> (<urn>)`: how messages name a resource. */
export function resourceLabel(resource: Pick<PolicyResource, "name" | "urn" | "props">): string {
    return `${knownId(resource) ?? resource.name} (${resource.urn})`;
}
