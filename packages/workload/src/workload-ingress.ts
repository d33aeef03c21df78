/**
 * An Ingress for one Workload on the platform's ingress-nginx or Kong (the golden path's way onto
 * a controller): one host with a cert-manager certificate, every path to the Workload's Service,
 * which the controller reaches through its mesh sidecar (docs/addons.md): on nginx through this
 * Ingress's annotations, on Kong through the Service's, which the Workload sets. One Service per
 * Ingress, as nginx's upstream vhost requires. A child of the Workload, created after it.
 */
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import {
    checkOneOf,
    checkPattern,
    DOMAIN_NAME_PATTERN,
    formatIssues,
    INGRESS_CLASSES,
    type Issue,
    NGINX_MESH_UPSTREAM,
} from "@platform/core";
import { ingressManifest } from "./manifests/workload.mjs";
import { nginxMeshUpstream } from "./mesh-upstream.js";
import type { Workload } from "./workload.js";

export type IngressController = keyof typeof INGRESS_CLASSES;

export interface WorkloadIngressArgs {
    /** `nginx` (ingress-nginx, seed N16) or `kong` (seed 004's API gateway). */
    readonly controller: IngressController;
    /** The name it serves (a DNS name under the environment's zone). */
    readonly host: string;
    /** @default "/" */
    readonly pathPrefix?: string;
    /** The cert-manager ClusterIssuer of the host's certificate. @default "letsencrypt-production" */
    readonly clusterIssuer?: string;
    /**
     * The controller's own settings (`konghq.com/*`, `nginx.ingress.kubernetes.io/*`). The mesh
     * upstream annotations are the platform's and cannot be set here. @default {}
     */
    readonly annotations?: Readonly<Record<string, string>>;
    /** Labels (the team's `app`, `team`, `environment`). @default {} */
    readonly labels?: Readonly<Record<string, string>>;
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
        ...reserved.map((key) => ({
            field: `annotations["${key}"]`,
            value: args.annotations?.[key],
            problem: "is the platform's: it sends the controller's traffic through the mesh",
            fix: "leave it out",
        })),
    ];
}

/**
 * The Ingress `name` for `workload` (its namespace, Service and port); throws every problem with
 * `args` at once. `opts` gives the kubernetes provider; its parent and dependsOn are the Workload.
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
    return new k8s.networking.v1.Ingress(
        name,
        ingressManifest({
            name,
            namespace: workload.namespaceName,
            labels: args.labels ?? {},
            annotations: {
                ...args.annotations,
                "cert-manager.io/cluster-issuer": args.clusterIssuer ?? "letsencrypt-production",
                ...(args.controller === "nginx" ? nginxMeshUpstream(workload.appName, workload.namespaceName) : {}),
            },
            ingressClassName: INGRESS_CLASSES[args.controller],
            host: args.host,
            pathPrefix: args.pathPrefix ?? "/",
            service: workload.appName,
            port: workload.port,
        }),
        { ...opts, parent: workload, dependsOn: [workload] },
    );
}
