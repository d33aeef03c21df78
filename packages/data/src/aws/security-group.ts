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
    /** The service's port (5432, 6379...), or its ports (5671 and 443 for a broker). */
    readonly port: number | readonly number[];
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
    const ports = typeof args.port === "number" ? [args.port] : [...args.port];
    const group = new aws.ec2.SecurityGroup(
        children.name(child),
        {
            vpcId: args.vpcId,
            description: `${args.service} on ${ports.map((p) => `tcp/${p}`).join(", ")} from the cluster nodes only`,
            tags: { Name: children.physical(child) },
        },
        children.options(),
    );
    const rules = args.allowedSecurityGroupIds.flatMap((source, i) =>
        ports.map((port) => {
            const rule = ports.length === 1 ? `${child}-from-${i + 1}` : `${child}-from-${i + 1}-${port}`;
            return new aws.vpc.SecurityGroupIngressRule(
                children.name(rule),
                {
                    securityGroupId: group.id,
                    referencedSecurityGroupId: source,
                    ipProtocol: "tcp",
                    fromPort: port,
                    toPort: port,
                    description: `${args.service} from allowed security group ${i + 1}`,
                    tags: { Name: children.physical(rule) },
                },
                children.options(),
            );
        }),
    );
    return { group, rules };
}
