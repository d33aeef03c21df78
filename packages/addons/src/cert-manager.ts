/**
 * CertManager: cert-manager (CRDs included, kept on uninstall) with its controller, webhook and
 * cainjector replicated and spread over zones, and, when the environment has a public zone,
 * Let's Encrypt ClusterIssuers for staging (`letsencrypt-staging`: try here first, its rate
 * limits are generous) and production (`letsencrypt-production`), both solving DNS-01 in that
 * zone through Route 53 / Cloud DNS with cert-manager's own Pod Identity / Workload Identity: no
 * credentials in any issuer, and the zone is the only one it may write TXT records to.
 */
import * as gcp from "@pulumi/gcp";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { checkPattern, CLUSTER_ISSUERS, type Issue, PlatformComponent } from "@platform/core";
import { CloudIdentity } from "@platform/workload";
import { CHARTS } from "./charts.js";
import { checkReplicas, disruptionBudget } from "./common.js";
import { certManagerRoute53Policy } from "./iam.js";
import { LETS_ENCRYPT, letsEncryptIssuerManifest } from "./manifests.mjs";
import { type AddonContext, controllerPlacement, zoneSpread } from "./placement.js";
import { chartRelease } from "./release.js";
import { addonNamespace } from "./namespace.js";

export const CERT_MANAGER_NAMESPACE = "cert-manager";
export const CERT_MANAGER_SERVICE_ACCOUNT = "cert-manager";
export const ISSUER_NAMES = CLUSTER_ISSUERS;

/** The public zone DNS-01 challenges are answered in. */
export interface AcmeZone {
    /** The zone's domain, e.g. `acme.example.com`. */
    readonly domain: string;
    /** Route 53 hosted zone id (AWS) or the Cloud DNS managed zone's name (GCP). */
    readonly zoneId: pulumi.Input<string>;
}

export interface CertManagerArgs {
    readonly context: AddonContext;
    /** Replicas of the controller, webhook and cainjector (the profile's controllerReplicas). */
    readonly replicas: number;
    /** The ACME account email (`platform:platform.acmeEmail`). @default none */
    readonly acmeEmail?: string;
    /** The public zone; without one there are no Let's Encrypt issuers (it cannot validate private zones). */
    readonly publicZone?: AcmeZone;
}

/** Pass the cluster's kubernetes provider and the cloud provider in `providers`. */
export class CertManager extends PlatformComponent {
    readonly release: k8s.helm.v3.Release;
    /** The ClusterIssuers (empty without a public zone). */
    readonly issuerNames: string[];

    constructor(name: string, args: CertManagerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:addons:CertManager", name, args.context.naming, opts);
        this.validate(validateCertManagerArgs(args));
        const ctx = args.context;
        const namespace = addonNamespace(`${name}-namespace`, ctx, CERT_MANAGER_NAMESPACE, this);
        const zone = args.publicZone;
        const identity = new CloudIdentity(
            `${name}-identity`,
            {
                naming: ctx.naming,
                cluster: ctx.cluster,
                namespace: CERT_MANAGER_NAMESPACE,
                serviceAccount: CERT_MANAGER_SERVICE_ACCOUNT,
                ...(ctx.cloud === "aws" && zone !== undefined
                    ? { awsPolicy: pulumi.output(zone.zoneId).apply((id) => JSON.stringify(certManagerRoute53Policy(id))) }
                    : {}),
            },
            { parent: this },
        );
        if (ctx.cloud === "gcp" && zone !== undefined && ctx.cluster.cloud === "gcp" && identity.member !== undefined) {
            // DNS-01 writes TXT records in this zone only; listing zones needs the project's reader role.
            new gcp.dns.DnsManagedZoneIamMember(
                this.childName("zone-admin"),
                { project: ctx.cluster.project, managedZone: zone.zoneId, role: "roles/dns.admin", member: identity.member },
                this.childOptions({ dependsOn: [identity] }),
            );
            new gcp.projects.IAMMember(
                this.childName("dns-reader"),
                { project: ctx.cluster.project, role: "roles/dns.reader", member: identity.member },
                this.childOptions({ dependsOn: [identity] }),
            );
        }
        const place = controllerPlacement(ctx.onSystemNodes);
        const pdb = disruptionBudget(args.replicas);
        const component = (app: string) => ({
            replicaCount: args.replicas,
            podDisruptionBudget: pdb,
            nodeSelector: place.nodeSelector,
            tolerations: place.tolerations,
            topologySpreadConstraints: zoneSpread({ "app.kubernetes.io/instance": "cert-manager", "app.kubernetes.io/component": app }),
        });
        this.release = chartRelease(
            this.childName("release"),
            {
                name: "cert-manager",
                namespace: CERT_MANAGER_NAMESPACE,
                pin: CHARTS.certManager,
                values: {
                    crds: { enabled: true, keep: true },
                    ...component("controller"),
                    serviceAccount: { name: CERT_MANAGER_SERVICE_ACCOUNT, annotations: identity.serviceAccountAnnotations },
                    resources: { requests: { cpu: "50m", memory: "128Mi" }, limits: { memory: "512Mi" } },
                    // Answer DNS-01 self-checks from public resolvers, not the VPC's split-horizon view.
                    dns01RecursiveNameservers: "8.8.8.8:53,1.1.1.1:53",
                    dns01RecursiveNameserversOnly: true,
                    prometheus: { enabled: true, servicemonitor: { enabled: true } },
                    webhook: {
                        ...component("webhook"),
                        resources: { requests: { cpu: "25m", memory: "64Mi" }, limits: { memory: "256Mi" } },
                    },
                    cainjector: {
                        ...component("cainjector"),
                        resources: { requests: { cpu: "25m", memory: "128Mi" }, limits: { memory: "512Mi" } },
                    },
                    startupapicheck: { nodeSelector: place.nodeSelector, tolerations: place.tolerations },
                },
            },
            this.childOptions({ dependsOn: [namespace, identity] }),
        );

        this.issuerNames = [];
        if (zone !== undefined) {
            for (const [stage, issuer] of Object.entries(ISSUER_NAMES) as Array<[keyof typeof ISSUER_NAMES, string]>) {
                const solver = (zoneId: string) =>
                    ctx.cluster.cloud === "aws"
                        ? ({ cloud: "aws", region: ctx.region, hostedZoneId: zoneId } as const)
                        : ({ cloud: "gcp", project: ctx.cluster.project, managedZone: zoneId } as const);
                const values = {
                    name: issuer,
                    server: LETS_ENCRYPT[stage],
                    ...(args.acmeEmail !== undefined ? { email: args.acmeEmail } : {}),
                    zone: zone.domain,
                    labels: ctx.labels,
                };
                // Validate the shape now; the zone id is known only after deployment.
                letsEncryptIssuerManifest({ ...values, solver: solver("Z0000000000000") });
                const manifest = pulumi.output(zone.zoneId).apply((id) => letsEncryptIssuerManifest({ ...values, solver: solver(id) }));
                new k8s.apiextensions.CustomResource(
                    this.childName(`issuer-${stage}`),
                    {
                        apiVersion: "cert-manager.io/v1",
                        kind: "ClusterIssuer",
                        metadata: { name: issuer, labels: { ...ctx.labels } },
                        spec: manifest.apply((m) => m["spec"]),
                    },
                    this.childOptions({ dependsOn: [this.release] }),
                );
                this.issuerNames.push(issuer);
            }
        }
        this.complete("issuerNames");
    }
}

/** Every problem with CertManager's arguments. */
export function validateCertManagerArgs(args: CertManagerArgs): Issue[] {
    return [
        ...checkReplicas("replicas", args.replicas),
        ...(args.publicZone !== undefined
            ? checkPattern(
                  "publicZone.domain",
                  args.publicZone.domain,
                  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z]{2,}$/,
                  "a public domain such as acme.example.com",
              )
            : []),
    ];
}
