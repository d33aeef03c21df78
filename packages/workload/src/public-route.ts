/**
 * A route from the public edge: an Istio VirtualService on the edge's Gateway (the platform
 * contract's `istio.publicGateway`, known once the platform layer is deployed) sending the given
 * names to one in-cluster destination. A Workload's `publicRoute` sends them to its Service;
 * `workloadIngress` with `publicGateway` to the ingress controller that serves the host.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { publicRouteManifest } from "./manifests/workload.mjs";

export type PublicRouteArgs = Omit<Parameters<typeof publicRouteManifest>[0], "gateway">;

/** The VirtualService `<args.name>-public` in `args.namespace`; the manifest is validated now, with a stand-in gateway. */
export function edgeRoute(
    resourceName: string,
    gateway: pulumi.Input<string>,
    args: PublicRouteArgs,
    opts: pulumi.CustomResourceOptions,
): k8s.apiextensions.CustomResource {
    // The schema check must not wait for the gateway, which a preview may not know.
    publicRouteManifest({ ...args, gateway: "istio-ingress/public-edge" });
    const manifest = pulumi.output(gateway).apply((g) => publicRouteManifest({ ...args, gateway: g }));
    return new k8s.apiextensions.CustomResource(
        resourceName,
        {
            apiVersion: "networking.istio.io/v1",
            kind: "VirtualService",
            metadata: manifest.apply((m) => m["metadata"] as k8s.types.input.meta.v1.ObjectMeta),
            spec: manifest.apply((m) => m["spec"]),
        },
        opts,
    );
}
