/**
 * Cloud DNS zones: an optional public zone (DNSSEC signed, query logging on; delegate its name
 * servers from the registrar or the parent zone) and an optional private zone that answers only
 * inside the platform VPC, for internal service names.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { checkGcpProjectArg, checkNamingArgs, DOMAIN_NAME_PATTERN, invalidArgument, resourceName } from "@platform/core";

export interface GcpDnsZonesArgs {
    /** GCP project id the zones live in. */
    readonly project: string;
    /** Project and environment for physical zone names (`<project>-<env>-public` / `-private`). */
    readonly naming: { readonly project: string; readonly environment: string };
    /**
     * Public zone apex, e.g. `example.com` (a trailing dot is accepted). The zone is DNSSEC
     * signed (NSEC3, so zone walking cannot enumerate names) and logs queries; add the DS record
     * at the registrar after delegating. Plain value: it decides whether the zone exists.
     * @default no public zone
     */
    readonly publicZone?: string;
    /**
     * Private zone name, e.g. `dr.internal`, visible only from `networkSelfLink`. Requires
     * `networkSelfLink`. Plain value: it decides whether the zone exists.
     * @default no private zone
     */
    readonly privateZone?: string;
    /** Self link of the VPC the private zone answers in (the GcpNetwork's `networkSelfLink`). */
    readonly networkSelfLink?: pulumi.Input<string>;
    /**
     * `protect: true` on the zones. A replaced public zone gets new name servers (and a new DNSSEC
     * key), so delegation and the registrar's DS record break until updated by hand; prod and dr
     * protect them like stateful resources.
     * @default false
     */
    readonly protect?: boolean;
}

export class GcpDnsZones extends pulumi.ComponentResource {
    readonly publicZone: gcp.dns.ManagedZone | undefined;
    readonly privateZone: gcp.dns.ManagedZone | undefined;
    /** DNS names with the trailing dot, as Cloud DNS stores them (undefined without the zone). */
    readonly publicDnsName: string | undefined;
    readonly privateDnsName: string | undefined;
    /** Zone ids (`projects/<p>/managedZones/<name>`), or null without the zone. */
    readonly publicZoneId: pulumi.Output<string | null>;
    readonly privateZoneId: pulumi.Output<string | null>;
    /** Managed zone names (what `gcp.dns.RecordSet.managedZone` takes), or null without the zone. */
    readonly publicZoneName: pulumi.Output<string | null>;
    readonly privateZoneName: pulumi.Output<string | null>;
    /** Name servers to delegate the public zone to (empty without a public zone). */
    readonly publicNameServers: pulumi.Output<string[]>;

    constructor(name: string, args: GcpDnsZonesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:network:GcpDnsZones", name, {}, opts);
        this.validate(args);
        const protect = args.protect ?? false;
        const physical = (component: string) => resourceName({ ...args.naming, component }, "gcp");
        this.publicDnsName = args.publicZone === undefined ? undefined : `${withoutTrailingDot(args.publicZone)}.`;
        this.privateDnsName = args.privateZone === undefined ? undefined : `${withoutTrailingDot(args.privateZone)}.`;

        this.publicZone =
            this.publicDnsName === undefined
                ? undefined
                : new gcp.dns.ManagedZone(
                      `${name}-public`,
                      {
                          project: args.project,
                          name: physical("public"),
                          dnsName: this.publicDnsName,
                          description: "Public zone managed by the platform",
                          visibility: "public",
                          dnssecConfig: { state: "on", nonExistence: "nsec3" },
                          cloudLoggingConfig: { enableLogging: true },
                          forceDestroy: false,
                      },
                      { parent: this, protect },
                  );
        this.privateZone =
            this.privateDnsName === undefined
                ? undefined
                : new gcp.dns.ManagedZone(
                      `${name}-private`,
                      {
                          project: args.project,
                          name: physical("private"),
                          dnsName: this.privateDnsName,
                          description: "Private zone managed by the platform",
                          visibility: "private",
                          privateVisibilityConfig: { networks: [{ networkUrl: args.networkSelfLink! }] },
                          forceDestroy: false,
                      },
                      { parent: this, protect },
                  );

        this.publicZoneId = this.publicZone ? this.publicZone.id : pulumi.output(null);
        this.privateZoneId = this.privateZone ? this.privateZone.id : pulumi.output(null);
        this.publicZoneName = this.publicZone ? this.publicZone.name : pulumi.output(null);
        this.privateZoneName = this.privateZone ? this.privateZone.name : pulumi.output(null);
        this.publicNameServers = this.publicZone ? this.publicZone.nameServers : pulumi.output([]);
        this.registerOutputs({
            publicZoneId: this.publicZoneId,
            privateZoneId: this.privateZoneId,
            publicZoneName: this.publicZoneName,
            privateZoneName: this.privateZoneName,
            publicNameServers: this.publicNameServers,
        });
    }

    private validate(args: GcpDnsZonesArgs): void {
        checkGcpProjectArg(this, args.project);
        checkNamingArgs(this, args.naming);
        if (args.publicZone === undefined && args.privateZone === undefined) {
            throw invalidArgument(this, {
                field: "publicZone",
                value: undefined,
                problem: "neither publicZone nor privateZone is set",
                fix: "set publicZone and/or privateZone, or do not create GcpDnsZones",
            });
        }
        for (const field of ["publicZone", "privateZone"] as const) {
            const value = args[field];
            if (value !== undefined && (typeof value !== "string" || !DOMAIN_NAME_PATTERN.test(withoutTrailingDot(value)))) {
                throw invalidArgument(this, {
                    field,
                    value,
                    problem: "not a lowercase domain name",
                    fix: "use a name such as example.com or dr.internal",
                });
            }
        }
        if (args.protect !== undefined && typeof args.protect !== "boolean") {
            throw invalidArgument(this, {
                field: "protect",
                value: args.protect,
                problem: "must be true or false",
                fix: "pass the environment profile's protectStatefulResources, or leave it unset",
            });
        }
        if (args.privateZone !== undefined && args.networkSelfLink === undefined) {
            throw invalidArgument(this, {
                field: "networkSelfLink",
                value: undefined,
                problem: "a private zone needs the network it answers in",
                fix: "pass the GcpNetwork's networkSelfLink",
            });
        }
    }
}

function withoutTrailingDot(domain: string): string {
    return domain.endsWith(".") ? domain.slice(0, -1) : domain;
}
