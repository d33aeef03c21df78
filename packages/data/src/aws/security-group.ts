/**
 * The security group of a data service: ingress on the service's one port from the listed security
 * groups only (the cluster's nodes), nothing else in and nothing out. Rules are separate resources
 * (`aws.vpc.SecurityGroupIngressRule`), so another component can add its own rule (RDS Proxy) without
 * the group's inline rules removing it. Without allowed groups, nothing can connect.
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { Children } from "../component.js";

export interface DataSecurityGroupArgs {
    readonly vpcId: pulumi.Input<string>;
    /** The service's port (5432, 6379, 5671...). */
    readonly port: number;
    /** Security groups allowed to connect: a plain list (its length decides how many rules exist). */
    readonly allowedSecurityGroupIds: readonly pulumi.Input<string>[];
    /** What the group protects, e.g. `Postgres`. */
    readonly service: string;
}

export interface DataSecurityGroup {
    readonly group: aws.ec2.SecurityGroup;
    readonly rules: aws.vpc.SecurityGroupIngressRule[];
}

/**
 * Creates the group `<prefix>-<child>` (autonamed, its `Name` tag the physical name) and one
 * ingress rule per allowed group. The default allow-all egress rule AWS adds to a new group is
 * removed by the provider because the group declares no egress of its own.
 */
export function dataSecurityGroup(children: Children, child: string, args: DataSecurityGroupArgs): DataSecurityGroup {
    const group = new aws.ec2.SecurityGroup(
        children.name(child),
        {
            vpcId: args.vpcId,
            description: `${args.service} on tcp/${args.port} from the cluster nodes only`,
            tags: { Name: children.physical(child) },
        },
        children.options(),
    );
    const rules = args.allowedSecurityGroupIds.map(
        (source, i) =>
            new aws.vpc.SecurityGroupIngressRule(
                children.name(`${child}-from-${i + 1}`),
                {
                    securityGroupId: group.id,
                    referencedSecurityGroupId: source,
                    ipProtocol: "tcp",
                    fromPort: args.port,
                    toPort: args.port,
                    description: `${args.service} from allowed security group ${i + 1}`,
                    tags: { Name: children.physical(`${child}-from-${i + 1}`) },
                },
                children.options(),
            ),
    );
    return { group, rules };
}
