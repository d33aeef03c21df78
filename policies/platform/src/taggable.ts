/**
 * Which resources must carry the ownership tags (AWS) or labels (GCP).
 *
 * Rule: a custom AWS resource (`aws:*`) is taggable when its props have a `tags` or `tagsAll` key
 * or its type is in AWS_TAGGABLE_TYPES; a custom GCP resource (`gcp:*`) is labellable when its
 * props have a `labels`, `resourceLabels`, `effectiveLabels` or `pulumiLabels` key or its type is
 * in GCP_LABELLABLE_TYPES. The keys catch every type whose program sets tags, and every deployed
 * taggable resource (bridged providers always return `tagsAll` / `effectiveLabels` for them); the
 * lists catch the types this platform creates without any tag input, where the props alone do not
 * show it. Resources that cannot carry tags (routes, route table associations, IAM role policy
 * attachments, KMS aliases, DNS records, GCP networks, subnetworks, routers, Cloud NAT, firewall
 * rules, key rings) have none of these keys and are on no list, so they are never flagged.
 * Providers, components and the root stack are not cloud resources and are never flagged.
 * Cloud SQL's `settings.userLabels` and monitoring's `userLabels` do not receive provider default
 * labels, so those types are left to their own policies.
 */
import type { Props } from "@platform/policy-kit";

export const AWS_TAGGABLE_TYPES: ReadonlySet<string> = new Set([
    "aws:ec2/vpc:Vpc",
    "aws:ec2/subnet:Subnet",
    "aws:ec2/internetGateway:InternetGateway",
    "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway",
    "aws:ec2/natGateway:NatGateway",
    "aws:ec2/eip:Eip",
    "aws:ec2/routeTable:RouteTable",
    "aws:ec2/defaultRouteTable:DefaultRouteTable",
    "aws:ec2/networkAcl:NetworkAcl",
    "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl",
    "aws:ec2/securityGroup:SecurityGroup",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    "aws:ec2/vpcEndpoint:VpcEndpoint",
    "aws:ec2/flowLog:FlowLog",
    "aws:ec2/launchTemplate:LaunchTemplate",
    "aws:ec2/instance:Instance",
    "aws:kms/key:Key",
    "aws:cloudwatch/logGroup:LogGroup",
    "aws:cloudwatch/metricAlarm:MetricAlarm",
    "aws:iam/role:Role",
    "aws:iam/policy:Policy",
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider",
    "aws:route53/zone:Zone",
    "aws:s3/bucketV2:BucketV2",
    "aws:s3/bucket:Bucket",
    "aws:eks/cluster:Cluster",
    "aws:eks/nodeGroup:NodeGroup",
    "aws:rds/instance:Instance",
    "aws:rds/cluster:Cluster",
    "aws:rds/subnetGroup:SubnetGroup",
    "aws:elasticache/replicationGroup:ReplicationGroup",
    "aws:elasticache/subnetGroup:SubnetGroup",
    "aws:mq/broker:Broker",
    "aws:sqs/queue:Queue",
    "aws:sns/topic:Topic",
    "aws:secretsmanager/secret:Secret",
    "aws:ecr/repository:Repository",
    "aws:lb/loadBalancer:LoadBalancer",
    "aws:lb/targetGroup:TargetGroup",
    "aws:acm/certificate:Certificate",
    "aws:wafv2/webAcl:WebAcl",
]);

export const GCP_LABELLABLE_TYPES: ReadonlySet<string> = new Set([
    "gcp:compute/instance:Instance",
    "gcp:compute/instanceTemplate:InstanceTemplate",
    "gcp:compute/address:Address",
    "gcp:compute/globalAddress:GlobalAddress",
    "gcp:compute/disk:Disk",
    "gcp:compute/forwardingRule:ForwardingRule",
    "gcp:compute/globalForwardingRule:GlobalForwardingRule",
    "gcp:container/cluster:Cluster",
    "gcp:kms/cryptoKey:CryptoKey",
    "gcp:storage/bucket:Bucket",
    "gcp:redis/instance:Instance",
    "gcp:pubsub/topic:Topic",
    "gcp:pubsub/subscription:Subscription",
    "gcp:secretmanager/secret:Secret",
    "gcp:dns/managedZone:ManagedZone",
    "gcp:artifactregistry/repository:Repository",
]);

const AWS_TAG_KEYS = ["tags", "tagsAll"];
const GCP_LABEL_KEYS = ["labels", "resourceLabels", "effectiveLabels", "pulumiLabels"];

/** "tags" for a taggable AWS resource, "labels" for a labellable GCP one, else undefined. */
export function tagKind(resource: { readonly type: string; readonly props: Props }): "tags" | "labels" | undefined {
    if (resource.type.startsWith("aws:")) {
        return AWS_TAGGABLE_TYPES.has(resource.type) || AWS_TAG_KEYS.some((k) => k in resource.props) ? "tags" : undefined;
    }
    if (resource.type.startsWith("gcp:")) {
        return GCP_LABELLABLE_TYPES.has(resource.type) || GCP_LABEL_KEYS.some((k) => k in resource.props) ? "labels" : undefined;
    }
    return undefined;
}
