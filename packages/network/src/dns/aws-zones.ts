/**
 * Route 53 zones: an optional public zone (delegate its name servers from the registrar) and an
 * optional private zone attached to the VPC for internal service names.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DOMAIN_NAME_PATTERN, invalidArgument, statefulChildOptions } from "@platform/core";

export interface AwsDnsZonesArgs {
    /** Public zone apex, e.g. `example.com`. @default no public zone */
    readonly publicZone?: string;
    /** Private zone name, e.g. `prod.internal`; requires `vpcId`. @default no private zone */
    readonly privateZone?: string;
    /** VPC the private zone answers in. */
    readonly vpcId?: pulumi.Input<string>;
    /**
     * `protect: true` on the zones. A deleted public zone comes back with new name servers, which
     * silently breaks the registrar's delegation; production protects its zones.
     * @default false
     */
    readonly protect?: boolean;
}

export class AwsDnsZones extends pulumi.ComponentResource {
    readonly publicZone?: aws.route53.Zone;
    readonly privateZone?: aws.route53.Zone;
    readonly publicZoneId: pulumi.Output<string | null>;
    readonly privateZoneId: pulumi.Output<string | null>;
    readonly publicNameServers: pulumi.Output<string[]>;

    constructor(name: string, args: AwsDnsZonesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:network:AwsDnsZones", name, {}, opts);
        if (args.publicZone === undefined && args.privateZone === undefined) {
            throw invalidArgument(this, {
                field: "publicZone",
                value: undefined,
                problem: "neither publicZone nor privateZone is set",
                fix: "set at least one, or do not create AwsDnsZones",
            });
        }
        for (const field of ["publicZone", "privateZone"] as const) {
            const value = args[field];
            if (value !== undefined && !DOMAIN_NAME_PATTERN.test(value)) {
                throw invalidArgument(this, {
                    field,
                    value,
                    problem: "not a lowercase domain name",
                    fix: "use a name such as example.com",
                });
            }
        }
        if (args.privateZone !== undefined && args.vpcId === undefined) {
            throw invalidArgument(this, {
                field: "vpcId",
                value: undefined,
                problem: "a private zone needs the VPC it answers in",
                fix: "pass the network's vpcId",
            });
        }
        if (args.publicZone !== undefined) {
            this.publicZone = new aws.route53.Zone(
                `${name}-public`,
                { name: args.publicZone, comment: "Public zone managed by the platform", forceDestroy: false },
                statefulChildOptions(this, args.protect === true),
            );
        }
        if (args.privateZone !== undefined) {
            this.privateZone = new aws.route53.Zone(
                `${name}-private`,
                {
                    name: args.privateZone,
                    comment: "Private zone managed by the platform",
                    vpcs: [{ vpcId: args.vpcId! }],
                    forceDestroy: false,
                },
                statefulChildOptions(this, args.protect === true),
            );
        }
        this.publicZoneId = this.publicZone ? this.publicZone.zoneId : pulumi.output(null);
        this.privateZoneId = this.privateZone ? this.privateZone.zoneId : pulumi.output(null);
        this.publicNameServers = this.publicZone ? this.publicZone.nameServers : pulumi.output([]);
        this.registerOutputs({
            publicZoneId: this.publicZoneId,
            privateZoneId: this.privateZoneId,
            publicNameServers: this.publicNameServers,
        });
    }
}
