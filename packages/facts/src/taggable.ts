/**
 * Which resource types carry tags (AWS) or labels (GCP), so the ownership keys must be on them.
 *
 * Rule: a custom AWS resource is taggable when its type is in AWS_TAGGABLE_TYPES or, for a type not
 * in AWS_UNTAGGABLE_TYPES, when its props have a `tags` or `tagsAll` key; a custom GCP resource is
 * labellable when its type is in GCP_LABELLABLE_TYPES or its props have a `labels`,
 * `resourceLabels`, `effectiveLabels` or `pulumiLabels` key. The keys catch every type whose program
 * sets tags, and every deployed taggable resource (bridged providers always return `tagsAll` /
 * `effectiveLabels` for them); the lists catch the types the platform creates without any tag
 * input. The simulated cloud uses the same lists to decide which types get `tagsAll` /
 * `effectiveLabels`, and the platform pack's platform-required-tags policy to decide what it checks.
 * Cloud SQL's `settings.userLabels` and monitoring's `userLabels` do not receive provider default
 * labels, so those types are left to their own policies.
 */
import { AWS_TYPES as A, GCP_TYPES as G } from "./types.js";

export const AWS_TAGGABLE_TYPES: ReadonlySet<string> = new Set([
    A.vpc,
    A.subnet,
    A.internetGateway,
    A.egressOnlyInternetGateway,
    A.natGateway,
    A.eip,
    A.routeTable,
    A.defaultRouteTable,
    A.networkAcl,
    A.defaultNetworkAcl,
    A.securityGroup,
    A.defaultSecurityGroup,
    A.securityGroupIngressRule,
    A.securityGroupEgressRule,
    A.vpcEndpoint,
    A.flowLog,
    A.launchTemplate,
    A.ec2Instance,
    A.kmsKey,
    A.logGroup,
    A.cloudwatchMetricAlarm,
    A.iamRole,
    A.iamPolicy,
    A.iamOpenIdConnectProvider,
    A.route53Zone,
    A.route53HealthCheck,
    A.s3BucketV2,
    A.s3Bucket,
    A.eksCluster,
    A.eksNodeGroup,
    A.eksAddon,
    A.eksAccessEntry,
    A.eksPodIdentityAssociation,
    A.cloudwatchEventRule,
    A.sqsQueue,
    A.rdsInstance,
    A.rdsCluster,
    A.rdsSubnetGroup,
    A.elasticacheReplicationGroup,
    A.elasticacheSubnetGroup,
    A.mqBroker,
    A.rdsParameterGroup,
    A.rdsProxy,
    A.backupVault,
    A.backupPlan,
    A.snsTopic,
    A.budgetsBudget,
    A.secretsmanagerSecret,
    A.ecrRepository,
    A.lbLoadBalancer,
    A.lbTargetGroup,
    A.lbListener,
    A.acmCertificate,
    A.wafv2WebAcl,
    A.cloudtrailTrail,
    A.guarddutyDetector,
]);

/** AWS types that cannot carry tags even when a program passes a `tags`-like input. */
export const AWS_UNTAGGABLE_TYPES: ReadonlySet<string> = new Set([
    A.route,
    A.routeTableAssociation,
    A.iamRolePolicy,
    A.iamRolePolicyAttachment,
    A.kmsAlias,
    A.route53Record,
    A.eksAccessPolicyAssociation,
    A.cloudwatchEventTarget,
    A.sqsQueuePolicy,
    A.guarddutyDetectorFeature,
    A.securityhubAccount,
    A.securityhubStandardsSubscription,
]);

/**
 * AWS types whose `tags` do not receive provider default tags (the provider documents
 * `aws_autoscaling_group` as the exception; its tags are a list of `{ key, value }`).
 */
export const AWS_TYPES_WITHOUT_DEFAULT_TAGS: ReadonlySet<string> = new Set([A.autoscalingGroup]);

export const GCP_LABELLABLE_TYPES: ReadonlySet<string> = new Set([
    G.computeInstance,
    G.instanceTemplate,
    G.address,
    G.globalAddress,
    G.disk,
    G.forwardingRule,
    G.globalForwardingRule,
    G.containerCluster,
    G.cryptoKey,
    G.storageBucket,
    G.redisInstance,
    G.pubsubTopic,
    G.pubsubSubscription,
    G.secretManagerSecret,
    G.managedZone,
    G.artifactRegistryRepository,
]);

const AWS_TAG_KEYS = ["tags", "tagsAll"];
const GCP_LABEL_KEYS = ["labels", "resourceLabels", "effectiveLabels", "pulumiLabels"];

/** "tags" for a taggable AWS resource, "labels" for a labellable GCP one, else undefined (see the module comment). */
export function tagKind(resource: {
    readonly type: string;
    readonly props: Readonly<Record<string, unknown>>;
}): "tags" | "labels" | undefined {
    if (resource.type.startsWith("aws:")) {
        if (AWS_TAGGABLE_TYPES.has(resource.type)) return "tags";
        return !AWS_UNTAGGABLE_TYPES.has(resource.type) && AWS_TAG_KEYS.some((k) => k in resource.props) ? "tags" : undefined;
    }
    if (resource.type.startsWith("gcp:")) {
        return GCP_LABELLABLE_TYPES.has(resource.type) || GCP_LABEL_KEYS.some((k) => k in resource.props) ? "labels" : undefined;
    }
    return undefined;
}
