/** The foundation layer on AWS: KMS keys first (flow logs need the logs key), then network, then DNS. */
import type * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { type AwsFoundationOutputs, type AwsSettings, eksClusterName, protectionOptions, type StackOutputs } from "@platform/core";
import { AwsDnsZones, AwsNetwork } from "@platform/network";
import { AwsAlarms, awsAlarmThresholds, AwsBudget } from "@platform/observability";
import { AwsKmsKeys } from "@platform/security";
import { byPurpose, dnsOutputs, wantsDnsZones } from "./outputs.js";

export function awsFoundation(settings: AwsSettings, provider: aws.Provider): StackOutputs<AwsFoundationOutputs> {
    const naming = { project: settings.project, environment: settings.environment };
    // Every foundation component holds state (keys, the flow-log record, zones): protected in prod.
    const componentOpts = { providers: [provider], ...protectionOptions(settings.profile) };

    const kms = new AwsKmsKeys("kms", { naming }, componentOpts);
    const logsKeyArn = kms.keyArns.logs;
    if (logsKeyArn === undefined) {
        throw new Error("the logs key is required for flow logs");
    }
    const network = new AwsNetwork(
        "network",
        {
            naming,
            cidrBlock: settings.network.cidr,
            availabilityZones: settings.network.availabilityZones,
            natGateways: settings.profile.network.natGateways,
            flowLogs: { retentionDays: settings.profile.network.flowLogRetentionDays, kmsKeyArn: logsKeyArn },
            clusterName: eksClusterName(naming),
        },
        componentOpts,
    );
    // NAT gateway alarms beside the network that owns the gateways; none without NAT. Protected in
    // prod like the rest of the layer: losing them silently is losing the pager.
    if (network.natGateways.length > 0) {
        new AwsAlarms(
            "nat-alarms",
            {
                naming,
                kmsKeyArn: logsKeyArn,
                thresholds: awsAlarmThresholds(settings.profile.data),
                natGatewayIds: network.natGateways.map((n) => n.id),
            },
            componentOpts,
        );
    }
    // The environment's monthly budget (seed 003) on its cost allocation tag.
    if (settings.budget !== undefined) {
        new AwsBudget(
            "budget",
            { naming, monthlyLimitUsd: settings.budget.monthlyLimitUsd, recipients: settings.budget.recipients },
            componentOpts,
        );
    }
    const { publicZone, privateZone } = settings.dns;
    const dns = wantsDnsZones(settings.dns)
        ? new AwsDnsZones(
              "dns",
              {
                  naming,
                  publicZone,
                  privateZone,
                  vpcId: network.vpcId,
                  region: settings.region,
                  queryLogs: { retentionDays: settings.profile.logRetentionDays, kmsKeyArn: logsKeyArn },
              },
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
