/** The foundation layer on AWS: KMS keys first (flow logs need the logs key), then network, then DNS. */
import type * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { AwsFoundationOutputs, KmsKeyOutputs, PlatformSettings, StackOutputs } from "@platform/core";
import { AwsDnsZones, AwsNetwork } from "@platform/network";
import { AwsKmsKeys, KEY_PURPOSES, type KeyPurpose } from "@platform/security";

function byPurpose(values: Readonly<Partial<Record<KeyPurpose, pulumi.Output<string>>>>): pulumi.Output<KmsKeyOutputs> {
    const entries = KEY_PURPOSES.map((p) => {
        const value = values[p];
        if (value === undefined) {
            throw new Error(`the foundation layer creates every key purpose; ${p} is missing`);
        }
        return [p, value] as const;
    });
    return pulumi.output(Object.fromEntries(entries) as Record<KeyPurpose, pulumi.Output<string>>);
}

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
    const dns =
        publicZone !== undefined || privateZone !== undefined
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
        dns: pulumi.output({
            publicZoneId: dns ? dns.publicZoneId : null,
            privateZoneId: dns ? dns.privateZoneId : null,
            publicZoneName: publicZone ?? null,
            privateZoneName: privateZone ?? null,
            publicNameServers: dns ? dns.publicNameServers : [],
        }),
    };
}
