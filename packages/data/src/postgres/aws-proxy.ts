/**
 * RDS Proxy in front of the primary (docs/decisions.md "Connection pooling"): clients and the proxy
 * both authenticate with IAM (`defaultAuthScheme: IAM_AUTH`), so the proxy needs no secret, only
 * `rds-db:connect` on the instance; TLS is required; it sits in the isolated subnets behind its own
 * security group (5432 from the cluster's nodes), which is the only other source the database's
 * group admits.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Children } from "../component.js";
import { policyDocument, serviceTrustPolicy } from "../aws/iam.js";
import { dataSecurityGroup } from "../aws/security-group.js";

export interface RdsProxyArgs {
    readonly partition: pulumi.Input<string>;
    readonly instance: aws.rds.Instance;
    readonly databaseSecurityGroupId: pulumi.Input<string>;
    readonly vpcId: pulumi.Input<string>;
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    readonly allowedSecurityGroupIds: readonly pulumi.Input<string>[];
    readonly port: number;
}

export interface RdsProxy {
    readonly proxy: aws.rds.Proxy;
    readonly role: aws.iam.Role;
    readonly securityGroup: aws.ec2.SecurityGroup;
}

/** The IAM statement that lets a principal connect as any database role of an instance (by its DBI resource id). */
export function rdsConnectPolicy(partition: string, region: string, accountId: string, resourceId: string): string {
    return JSON.stringify(
        policyDocument({
            Sid: "ConnectWithIamAuthentication",
            Effect: "Allow",
            Action: "rds-db:connect",
            Resource: `arn:${partition}:rds-db:${region}:${accountId}:dbuser:${resourceId}/*`,
        }),
    );
}

/** Idle client connections close after 30 minutes (the RDS Proxy default, stated). */
export const PROXY_IDLE_CLIENT_TIMEOUT_SECONDS = 1800;

export function rdsProxy(children: Children, args: RdsProxyArgs): RdsProxy {
    const region = aws.getRegionOutput({}, { parent: args.instance }).region;
    const accountId = aws.getCallerIdentityOutput({}, { parent: args.instance }).accountId;
    const role = new aws.iam.Role(
        children.name("proxy"),
        {
            name: children.physical("proxy", "iamRole"),
            description: "RDS Proxy: connects to the database with IAM authentication",
            assumeRolePolicy: JSON.stringify(serviceTrustPolicy("rds.amazonaws.com")),
        },
        children.options(),
    );
    const rolePolicy = new aws.iam.RolePolicy(
        children.name("proxy-connect"),
        {
            role: role.id,
            name: "rds-db-connect",
            policy: pulumi
                .all([args.partition, region, accountId, args.instance.resourceId])
                .apply(([partition, r, account, resourceId]) => rdsConnectPolicy(partition, r, account, resourceId)),
        },
        children.options(),
    );
    const sg = dataSecurityGroup(children, "proxy", {
        vpcId: args.vpcId,
        port: args.port,
        allowedSecurityGroupIds: args.allowedSecurityGroupIds,
        service: "Postgres through RDS Proxy",
    });
    const toDatabase = new aws.vpc.SecurityGroupEgressRule(
        children.name("proxy-to-db"),
        {
            securityGroupId: sg.group.id,
            referencedSecurityGroupId: args.databaseSecurityGroupId,
            ipProtocol: "tcp",
            fromPort: args.port,
            toPort: args.port,
            description: "RDS Proxy to the database",
            tags: { Name: children.physical("proxy-to-db") },
        },
        children.options(),
    );
    const fromProxy = new aws.vpc.SecurityGroupIngressRule(
        children.name("db-from-proxy"),
        {
            securityGroupId: args.databaseSecurityGroupId,
            referencedSecurityGroupId: sg.group.id,
            ipProtocol: "tcp",
            fromPort: args.port,
            toPort: args.port,
            description: "Postgres from the RDS Proxy",
            tags: { Name: children.physical("db-from-proxy") },
        },
        children.options(),
    );
    const proxyName = children.physical("proxy", "rds");
    const proxy = new aws.rds.Proxy(
        children.name("proxy"),
        {
            name: proxyName,
            engineFamily: "POSTGRESQL",
            defaultAuthScheme: "IAM_AUTH",
            requireTls: true,
            roleArn: role.arn,
            vpcSubnetIds: args.subnetIds,
            vpcSecurityGroupIds: [sg.group.id],
            idleClientTimeout: PROXY_IDLE_CLIENT_TIMEOUT_SECONDS,
            debugLogging: false,
            tags: { Name: proxyName },
        },
        children.options({ dependsOn: [rolePolicy, toDatabase, fromProxy] }),
    );
    const targetGroup = new aws.rds.ProxyDefaultTargetGroup(
        children.name("proxy"),
        {
            dbProxyName: proxy.name,
            connectionPoolConfig: { maxConnectionsPercent: 90, maxIdleConnectionsPercent: 50, connectionBorrowTimeout: 120 },
        },
        children.options(),
    );
    new aws.rds.ProxyTarget(
        children.name("proxy"),
        { dbProxyName: proxy.name, targetGroupName: targetGroup.name, dbInstanceIdentifier: args.instance.identifier },
        children.options(),
    );
    return { proxy, role, securityGroup: sg.group };
}
