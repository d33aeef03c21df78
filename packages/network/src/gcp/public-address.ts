/**
 * GcpPublicAddress: a reserved regional external IPv4 address for an environment's public entry
 * point (the dr environment's ingress load balancer). Reserved, it outlives the load balancer: a
 * reinstalled ingress keeps the address, so the DNS records that point at it (prod's failover
 * secondary, docs/dr.md) stay true. Regional, not global: the entry point is a Service of type
 * LoadBalancer (a passthrough network load balancer), which takes a regional address only
 * (docs/decisions.md).
 *
 * Protection: pass `{ protect: true }` (dr does). The address is a stateful child: a released
 * address is gone for good and the records pointing at it would reach whoever gets it next.
 */
import * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import { checkGcpProject, checkRegion, type ComponentNaming, type Issue, PlatformComponent } from "@platform/core";

export interface GcpPublicAddressArgs {
    /** Project and environment: the address is named `<project>-<env>-<name>`. */
    readonly naming: ComponentNaming;
    /** GCP project id. */
    readonly project: string;
    /** Region of the load balancer that uses the address (the cluster's region). */
    readonly region: string;
    /**
     * Network tier. PREMIUM carries traffic on Google's network to the edge nearest the client
     * (the tier a regional external passthrough load balancer serving the internet expects);
     * STANDARD is cheaper and enters Google's network in the region. @default "PREMIUM"
     */
    readonly networkTier?: "PREMIUM" | "STANDARD";
}

export class GcpPublicAddress extends PlatformComponent {
    /** The reserved IPv4 address. */
    readonly address: pulumi.Output<string>;
    /** The address resource's name (for `loadBalancerIP` or the GKE annotation). */
    readonly addressName: pulumi.Output<string>;

    constructor(name: string, args: GcpPublicAddressArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:network:GcpPublicAddress", name, args.naming, opts);
        this.validate(validateGcpPublicAddressArgs(args));
        const address = new gcp.compute.Address(
            this.childName("address"),
            {
                name: this.physicalName("address"),
                project: args.project,
                region: args.region,
                addressType: "EXTERNAL",
                ipVersion: "IPV4",
                networkTier: args.networkTier ?? "PREMIUM",
                description: `Public entry point of ${args.naming.project}-${args.naming.environment}; DNS failover points at it (docs/dr.md)`,
            },
            this.statefulOptions(),
        );
        this.address = address.address;
        this.addressName = address.name;
        this.complete("address", "addressName");
    }
}

/** Every problem with GcpPublicAddress' arguments. */
export function validateGcpPublicAddressArgs(args: GcpPublicAddressArgs): Issue[] {
    return [...checkGcpProject("project", args.project), ...checkRegion("region", args.region, "gcp")];
}
