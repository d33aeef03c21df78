/**
 * Disaster recovery in the platform layer (seed 003: AWS primary, GCP secondary, failover
 * routing; docs/dr.md is the runbook):
 *
 * - GCP (dr): a reserved regional public address for the ingress-nginx load balancer, exported as
 *   `publicAddress`: the failover secondary.
 * - AWS with `platform:dr.failover` (prod): AwsDnsFailover on the public zone: a Route 53 HTTPS
 *   health check on the primary and the PRIMARY/SECONDARY record pair for the application name.
 *   The primary is this layer's public edge (the ALB) unless config names another.
 *   The secondary address comes from config, not a stack reference to the dr stack: prod's DNS must
 *   deploy when the dr stack's backend or credentials are out of reach (docs/decisions.md).
 */
import type * as pulumi from "@pulumi/pulumi";
import { type AwsSettings, ConfigValidationError, type DnsZoneOutputs, type GcpSettings, protectionOptions } from "@platform/core";
import { AwsDnsFailover, type AwsPublicEdge, GcpPublicAddress, type PrimaryEndpoint, type SecondaryEndpoint } from "@platform/network";
import * as pulumiRuntime from "@pulumi/pulumi";

/** The dr environment's reserved public address (protected and retained with the environment). */
export function drPublicAddress(settings: GcpSettings, provider: pulumi.ProviderResource): GcpPublicAddress {
    return new GcpPublicAddress(
        "public",
        { naming: { project: settings.project, environment: settings.environment }, project: settings.gcpProject, region: settings.region },
        { providers: [provider], ...protectionOptions(settings.profile) },
    );
}

/** The failover records and health check, when `platform:dr.failover` is set; undefined otherwise. */
export function dnsFailover(
    settings: AwsSettings,
    provider: pulumi.ProviderResource,
    dns: pulumi.Input<DnsZoneOutputs>,
    edge: AwsPublicEdge | undefined,
): AwsDnsFailover | undefined {
    const failover = settings.dr?.failover;
    if (failover === undefined) return undefined;
    const zone = settings.dns.publicZone;
    if (zone === undefined) {
        throw new ConfigValidationError([
            {
                field: "platform:dr.failover",
                value: failover.hostname,
                problem: "fails over a public name, but platform:dns.publicZone is not set",
                fix: "set platform:dns.publicZone (the zone the name is in), or remove platform:dr.failover",
            },
        ]);
    }
    // Unset primary: this layer's public edge (its ALB as the alias target, probed on the path the
    // ALB answers itself; its targets' health counts through evaluate-target-health).
    const fromEdge = failover.primaryAlias === undefined && failover.primaryHostname === undefined ? edge : undefined;
    if (failover.primaryAlias === undefined && failover.primaryHostname === undefined && edge === undefined) {
        throw new ConfigValidationError([
            {
                field: "platform:dr.failover",
                value: failover.hostname,
                problem: "names no primary, and this environment has no public edge to fail over from",
                fix: "set platform:dr.failover.primaryAlias (a load balancer's dnsName and zoneId) or primaryHostname",
            },
        ]);
    }
    const primary: PrimaryEndpoint<pulumi.Input<string>> =
        fromEdge !== undefined
            ? { alias: { dnsName: fromEdge.dnsName, zoneId: fromEdge.zoneId } }
            : failover.primaryAlias !== undefined
              ? { alias: failover.primaryAlias }
              : { hostname: failover.primaryHostname ?? "" };
    const healthCheck =
        fromEdge !== undefined
            ? { ...failover.healthCheck, path: failover.healthCheck?.path ?? fromEdge.healthCheckPath }
            : failover.healthCheck;
    const secondary: SecondaryEndpoint<string> =
        failover.secondaryAddress !== undefined ? { address: failover.secondaryAddress } : { hostname: failover.secondaryHostname ?? "" };
    const zoneId = pulumiRuntime.output(dns).apply((d) => {
        if (d.publicZoneId === null) {
            throw new Error(
                "the foundation stack has no publicZoneId although platform:dns configures a public zone; deploy the foundation layer first",
            );
        }
        return d.publicZoneId;
    });
    return new AwsDnsFailover(
        "failover",
        {
            naming: { project: settings.project, environment: settings.environment },
            zoneId,
            zoneName: zone,
            hostname: failover.hostname,
            primary,
            secondary,
            ...(healthCheck !== undefined ? { healthCheck } : {}),
            ...(failover.dnsAuthorizations !== undefined ? { secondaryAuthorizations: failover.dnsAuthorizations } : {}),
        },
        { providers: [provider], ...protectionOptions(settings.profile) },
    );
}
