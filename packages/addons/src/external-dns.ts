/**
 * ExternalDns: ExternalDNS (seed N12) publishing Services, Ingresses and Istio Gateways /
 * VirtualServices into the platform's zones only (domain and zone-id filters, and an IAM policy or
 * zone-level grants that cover nothing else), owning its records through TXT records named for
 * the cluster, and never deleting records in production (`upsert-only` in prod and dr, `sync`
 * elsewhere). A single replica: ExternalDNS has no leader election, two would race.
 */
import * as gcp from "@pulumi/gcp";
import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { checkUnique, type Issue, isProductionEnvironment, PlatformComponent } from "@platform/core";
import { CloudIdentity } from "@platform/workload";
import { CHARTS } from "./charts.js";
import { externalDnsRoute53Policy } from "./iam.js";
import { type AddonContext, controllerPlacement } from "./placement.js";
import { chartRelease } from "./release.js";
import { addonNamespace } from "./namespace.js";

export const EXTERNAL_DNS_NAMESPACE = "external-dns";
export const EXTERNAL_DNS_SERVICE_ACCOUNT = "external-dns";

export interface DnsZone {
    /** The zone's domain. */
    readonly domain: string;
    /** Route 53 hosted zone id (AWS) or Cloud DNS managed zone name (GCP). */
    readonly zoneId: pulumi.Input<string>;
}

export interface ExternalDnsArgs {
    readonly context: AddonContext;
    /** The platform's zones (public and private); ExternalDNS touches no other. */
    readonly zones: readonly DnsZone[];
}

export class ExternalDns extends PlatformComponent {
    readonly release: k8s.helm.v3.Release;
    readonly policy: string;
    readonly domains: string[];

    constructor(name: string, args: ExternalDnsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:addons:ExternalDns", name, args.context.naming, opts);
        this.validate(validateExternalDnsArgs(args));
        const ctx = args.context;
        const namespace = addonNamespace(`${name}-namespace`, ctx, EXTERNAL_DNS_NAMESPACE, this);
        const zoneIds = pulumi.all(args.zones.map((z) => z.zoneId));
        const identity = new CloudIdentity(
            `${name}-identity`,
            {
                naming: ctx.naming,
                cluster: ctx.cluster,
                namespace: EXTERNAL_DNS_NAMESPACE,
                serviceAccount: EXTERNAL_DNS_SERVICE_ACCOUNT,
                ...(ctx.cloud === "aws" ? { awsPolicy: zoneIds.apply((ids) => JSON.stringify(externalDnsRoute53Policy(ids))) } : {}),
            },
            { parent: this },
        );
        const grants: pulumi.Resource[] = [];
        if (ctx.cluster.cloud === "gcp" && identity.member !== undefined) {
            const project = ctx.cluster.project;
            const member = identity.member;
            args.zones.forEach((zone, i) =>
                grants.push(
                    new gcp.dns.DnsManagedZoneIamMember(
                        this.childName(`zone-${i}`),
                        { project, managedZone: zone.zoneId, role: "roles/dns.admin", member },
                        this.childOptions({ dependsOn: [identity] }),
                    ),
                ),
            );
            grants.push(
                new gcp.projects.IAMMember(
                    this.childName("dns-reader"),
                    { project, role: "roles/dns.reader", member },
                    this.childOptions({ dependsOn: [identity] }),
                ),
            );
        }
        const policy = isProductionEnvironment(ctx.naming.environment) ? "upsert-only" : "sync";
        const domains = args.zones.map((z) => z.domain);
        const place = controllerPlacement(ctx.onSystemNodes);
        const provider =
            ctx.cluster.cloud === "aws"
                ? { provider: { name: "aws" }, env: [{ name: "AWS_DEFAULT_REGION", value: ctx.region }] }
                : { provider: { name: "google" }, extraArgs: [`--google-project=${ctx.cluster.project}`] };
        this.release = chartRelease(
            this.childName("release"),
            {
                name: "external-dns",
                namespace: EXTERNAL_DNS_NAMESPACE,
                pin: CHARTS.externalDns,
                values: {
                    ...provider,
                    ...(ctx.cloud === "aws" ? { extraArgs: zoneIds.apply((ids) => ids.map((id) => `--zone-id-filter=${id}`)) } : {}),
                    sources: ["service", "ingress", "istio-gateway", "istio-virtualservice"],
                    domainFilters: domains,
                    policy,
                    registry: "txt",
                    txtOwnerId: ctx.clusterName,
                    txtPrefix: "externaldns-",
                    interval: "1m",
                    serviceAccount: { name: EXTERNAL_DNS_SERVICE_ACCOUNT, annotations: identity.serviceAccountAnnotations },
                    serviceMonitor: { enabled: true },
                    nodeSelector: place.nodeSelector,
                    tolerations: place.tolerations,
                    resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "256Mi" } },
                },
            },
            this.childOptions({ dependsOn: [namespace, identity, ...grants] }),
        );
        this.policy = policy;
        this.domains = domains;
        this.complete("policy", "domains");
    }
}

export function validateExternalDnsArgs(args: ExternalDnsArgs): Issue[] {
    const issues = checkUnique(
        "zones",
        args.zones.map((z) => z.domain),
        "zone",
    );
    if (args.zones.length === 0) {
        issues.push({
            field: "zones",
            value: [],
            problem: "is empty: ExternalDNS would have no zone to write",
            fix: "pass the foundation's DNS zones, or do not install ExternalDNS",
        });
    }
    return issues;
}
