/**
 * An Ingress for one Workload on the platform's ingress-nginx or Kong (the golden path's way onto
 * a controller): one host with a cert-manager certificate, every path to the Workload's Service,
 * which the controller reaches through its mesh sidecar (docs/addons.md): on nginx through this
 * Ingress's annotations, on Kong through the Service's, which the Workload sets. One Service per
 * Ingress, as nginx's upstream vhost requires. With `publicGateway`, the host is also routed from
 * the public edge to the controller. Under the Workload, created after it.
 */
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import {
    checkOneOf,
    checkPattern,
    CLUSTER_ISSUERS,
    DOMAIN_NAME_PATTERN,
    formatIssues,
    INGRESS_CLASSES,
    INGRESS_CONTROLLER_PROXIES,
    type Issue,
    meshServiceHost,
    NGINX_MESH_UPSTREAM,
} from "@platform/core";
import { ingressManifest } from "./manifests/workload.mjs";
import { nginxMeshUpstream } from "./mesh-upstream.js";
import { edgeRoute } from "./public-route.js";
import { GATEWAY_REF } from "./workload-validation.js";
import type { Workload } from "./workload.js";

export type IngressController = keyof typeof INGRESS_CLASSES;

export interface WorkloadIngressArgs {
    /** `nginx` (ingress-nginx, seed N16) or `kong` (seed 004's API gateway). */
    readonly controller: IngressController;
    /** The name it serves (a DNS name under the environment's zone). */
    readonly host: string;
    /** @default "/" */
    readonly pathPrefix?: string;
    /**
     * The cert-manager ClusterIssuer of the host's certificate; not `letsencrypt-staging` with
     * `publicGateway` (the edge's gateway verifies the certificate). @default "letsencrypt-production"
     */
    readonly clusterIssuer?: string;
    /**
     * The controller's own settings (`konghq.com/*`, `nginx.ingress.kubernetes.io/*`). The mesh
     * upstream annotations are the platform's and cannot be set here. @default {}
     */
    readonly annotations?: Readonly<Record<string, string>>;
    /** Labels (the team's `app`, `team`, `environment`). @default {} */
    readonly labels?: Readonly<Record<string, string>>;
    /**
     * Publish the host on the environment's public edge (the WAF / Cloud Armor-guarded load
     * balancer): a VirtualService `<name>-ingress-public` on the edge's Istio Gateway
     * (`<namespace>/<name>`, the platform contract's `istio.publicGateway`: `AppStack.publicGateway(host)`)
     * sends the host's paths to the controller's HTTPS port, over TLS the gateway originates and
     * verifies against this Ingress's certificate (the controller's DestinationRule, docs/addons.md).
     * Behind an edge the controllers' load balancers are internal: without this the host answers
     * only inside the VPC. The host must be among the edge's names (`edgeServes`).
     * @default not published on the edge
     */
    readonly publicGateway?: pulumi.Input<string>;
}

/** Every problem with the arguments, in the platform's one error format. */
export function validateWorkloadIngressArgs(args: WorkloadIngressArgs): Issue[] {
    const reserved = Object.values(NGINX_MESH_UPSTREAM).filter((key) => args.annotations?.[key] !== undefined);
    return [
        ...checkOneOf("controller", args.controller, Object.keys(INGRESS_CLASSES)),
        ...checkPattern("host", args.host, DOMAIN_NAME_PATTERN, "a lower-case DNS name, e.g. api.acme.example.com"),
        ...(args.pathPrefix === undefined || args.pathPrefix.startsWith("/")
            ? []
            : [{ field: "pathPrefix", value: args.pathPrefix, problem: "does not start with /", fix: `use "/${args.pathPrefix}"` }]),
        ...(typeof args.publicGateway === "string"
            ? checkPattern("publicGateway", args.publicGateway, GATEWAY_REF, "<namespace>/<name>, e.g. istio-ingress/public-edge")
            : []),
        ...(args.publicGateway !== undefined && args.clusterIssuer === CLUSTER_ISSUERS.staging
            ? [
                  {
                      field: "clusterIssuer",
                      value: args.clusterIssuer,
                      problem:
                          "issues certificates no client trusts, and the edge's gateway checks the controller's certificate, so the published host would answer 503",
                      fix: `use "${CLUSTER_ISSUERS.production}", or leave publicGateway unset`,
                  },
              ]
            : []),
        ...reserved.map((key) => ({
            field: `annotations["${key}"]`,
            value: args.annotations?.[key],
            problem: "is the platform's: it sends the controller's traffic through the mesh",
            fix: "leave it out",
        })),
    ];
}

/**
 * The Ingress `name` for `workload` (its namespace, Service and port), and with `publicGateway`
 * its route from the edge; throws every problem with `args` at once. `opts` gives the kubernetes
 * provider; the Ingress is a child of the Workload and waits for it, the route a child of the Ingress.
 */
export function workloadIngress(
    name: string,
    workload: Workload,
    args: WorkloadIngressArgs,
    opts: pulumi.CustomResourceOptions,
): k8s.networking.v1.Ingress {
    const issues = validateWorkloadIngressArgs(args);
    if (issues.length > 0) {
        throw new Error(formatIssues(`Invalid arguments for workloadIngress "${name}"`, issues));
    }
    const labels = args.labels ?? {};
    const pathPrefix = args.pathPrefix ?? "/";
    const ingress = new k8s.networking.v1.Ingress(
        name,
        ingressManifest({
            name,
            namespace: workload.namespaceName,
            labels,
            annotations: {
                ...args.annotations,
                "cert-manager.io/cluster-issuer": args.clusterIssuer ?? CLUSTER_ISSUERS.production,
                ...(args.controller === "nginx" ? nginxMeshUpstream(workload.appName, workload.namespaceName) : {}),
            },
            ingressClassName: INGRESS_CLASSES[args.controller],
            host: args.host,
            pathPrefix,
            service: workload.appName,
            port: workload.port,
        }),
        { ...opts, parent: workload, dependsOn: [workload] },
    );
    if (args.publicGateway !== undefined) {
        const proxy = INGRESS_CONTROLLER_PROXIES[args.controller];
        edgeRoute(
            `${name}-public-route`,
            args.publicGateway,
            {
                // Not `<name>-public`: a Workload of the Ingress's name publishes its own route under that.
                name: `${name}-ingress`,
                namespace: workload.namespaceName,
                labels,
                hostnames: [args.host],
                pathPrefix,
                serviceHost: meshServiceHost(proxy.service, proxy.namespace),
                port: proxy.httpsPort,
            },
            // A child of the Ingress, not of the Workload: a second child of the Workload depending
            // on it would wait for the Ingress, which waits for every child of the Workload.
            { ...opts, parent: ingress },
        );
    }
    return ingress;
}
