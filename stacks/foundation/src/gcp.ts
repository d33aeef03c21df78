/** The foundation layer on GCP (the DR environment): KMS key ring and keys, VPC, DNS zones. */
import type * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { type GcpFoundationOutputs, type GcpSettings, protectionOptions, type StackOutputs } from "@platform/core";
import { GcpDnsZones, GcpNetwork, GcpProjectServices } from "@platform/network";
import { GcpBudget } from "@platform/observability";
import { GcpKmsKeys } from "@platform/security";
import { byPurpose, dnsOutputs, wantsDnsZones } from "./outputs.js";

/** Google APIs the foundation layer calls. */
export const FOUNDATION_APIS = [
    "compute.googleapis.com",
    "servicenetworking.googleapis.com",
    "dns.googleapis.com",
    "cloudkms.googleapis.com",
] as const;

/** APIs the budget calls: Cloud Billing budgets, and Monitoring for its email channels. */
export const BUDGET_APIS = ["billingbudgets.googleapis.com", "monitoring.googleapis.com"] as const;

export function gcpFoundation(settings: GcpSettings, provider: gcp.Provider): StackOutputs<GcpFoundationOutputs> {
    const gcpProject = settings.gcpProject;
    const naming = { project: settings.project, environment: settings.environment };
    const apis = new GcpProjectServices("apis", { naming, project: gcpProject, services: FOUNDATION_APIS }, { providers: [provider] });
    // Every foundation component holds state (key material, zones) or carries it: protected in dr.
    const componentOpts = { providers: [provider], dependsOn: [apis], ...protectionOptions(settings.profile) };
    const regions = [{ region: settings.region, cidr: settings.network.cidr }, ...settings.network.secondaryRegions];

    const kms = new GcpKmsKeys("kms", { project: gcpProject, location: settings.region, naming }, componentOpts);
    const network = new GcpNetwork(
        "network",
        { project: gcpProject, naming, regions, egress: settings.profile.network.natGateways === "none" ? "none" : "cloudNat" },
        componentOpts,
    );
    // The environment's monthly budget (seed 003), on the billing account, with the APIs it calls.
    const budget = settings.budget;
    if (budget !== undefined) {
        const budgetApis = new GcpProjectServices(
            "budget-apis",
            { naming, project: gcpProject, services: BUDGET_APIS },
            { providers: [provider] },
        );
        new GcpBudget(
            "budget",
            {
                naming,
                billingAccount: budget.billingAccount,
                project: gcpProject,
                monthlyLimitUsd: budget.monthlyLimitUsd,
                recipients: budget.recipients,
            },
            { ...componentOpts, dependsOn: [budgetApis] },
        );
    }
    const { publicZone, privateZone } = settings.dns;
    const dns = wantsDnsZones(settings.dns)
        ? new GcpDnsZones(
              "dns",
              { project: gcpProject, naming, publicZone, privateZone, networkSelfLink: network.networkSelfLink },
              componentOpts,
          )
        : undefined;

    return {
        environment: settings.environment,
        cloud: "gcp",
        region: settings.region,
        gcpProject,
        networkId: network.networkId,
        networkSelfLink: network.networkSelfLink,
        subnetSelfLinks: pulumi.output(network.subnetSelfLinks),
        podRangeNames: Object.fromEntries(regions.map((r) => [r.region, network.podRangeName])),
        serviceRangeNames: Object.fromEntries(regions.map((r) => [r.region, network.serviceRangeName])),
        privateServiceAccessRange: network.privateServiceAccessRange ?? "",
        kmsKeyIds: byPurpose(kms.keyIds),
        dns: dnsOutputs(settings.dns, dns),
    };
}
