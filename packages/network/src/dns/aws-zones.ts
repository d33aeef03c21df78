/**
 * Route 53 zones: an optional public zone (delegate its name servers from the registrar) and an
 * optional private zone attached to the VPC for internal service names.
 *
 * Protection: pass `{ protect: true }` (production does). A deleted public zone comes back with new
 * name servers, which silently breaks the registrar's delegation, so zones are stateful children:
 * protected with the component and retained on delete.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkDomainName, type ComponentNaming, type Issue, PlatformComponent } from "@platform/core";

export interface AwsDnsZonesArgs {
    /** Project and environment (zone comments name the owner; zone names are the domains). */
    readonly naming: ComponentNaming;
    /** Public zone apex, e.g. `example.com`. Plain value: it decides whether the zone exists. @default no public zone */
    readonly publicZone?: string;
    /** Private zone name, e.g. `prod.internal`; requires `vpcId`. @default no private zone */
    readonly privateZone?: string;
    /** VPC the private zone answers in (the AwsNetwork's `vpcId`). */
    readonly vpcId?: pulumi.Input<string>;
}

export class AwsDnsZones extends PlatformComponent {
    readonly publicZone?: aws.route53.Zone;
    readonly privateZone?: aws.route53.Zone;
    readonly publicZoneId: pulumi.Output<string | null>;
    readonly privateZoneId: pulumi.Output<string | null>;
    readonly publicNameServers: pulumi.Output<string[]>;

    constructor(name: string, args: AwsDnsZonesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:network:AwsDnsZones", name, args.naming, opts);
        this.validate(validateAwsDnsZonesArgs(args));
        const owner = `${args.naming.project}-${args.naming.environment}`;
        if (args.publicZone !== undefined) {
            this.publicZone = new aws.route53.Zone(
                this.childName("public"),
                { name: args.publicZone, comment: `Public zone of ${owner}, managed by the platform`, forceDestroy: false },
                this.statefulOptions(),
            );
        }
        if (args.privateZone !== undefined && args.vpcId !== undefined) {
            this.privateZone = new aws.route53.Zone(
                this.childName("private"),
                {
                    name: args.privateZone,
                    comment: `Private zone of ${owner}, managed by the platform`,
                    vpcs: [{ vpcId: args.vpcId }],
                    forceDestroy: false,
                },
                this.statefulOptions(),
            );
        }
        this.publicZoneId = this.publicZone ? this.publicZone.zoneId : pulumi.output(null);
        this.privateZoneId = this.privateZone ? this.privateZone.zoneId : pulumi.output(null);
        this.publicNameServers = this.publicZone ? this.publicZone.nameServers : pulumi.output([]);
        this.complete("publicZoneId", "privateZoneId", "publicNameServers");
    }
}

/** Every problem with AwsDnsZones' arguments. */
export function validateAwsDnsZonesArgs(args: AwsDnsZonesArgs): Issue[] {
    const issues: Issue[] = [];
    if (args.publicZone === undefined && args.privateZone === undefined) {
        issues.push({
            field: "publicZone",
            value: undefined,
            problem: "neither publicZone nor privateZone is set",
            fix: "set at least one, or do not create AwsDnsZones",
        });
    }
    for (const field of ["publicZone", "privateZone"] as const) {
        if (args[field] !== undefined) issues.push(...checkDomainName(field, args[field]));
    }
    if (args.privateZone !== undefined && args.vpcId === undefined) {
        issues.push({
            field: "vpcId",
            value: undefined,
            problem: "a private zone needs the VPC it answers in",
            fix: "pass the network's vpcId",
        });
    }
    return issues;
}
