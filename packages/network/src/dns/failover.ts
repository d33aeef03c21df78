/**
 * DNS failover routing for one public name (seed 003: failover routing, AWS primary, GCP
 * secondary): a Route 53 HTTPS health check on the primary endpoint and a PRIMARY/SECONDARY
 * failover record pair. While the check passes Route 53 answers with the primary; after
 * `failureThreshold` failed checks it answers with the secondary until the primary recovers.
 * The plan (types, counts, defaults) is `failover-plan.ts`; docs/dr.md is the runbook.
 *
 * Protection: pass `{ protect: true }` (prod does). The records are not stateful (they come back
 * identical), so a destroy of an unprotected stack deletes them.
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { type ComponentNaming, PlatformComponent } from "@platform/core";
import {
    type DnsFailoverPlanArgs,
    type FailoverHealthCheckArgs,
    type FailoverRecordPlan,
    planAuthorizationRecords,
    planDnsFailover,
    type PrimaryEndpoint,
    type SecondaryEndpoint,
    validateDnsFailoverArgs,
} from "./failover-plan.js";

export interface AwsDnsFailoverArgs {
    /** Project and environment: the health check's Name tag is `<project>-<env>-<name>-health`. */
    readonly naming: ComponentNaming;
    /** The public hosted zone's id (the foundation's `dns.publicZoneId`). */
    readonly zoneId: pulumi.Input<string>;
    /** The public hosted zone's name (`platform:dns.publicZone`): the hostname must be inside it. */
    readonly zoneName: string;
    /** The public name that fails over, e.g. `app.acme.example.com`. Plain value: it names the records. */
    readonly hostname: string;
    /**
     * The primary (AWS) entry point: an alias target `{ dnsName, zoneId }` (the public ALB) or a
     * hostname. Plain value or deploy-time output; a plain one is validated here.
     */
    readonly primary: PrimaryEndpoint<pulumi.Input<string>>;
    /**
     * The secondary (the GCP dr environment's public entry point): its reserved public IPv4 address,
     * or a hostname. The type must match the primary's (alias + address: A; hostname + hostname: CNAME).
     */
    readonly secondary: SecondaryEndpoint<pulumi.Input<string>>;
    /** The HTTPS health check on the primary. @default `/healthz` on 443, 3 failures, every 30 s */
    readonly healthCheck?: FailoverHealthCheckArgs;
    /**
     * CNAME records authorizing the dr edge's certificate for the name (dr's `dnsAuthorizations`
     * output): without them dr cannot serve the name over HTTPS until someone adds them.
     * @default none
     */
    readonly secondaryAuthorizations?: readonly { readonly recordName: string; readonly recordData: string }[];
    /** TTL of the non-alias records: how long resolvers keep the old answer after a switch. @default 60 */
    readonly ttlSeconds?: number;
}

export class AwsDnsFailover extends PlatformComponent {
    readonly healthCheckId: pulumi.Output<string>;
    /** The name that fails over. */
    readonly fqdn: pulumi.Output<string>;

    constructor(name: string, args: AwsDnsFailoverArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:network:AwsDnsFailover", name, args.naming, opts);
        const planArgs: DnsFailoverPlanArgs<pulumi.Input<string>> = {
            hostname: args.hostname,
            zoneName: args.zoneName,
            primary: args.primary,
            secondary: args.secondary,
            ...(args.healthCheck !== undefined ? { healthCheck: args.healthCheck } : {}),
            ...(args.ttlSeconds !== undefined ? { ttlSeconds: args.ttlSeconds } : {}),
            ...(args.secondaryAuthorizations !== undefined ? { secondaryAuthorizations: args.secondaryAuthorizations } : {}),
        };
        this.validate(validateDnsFailoverArgs(planArgs));
        const plan = planDnsFailover(planArgs);

        const check = new aws.route53.HealthCheck(
            this.childName("health"),
            {
                type: plan.healthCheck.type,
                fqdn: plan.healthCheck.fqdn,
                port: plan.healthCheck.port,
                resourcePath: plan.healthCheck.resourcePath,
                failureThreshold: plan.healthCheck.failureThreshold,
                requestInterval: plan.healthCheck.requestInterval,
                enableSni: plan.healthCheck.enableSni,
                tags: { Name: this.physicalName("health"), hostname: plan.name },
            },
            this.childOptions(),
        );
        const record = (which: "primary" | "secondary", r: FailoverRecordPlan<pulumi.Input<string>>) =>
            new aws.route53.Record(
                this.childName(which),
                {
                    zoneId: args.zoneId,
                    name: plan.name,
                    type: plan.type,
                    setIdentifier: r.setIdentifier,
                    failoverRoutingPolicies: [{ type: r.failover }],
                    ...(r.healthCheck ? { healthCheckId: check.id } : {}),
                    ...(r.alias !== undefined ? { aliases: [{ ...r.alias }] } : {}),
                    ...(r.records !== undefined ? { records: [...r.records], ttl: r.ttl } : {}),
                },
                this.childOptions(),
            );
        const primary = record("primary", plan.primary);
        record("secondary", plan.secondary);
        planAuthorizationRecords(planArgs).forEach(
            (r, i) =>
                new aws.route53.Record(
                    this.childName(`secondary-authorization-${i + 1}`),
                    { zoneId: args.zoneId, name: r.name, type: r.type, records: [...r.records], ttl: r.ttl },
                    this.childOptions(),
                ),
        );
        this.healthCheckId = check.id;
        this.fqdn = primary.fqdn;
        this.complete("healthCheckId", "fqdn");
    }
}
