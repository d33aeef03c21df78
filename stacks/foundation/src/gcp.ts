/** The foundation layer on GCP (the DR environment): KMS key ring and keys, VPC, DNS zones. */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import type { GcpFoundationOutputs, PlatformSettings, StackOutputs } from "@platform/core";
import { GcpDnsZones, GcpNetwork } from "@platform/network";
import { GcpKmsKeys } from "@platform/security";
import { byPurpose, dnsOutputs, wantsDnsZones } from "./outputs.js";

/** Google APIs the foundation layer calls. */
export const FOUNDATION_APIS = [
    "compute.googleapis.com",
    "servicenetworking.googleapis.com",
    "dns.googleapis.com",
    "cloudkms.googleapis.com",
] as const;

export function gcpFoundation(settings: PlatformSettings, provider: gcp.Provider): StackOutputs<GcpFoundationOutputs> {
    const gcpProject = settings.gcpProject;
    if (gcpProject === undefined) {
        throw new Error("platform:gcpProject is required on gcp (config validation should have caught this)");
    }
    const naming = { project: settings.project, environment: settings.environment };
    const prefix = `${settings.project}-${settings.environment}`;
    // APIs the foundation uses. A fresh project has them off and every call would fail; they are
    // never disabled on destroy, because other stacks in the project may depend on them.
    const services = FOUNDATION_APIS.map(
        (api) =>
            new gcp.projects.Service(
                `${prefix}-api-${api.split(".")[0]}`,
                { project: gcpProject, service: api, disableOnDestroy: false, disableDependentServices: false },
                { provider },
            ),
    );
    const componentOpts = { providers: [provider], dependsOn: services };
    const regions = [{ region: settings.region, cidr: settings.network.cidr }, ...settings.network.secondaryRegions];

    const kms = new GcpKmsKeys(
        `${prefix}-kms`,
        { project: gcpProject, location: settings.region, naming, protect: settings.profile.protectStatefulResources },
        componentOpts,
    );
    const network = new GcpNetwork(
        `${prefix}-network`,
        { project: gcpProject, naming, regions, egress: settings.profile.network.natGateways === "none" ? "none" : "cloudNat" },
        componentOpts,
    );
    const { publicZone, privateZone } = settings.dns;
    const dns = wantsDnsZones(settings.dns)
        ? new GcpDnsZones(
              `${prefix}-dns`,
              {
                  project: gcpProject,
                  naming,
                  publicZone,
                  privateZone,
                  networkSelfLink: network.networkSelfLink,
                  protect: settings.profile.protectStatefulResources,
              },
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
