/**
 * Reading GKE Gateways the way GKE's Gateway controller does, for the public-gateway policies: which
 * Gateways get an internet-facing load balancer, their listeners, the HTTPRoutes attached to each
 * listener, and the GKE policies (GCPBackendPolicy, GCPGatewayPolicy) that target a Service or a
 * Gateway. Objects whose spec is unknown (a preview before the cloud names exist) are left out, so
 * nothing is judged on a guess.
 */
import type { PolicyResource } from "@pulumi/policy";
import { asArray, asNumber, asRecord, asString, resourcesOfTypes, tryRead } from "@platform/policy-kit";
import { KUBERNETES_TYPES } from "@platform/facts";

/** GKE GatewayClasses whose load balancer faces the internet (single- and multi-cluster). */
export const GKE_EXTERNAL_GATEWAY_CLASSES: readonly string[] = [
    "gke-l7-global-external-managed",
    "gke-l7-regional-external-managed",
    "gke-l7-gxlb",
    "gke-l7-global-external-managed-mc",
    "gke-l7-regional-external-managed-mc",
    "gke-l7-gxlb-mc",
];

export interface Listener {
    readonly name: string;
    readonly protocol: string;
    readonly port: number | undefined;
}

export interface PublicGateway {
    readonly resource: PolicyResource;
    readonly name: string;
    readonly namespace: string;
    readonly listeners: readonly Listener[];
}

export interface Route {
    readonly resource: PolicyResource;
    readonly namespace: string;
    /** The Gateways (namespace/name) and listener names (undefined: every listener) it attaches to. */
    readonly parents: readonly { readonly gateway: string; readonly sectionName: string | undefined }[];
    /** Services (namespace/name) its rules send traffic to. */
    readonly services: readonly string[];
    /** Whether every rule only redirects to https. */
    readonly redirectsToHttpsOnly: boolean;
}

const metadataOf = (props: Record<string, unknown>) => asRecord(props["metadata"]) ?? {};
const nameOf = (props: Record<string, unknown>, fallback: string) => asString(metadataOf(props)["name"]) ?? fallback;
const namespaceOf = (props: Record<string, unknown>) => asString(metadataOf(props)["namespace"]) ?? "default";

/** Props of a resource when every value is known; undefined while any is unknown. */
function known(resource: PolicyResource): Record<string, unknown> | undefined {
    const read = tryRead(() => JSON.parse(JSON.stringify(resource.props)) as Record<string, unknown>);
    return read.known ? read.value : undefined;
}

/** Gateways of an internet-facing GKE class. */
export function publicGateways(resources: readonly PolicyResource[]): PublicGateway[] {
    return resourcesOfTypes(resources, KUBERNETES_TYPES.gateway).flatMap((resource): PublicGateway[] => {
        const props = known(resource);
        const spec = asRecord(props?.["spec"]);
        if (props === undefined || spec === undefined) return [];
        if (!GKE_EXTERNAL_GATEWAY_CLASSES.includes(asString(spec["gatewayClassName"]) ?? "")) return [];
        const listeners = (asArray(spec["listeners"]) ?? []).map((l): Listener => {
            const r = asRecord(l) ?? {};
            return { name: asString(r["name"]) ?? "", protocol: asString(r["protocol"]) ?? "", port: asNumber(r["port"]) };
        });
        return [{ resource, name: nameOf(props, resource.name), namespace: namespaceOf(props), listeners }];
    });
}

/** HTTPRoutes with known specs. */
export function httpRoutes(resources: readonly PolicyResource[]): Route[] {
    return resourcesOfTypes(resources, KUBERNETES_TYPES.httpRoute).flatMap((resource): Route[] => {
        const props = known(resource);
        const spec = asRecord(props?.["spec"]);
        if (props === undefined || spec === undefined) return [];
        const namespace = namespaceOf(props);
        const parents = (asArray(spec["parentRefs"]) ?? []).flatMap((p) => {
            const r = asRecord(p) ?? {};
            const kind = asString(r["kind"]) ?? "Gateway";
            if (kind !== "Gateway") return [];
            return [
                {
                    gateway: `${asString(r["namespace"]) ?? namespace}/${asString(r["name"]) ?? ""}`,
                    sectionName: asString(r["sectionName"]),
                },
            ];
        });
        const rules = (asArray(spec["rules"]) ?? []).map((r) => asRecord(r) ?? {});
        const services = rules.flatMap((rule) =>
            (asArray(rule["backendRefs"]) ?? []).flatMap((b) => {
                const ref = asRecord(b) ?? {};
                const kind = asString(ref["kind"]) ?? "Service";
                const group = asString(ref["group"]) ?? "";
                return kind === "Service" && group === ""
                    ? [`${asString(ref["namespace"]) ?? namespace}/${asString(ref["name"]) ?? ""}`]
                    : [];
            }),
        );
        const redirectsToHttpsOnly =
            rules.length > 0 &&
            rules.every((rule) => {
                if ((asArray(rule["backendRefs"]) ?? []).length > 0) return false;
                const filters = (asArray(rule["filters"]) ?? []).map((f) => asRecord(f) ?? {});
                return filters.some(
                    (f) => asString(f["type"]) === "RequestRedirect" && asString(asRecord(f["requestRedirect"])?.["scheme"]) === "https",
                );
            });
        return [{ resource, namespace, parents, services, redirectsToHttpsOnly }];
    });
}

/** Routes attached to a listener of the Gateway (a parentRef without sectionName attaches to all). */
export function routesOn(gateway: PublicGateway, listener: Listener, routes: readonly Route[]): Route[] {
    const key = `${gateway.namespace}/${gateway.name}`;
    return routes.filter((r) =>
        r.parents.some((p) => p.gateway === key && (p.sectionName === undefined || p.sectionName === listener.name)),
    );
}

/**
 * The `spec.default` of GKE policies of `type` by their target (`<namespace>/<Kind>/<name>`);
 * policies with unknown specs are listed as `unknown` so the target is not judged.
 */
export function policyDefaultsByTarget(
    resources: readonly PolicyResource[],
    type: string,
): Map<string, Record<string, unknown> | "unknown"> {
    const byTarget = new Map<string, Record<string, unknown> | "unknown">();
    for (const resource of resourcesOfTypes(resources, type)) {
        const props = known(resource);
        const spec = asRecord(props?.["spec"]);
        if (props === undefined || spec === undefined) {
            // The target itself may be unknown too; mark every target of this name as not judgeable.
            byTarget.set(`unknown:${resource.urn}`, "unknown");
            continue;
        }
        const target = asRecord(spec["targetRef"]) ?? {};
        const key = `${asString(target["namespace"]) ?? namespaceOf(props)}/${asString(target["kind"]) ?? ""}/${asString(target["name"]) ?? ""}`;
        byTarget.set(key, asRecord(spec["default"]) ?? {});
    }
    return byTarget;
}

/** Whether some policy's spec could not be read (a preview): then a missing policy is not judged. */
export function anyUnknown(byTarget: Map<string, Record<string, unknown> | "unknown">): boolean {
    return [...byTarget.values()].includes("unknown");
}
