/**
 * GcpPublicEdge: the cloud half of a GCP environment's one internet-facing entry (issue 12), the
 * counterpart of AwsPublicEdge. GKE's Gateway controller builds the global external Application
 * Load Balancer itself (from the Gateway the platform layer declares: `@platform/addons`
 * GkePublicGateway); this component owns everything that load balancer references by name, so
 * each is a Pulumi resource that previews, is checked by the packs and outlives the Gateway:
 *
 * - a reserved global IPv4 address (the Gateway's `NamedAddress`; prod's DNS failover points at
 *   it, so it is stateful: retained when protected);
 * - the Cloud Armor policy and the SSL policy ({@link GcpEdgeSecurity});
 * - a Google-managed certificate from Certificate Manager for the names the edge serves,
 *   authorized by DNS (one DNS authorization per name), and the certificate map the Gateway
 *   names. DNS authorization, not load balancer authorization: dr's names resolve to prod until
 *   a failover, so the certificate must be issued before traffic arrives. The authorization
 *   records (`dnsAuthorizations`) go into the zone that holds the names (prod's Route 53 zone:
 *   `platform:dr.failover.dnsAuthorizations`, docs/dr.md).
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { type ComponentNaming, PlatformComponent } from "@platform/core";
import { DEFAULT_RATE_LIMIT_PER_5_MINUTES } from "./aws-edge-plan.js";
import { type DnsAuthorizationRecord, validateGcpPublicEdgeArgs } from "./gcp-edge-plan.js";
import { GcpEdgeSecurity } from "./gcp-edge-security.js";

export interface GcpPublicEdgeArgs {
    /** Project and environment: physical names are `<project>-<env>-<component name>-<child>`. */
    readonly naming: ComponentNaming;
    /** The GCP project. */
    readonly project: string;
    /**
     * The public names the edge serves (1 to 20, no wildcards): the certificate covers them and the
     * certificate map has one entry each. In dr: the names prod fails over.
     */
    readonly hostnames: readonly string[];
    /**
     * Requests per client IP per 5 minutes before Cloud Armor bans the IP (seed 002 "rate limiting").
     * @default 2000 (the AWS edge's default, so both clouds behave alike)
     */
    readonly rateLimitPer5Minutes?: number;
}

export class GcpPublicEdge extends PlatformComponent {
    /** The reserved global IPv4 address. */
    readonly address: pulumi.Output<string>;
    /** The address resource's name: the Gateway's `spec.addresses[].value` (type NamedAddress). */
    readonly addressName: pulumi.Output<string>;
    /** The Cloud Armor policy's name: a GCPBackendPolicy's `spec.default.securityPolicy`. */
    readonly securityPolicyName: pulumi.Output<string>;
    /** The SSL policy's name: a GCPGatewayPolicy's `spec.default.sslPolicy`. */
    readonly sslPolicyName: pulumi.Output<string>;
    /** The certificate map's name: the Gateway's `networking.gke.io/certmap` annotation. */
    readonly certificateMapName: pulumi.Output<string>;
    /** The CNAME records that authorize the certificate, one per hostname, in hostname order. */
    readonly dnsAuthorizations: pulumi.Output<DnsAuthorizationRecord[]>;
    readonly hostnames: readonly string[];

    constructor(name: string, args: GcpPublicEdgeArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:network:GcpPublicEdge", name, args.naming, opts);
        const rateLimit = args.rateLimitPer5Minutes ?? DEFAULT_RATE_LIMIT_PER_5_MINUTES;
        this.validate(validateGcpPublicEdgeArgs({ project: args.project, hostnames: args.hostnames, rateLimitPer5Minutes: rateLimit }));
        const project = args.project;
        const env = `${args.naming.project}-${args.naming.environment}`;

        const address = new gcp.compute.GlobalAddress(
            this.childName("address"),
            {
                project,
                name: this.physicalName("address", "gcp"),
                addressType: "EXTERNAL",
                ipVersion: "IPV4",
                description: `Public entry point of ${env} (its Gateway's load balancer); DNS failover points at it (docs/dr.md)`,
            },
            this.statefulOptions(),
        );
        const security = new GcpEdgeSecurity(
            `${name}-security`,
            { naming: args.naming, project, rateLimitPer5Minutes: rateLimit },
            this.childOptions(),
        );

        // One authorization per name: a name's record stays valid whatever else the list holds.
        const authorizations = args.hostnames.map(
            (hostname, i) =>
                new gcp.certificatemanager.DnsAuthorization(
                    this.childName(`dns-authorization-${i + 1}`),
                    {
                        project,
                        name: this.physicalName(`dns-auth-${i + 1}`, "gcp"),
                        domain: hostname,
                        description: `Authorizes ${env}'s edge certificate for ${hostname}`,
                    },
                    this.childOptions(),
                ),
        );
        const certificate = new gcp.certificatemanager.Certificate(
            this.childName("certificate"),
            {
                project,
                name: this.physicalName("certificate", "gcp"),
                description: `${env} public edge: Google-managed, authorized by DNS`,
                scope: "DEFAULT",
                managed: { domains: [...args.hostnames], dnsAuthorizations: authorizations.map((a) => a.id) },
            },
            this.childOptions(),
        );
        const map = new gcp.certificatemanager.CertificateMap(
            this.childName("certificate-map"),
            {
                project,
                name: this.physicalName("certmap", "gcp"),
                description: `${env} public edge's certificates (its Gateway's certmap)`,
            },
            this.childOptions(),
        );
        args.hostnames.forEach(
            (hostname, i) =>
                new gcp.certificatemanager.CertificateMapEntry(
                    this.childName(`certificate-map-entry-${i + 1}`),
                    {
                        project,
                        name: this.physicalName(`certmap-entry-${i + 1}`, "gcp"),
                        map: map.name,
                        hostname,
                        certificates: [certificate.id],
                    },
                    this.childOptions(),
                ),
        );

        this.address = address.address;
        this.addressName = address.name;
        this.securityPolicyName = security.securityPolicyName;
        this.sslPolicyName = security.sslPolicyName;
        this.certificateMapName = map.name;
        this.hostnames = [...args.hostnames];
        this.dnsAuthorizations = pulumi.all(authorizations.map((a) => a.dnsResourceRecords)).apply((records) =>
            records.map((r, i): DnsAuthorizationRecord => {
                const record = r[0];
                if (record === undefined) throw new Error(`DNS authorization for ${args.hostnames[i] ?? "?"} returned no record`);
                return { domain: args.hostnames[i] ?? "", recordName: record.name, recordType: record.type, recordData: record.data };
            }),
        );
        this.complete(
            "address",
            "addressName",
            "securityPolicyName",
            "sslPolicyName",
            "certificateMapName",
            "dnsAuthorizations",
            "hostnames",
        );
    }
}
