/**
 * Cloud DNS zones: an optional public zone (DNSSEC signed, query logging on; delegate its name
 * servers from the registrar or the parent zone) and an optional private zone that answers only
 * inside the platform VPC, for internal service names.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { checkDomainName, checkGcpProject, type ComponentNaming, type Issue, PlatformComponent } from "@platform/core";

export interface GcpDnsZonesArgs {
    /** GCP project id the zones live in. */
    readonly project: string;
    /** Project and environment: zone names are `<project>-<env>-<component name>-public` / `-private`. */
    readonly naming: ComponentNaming;
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
}

/**
 * Protection: pass `{ protect: true }` (prod and dr do). A replaced public zone gets new name
 * servers and a new DNSSEC key, so delegation and the registrar's DS record break until fixed by
 * hand: zones are stateful children, protected with the component and retained on delete.
 */
export class GcpDnsZones extends PlatformComponent {
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
        super("platform:network:GcpDnsZones", name, args.naming, opts);
        this.validate(validateGcpDnsZonesArgs(args));
        const physical = (child: string) => this.physicalName(child, "gcp");
        this.publicDnsName = args.publicZone === undefined ? undefined : `${withoutTrailingDot(args.publicZone)}.`;
        this.privateDnsName = args.privateZone === undefined ? undefined : `${withoutTrailingDot(args.privateZone)}.`;

        this.publicZone =
            this.publicDnsName === undefined
                ? undefined
                : new gcp.dns.ManagedZone(
                      this.childName("public"),
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
                      this.statefulOptions(),
                  );
        this.privateZone =
            this.privateDnsName === undefined
                ? undefined
                : new gcp.dns.ManagedZone(
                      this.childName("private"),
                      {
                          project: args.project,
                          name: physical("private"),
                          dnsName: this.privateDnsName,
                          description: "Private zone managed by the platform",
                          visibility: "private",
                          privateVisibilityConfig: { networks: [{ networkUrl: args.networkSelfLink ?? "" }] },
                          forceDestroy: false,
                      },
                      this.statefulOptions(),
                  );

        this.publicZoneId = this.publicZone ? this.publicZone.id : pulumi.output(null);
        this.privateZoneId = this.privateZone ? this.privateZone.id : pulumi.output(null);
        this.publicZoneName = this.publicZone ? this.publicZone.name : pulumi.output(null);
        this.privateZoneName = this.privateZone ? this.privateZone.name : pulumi.output(null);
        this.publicNameServers = this.publicZone ? this.publicZone.nameServers : pulumi.output([]);
        this.complete("publicZoneId", "privateZoneId", "publicZoneName", "privateZoneName", "publicNameServers");
    }
}

/** Every problem with GcpDnsZones' arguments. */
export function validateGcpDnsZonesArgs(args: GcpDnsZonesArgs): Issue[] {
    const issues: Issue[] = [...checkGcpProject("project", args.project)];
    if (args.publicZone === undefined && args.privateZone === undefined) {
        issues.push({
            field: "publicZone",
            value: undefined,
            problem: "neither publicZone nor privateZone is set",
            fix: "set publicZone and/or privateZone, or do not create GcpDnsZones",
        });
    }
    for (const field of ["publicZone", "privateZone"] as const) {
        if (args[field] !== undefined) issues.push(...checkDomainName(field, args[field], true));
    }
    if (args.privateZone !== undefined && args.networkSelfLink === undefined) {
        issues.push({
            field: "networkSelfLink",
            value: undefined,
            problem: "a private zone needs the network it answers in",
            fix: "pass the GcpNetwork's networkSelfLink",
        });
    }
    return issues;
}
function withoutTrailingDot(domain: string): string {
    return domain.endsWith(".") ? domain.slice(0, -1) : domain;
}
