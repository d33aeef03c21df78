/**
 * An ingress controller as a client of the mesh (Istio's pattern for third-party load balancers):
 * the apps' namespaces accept mTLS only (STRICT), so ingress-nginx and Kong, outside the mesh,
 * could not reach a single app. Their pods get a sidecar for their outbound calls only:
 * - injected per pod (`sidecar.istio.io/inject`), not per namespace: the namespace carries no
 *   `istio-injection` label (`disabled` would refuse the pod label too), and the charts' hook Jobs
 *   (the admission webhook's certificate jobs) run without a sidecar that would keep them from finishing;
 * - no inbound capture (`traffic.sidecar.istio.io/includeInboundPorts: ""`): the load balancer,
 *   the API server's admission calls and Prometheus reach the controller as before, client
 *   addresses kept;
 * - the controller sends to the app's Service by its name, so the sidecar can route it and
 *   speak mTLS as the controller's identity: Kong through the Workload Service's annotations,
 *   nginx through the Ingress's (`nginxMeshUpstream` in @platform/workload, and the kubernetes
 *   pack's `kubernetes-ingress-nginx-mesh-upstream` checks it).
 * The controllers start after istiod (its injection webhook), or their first pods run without one.
 */
import { INGRESS_CONTROLLER_PROXIES, meshServiceHost } from "@platform/core";

export const MESH_CLIENT_POD = {
    labels: { "sidecar.istio.io/inject": "true" },
    annotations: { "traffic.sidecar.istio.io/includeInboundPorts": "" },
} as const;

/** The chart values for a controller's pod metadata, as copies (charts' values are plain data). */
export function meshClientPodValues(): { podLabels: Record<string, string>; podAnnotations: Record<string, string> } {
    return { podLabels: { ...MESH_CLIENT_POD.labels }, podAnnotations: { ...MESH_CLIENT_POD.annotations } };
}

/**
 * The arguments of a controller's DestinationRule (`controllerTlsOriginationManifest`): the mesh,
 * that is the public edge's Istio gateway routing a host published on the controller
 * (`workloadIngress` with `publicGateway`), reaches the controller's HTTPS port with one-way TLS,
 * since the controller's sidecar takes no inbound mTLS. Encrypted all the way, and the controller
 * sees HTTPS, so its own HTTP-to-HTTPS redirects do not loop.
 */
export function controllerTlsOrigination(
    controller: keyof typeof INGRESS_CONTROLLER_PROXIES,
    labels: Readonly<Record<string, string>>,
): { name: string; namespace: string; labels: Readonly<Record<string, string>>; host: string; httpsPort: number } {
    const proxy = INGRESS_CONTROLLER_PROXIES[controller];
    return {
        name: `${proxy.service}-tls`,
        namespace: proxy.namespace,
        labels,
        host: meshServiceHost(proxy.service, proxy.namespace),
        httpsPort: proxy.httpsPort,
    };
}
