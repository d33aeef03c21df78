/**
 * The add-ons' custom resources, built with the typed models of `@kubernetes-models/*` and
 * validated against their schemas: cert-manager ClusterIssuers, the External Secrets
 * ClusterSecretStore, Istio's mesh-wide PeerAuthentication and KEDA's ClusterTriggerAuthentication.
 * Also registers these kinds (and Karpenter's) with the schema registry the tests validate every
 * synthesized object against.
 */
import { ClusterIssuer } from "@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer";
import { ClusterSecretStore } from "@kubernetes-models/external-secrets/external-secrets.io/v1/ClusterSecretStore";
import { PeerAuthentication } from "@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication";
import { DestinationRule } from "@kubernetes-models/istio/networking.istio.io/v1/DestinationRule";
import { Gateway as IstioGateway } from "@kubernetes-models/istio/networking.istio.io/v1/Gateway";
import { ClusterTriggerAuthentication } from "@kubernetes-models/keda/keda.sh/v1alpha1/ClusterTriggerAuthentication";
import { EC2NodeClass } from "@kubernetes-models/karpenter/karpenter.k8s.aws/v1/EC2NodeClass";
import { NodePool } from "@kubernetes-models/karpenter/karpenter.sh/v1/NodePool";
import { registerModels } from "@platform/workload/schemas";

registerModels({
    "cert-manager.io/v1/ClusterIssuer": ClusterIssuer,
    "external-secrets.io/v1/ClusterSecretStore": ClusterSecretStore,
    "keda.sh/v1alpha1/ClusterTriggerAuthentication": ClusterTriggerAuthentication,
    "networking.istio.io/v1/DestinationRule": DestinationRule,
    "karpenter.k8s.aws/v1/EC2NodeClass": EC2NodeClass,
    "karpenter.sh/v1/NodePool": NodePool,
});

type Json = Record<string, unknown>;

function done(model: { validate(): void; toJSON(): unknown }): Json {
    model.validate();
    return model.toJSON() as Json;
}

/** Let's Encrypt's ACME directories. */
export const LETS_ENCRYPT = {
    staging: "https://acme-staging-v02.api.letsencrypt.org/directory",
    production: "https://acme-v02.api.letsencrypt.org/directory",
} as const;

export type Dns01Solver =
    | { readonly cloud: "aws"; readonly region: string; readonly hostedZoneId: string }
    | { readonly cloud: "gcp"; readonly project: string; readonly managedZone: string };

/**
 * A Let's Encrypt ClusterIssuer solving DNS-01 in the platform's public zone, with cert-manager's
 * own cloud identity (no credentials in the issuer: ambient Pod Identity / Workload Identity).
 */
export function letsEncryptIssuerManifest(v: {
    name: string;
    server: string;
    email?: string;
    zone: string;
    solver: Dns01Solver;
    labels: Readonly<Record<string, string>>;
}): Json {
    const dns01 =
        v.solver.cloud === "aws"
            ? { route53: { region: v.solver.region, hostedZoneID: v.solver.hostedZoneId } }
            : { cloudDNS: { project: v.solver.project, hostedZoneName: v.solver.managedZone } };
    return done(
        new ClusterIssuer({
            metadata: { name: v.name, labels: { ...v.labels } },
            spec: {
                acme: {
                    server: v.server,
                    ...(v.email !== undefined ? { email: v.email } : {}),
                    privateKeySecretRef: { name: `${v.name}-account-key` },
                    solvers: [{ selector: { dnsZones: [v.zone] }, dns01 }],
                },
            },
        }),
    );
}

/** The ClusterSecretStore of the environment's cloud secret store, read with the operator's own identity. */
export function clusterSecretStoreManifest(v: {
    name: string;
    store: { readonly cloud: "aws"; readonly region: string } | { readonly cloud: "gcp"; readonly project: string };
    labels: Readonly<Record<string, string>>;
}): Json {
    const provider =
        v.store.cloud === "aws"
            ? { aws: { service: "SecretsManager" as const, region: v.store.region } }
            : { gcpsm: { projectID: v.store.project } };
    return done(new ClusterSecretStore({ metadata: { name: v.name, labels: { ...v.labels } }, spec: { provider, refreshInterval: 300 } }));
}

/** Mesh-wide mutual TLS: the root namespace's `default` PeerAuthentication in STRICT mode (seed 001 N23). */
export function strictMtlsManifest(rootNamespace: string, labels: Readonly<Record<string, string>>): Json {
    return done(
        new PeerAuthentication({
            metadata: { name: "default", namespace: rootNamespace, labels: { ...labels } },
            spec: { mtls: { mode: "STRICT" } },
        }),
    );
}

/**
 * How the mesh reaches an ingress controller's HTTPS port: one-way TLS (`SIMPLE`), not Istio's
 * mutual TLS, which the controller's sidecar would not take (it captures no inbound traffic), so
 * the controller itself terminates. No SNI and no CA are set on purpose: since Istio 1.20 the
 * client sends the request's Host as SNI and verifies the controller's certificate (its Ingress's
 * cert-manager certificate for that host) against that name and the proxy's system CAs.
 */
export function controllerTlsOriginationManifest(v: {
    name: string;
    namespace: string;
    labels: Readonly<Record<string, string>>;
    host: string;
    httpsPort: number;
}): Json {
    return done(
        new DestinationRule({
            metadata: { name: v.name, namespace: v.namespace, labels: { ...v.labels } },
            spec: {
                host: v.host,
                trafficPolicy: { portLevelSettings: [{ port: { number: v.httpsPort }, tls: { mode: "SIMPLE" } }] },
            },
        }),
    );
}

/** A ClusterTriggerAuthentication: KEDA scalers authenticate as the KEDA operator (Pod Identity / Workload Identity). */
export function kedaPodIdentityManifest(name: string, cloud: "aws" | "gcp", labels: Readonly<Record<string, string>>): Json {
    return done(
        new ClusterTriggerAuthentication({
            metadata: { name, labels: { ...labels } },
            spec: { podIdentity: { provider: cloud === "aws" ? "aws" : "gcp" } },
        }),
    );
}

/**
 * The platform's Istio Gateway for the public edge: the ingress gateway's pods accept these hosts
 * on plain HTTP port 80, behind the cloud load balancer that terminated TLS (ALB with WAF, or the
 * GKE Gateway with Cloud Armor). Any namespace may bind a VirtualService to it for these hosts.
 */
export function publicEdgeGatewayManifest(v: {
    name: string;
    namespace: string;
    labels: Readonly<Record<string, string>>;
    selector: Readonly<Record<string, string>>;
    hosts: readonly string[];
    port: number;
}): Json {
    return done(
        new IstioGateway({
            metadata: { name: v.name, namespace: v.namespace, labels: { ...v.labels } },
            spec: {
                selector: { ...v.selector },
                servers: [{ port: { number: v.port, name: "http", protocol: "HTTP" }, hosts: v.hosts.map((h) => `*/${h}`) }],
            },
        }),
    );
}
