/** The foundation layer on AWS: KMS keys first (flow logs need the logs key), then network, then DNS. */
import type * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { AwsFoundationOutputs, PlatformSettings, StackOutputs } from "@platform/core";
import { AwsDnsZones, AwsNetwork } from "@platform/network";
import { AwsKmsKeys } from "@platform/security";
import { byPurpose, dnsOutputs, wantsDnsZones } from "./outputs.js";

export function awsFoundation(settings: PlatformSettings, provider: aws.Provider): StackOutputs<AwsFoundationOutputs> {
    const naming = { project: settings.project, environment: settings.environment };
    const prefix = `${settings.project}-${settings.environment}`;
    const componentOpts = { providers: [provider] };

    const kms = new AwsKmsKeys(`${prefix}-kms`, { naming, protect: settings.profile.protectStatefulResources }, componentOpts);
    const logsKeyArn = kms.keyArns.logs;
    if (logsKeyArn === undefined) {
        throw new Error("the logs key is required for flow logs");
    }
    const network = new AwsNetwork(
        `${prefix}-network`,
        {
            naming,
            cidrBlock: settings.network.cidr,
            availabilityZones: settings.network.availabilityZones,
            natGateways: settings.profile.network.natGateways,
            flowLogs: { retentionInDays: settings.profile.network.flowLogRetentionDays, kmsKeyArn: logsKeyArn },
            clusterName: `${prefix}-eks`,
        },
        componentOpts,
    );
    const { publicZone, privateZone } = settings.dns;
    const dns = wantsDnsZones(settings.dns)
        ? new AwsDnsZones(
              `${prefix}-dns`,
              { publicZone, privateZone, vpcId: network.vpcId, protect: settings.profile.protectStatefulResources },
              componentOpts,
          )
        : undefined;

    return {
        environment: settings.environment,
        cloud: "aws",
        region: settings.region,
        vpcId: network.vpcId,
        vpcCidr: network.cidrBlock,
        availabilityZones: [...network.availabilityZones],
        publicSubnetIds: pulumi.all(network.publicSubnetIds),
        privateSubnetIds: pulumi.all(network.privateSubnetIds),
        isolatedSubnetIds: pulumi.all(network.isolatedSubnetIds),
        endpointSecurityGroupId: network.endpointSecurityGroup.id,
        kmsKeyArns: byPurpose(kms.keyArns),
        kmsKeyIds: byPurpose(kms.keyIds),
        dns: dnsOutputs(settings.dns, dns),
    };
}
