/**
 * Pulumi type tokens of the cloud resources the platform creates or its policies check: the one
 * table components' tests, the policy packs, the simulated cloud and the invariants all read.
 * Tokens rather than provider SDK classes keep @pulumi/aws and @pulumi/gcp out of the policy packs'
 * run time; `test/types.test.ts` checks every token against the class in the SDK.
 */
export const AWS_TYPES = {
    acmCertificate: "aws:acm/certificate:Certificate",
    autoscalingGroup: "aws:autoscaling/group:Group",
    cloudwatchEventRule: "aws:cloudwatch/eventRule:EventRule",
    cloudwatchEventTarget: "aws:cloudwatch/eventTarget:EventTarget",
    cloudwatchMetricAlarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    defaultNetworkAcl: "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl",
    defaultRouteTable: "aws:ec2/defaultRouteTable:DefaultRouteTable",
    defaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    ec2Instance: "aws:ec2/instance:Instance",
    egressOnlyInternetGateway: "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway",
    eip: "aws:ec2/eip:Eip",
    flowLog: "aws:ec2/flowLog:FlowLog",
    internetGateway: "aws:ec2/internetGateway:InternetGateway",
    launchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
    natGateway: "aws:ec2/natGateway:NatGateway",
    networkAcl: "aws:ec2/networkAcl:NetworkAcl",
    route: "aws:ec2/route:Route",
    routeTable: "aws:ec2/routeTable:RouteTable",
    routeTableAssociation: "aws:ec2/routeTableAssociation:RouteTableAssociation",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    securityGroupIngressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    securityGroupEgressRule: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    subnet: "aws:ec2/subnet:Subnet",
    vpc: "aws:ec2/vpc:Vpc",
    vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    ecrRepository: "aws:ecr/repository:Repository",
    eksAccessEntry: "aws:eks/accessEntry:AccessEntry",
    eksAccessPolicyAssociation: "aws:eks/accessPolicyAssociation:AccessPolicyAssociation",
    eksAddon: "aws:eks/addon:Addon",
    eksCluster: "aws:eks/cluster:Cluster",
    eksNodeGroup: "aws:eks/nodeGroup:NodeGroup",
    eksPodIdentityAssociation: "aws:eks/podIdentityAssociation:PodIdentityAssociation",
    elasticacheReplicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
    elasticacheSubnetGroup: "aws:elasticache/subnetGroup:SubnetGroup",
    iamOpenIdConnectProvider: "aws:iam/openIdConnectProvider:OpenIdConnectProvider",
    iamPolicy: "aws:iam/policy:Policy",
    iamRole: "aws:iam/role:Role",
    iamRolePolicy: "aws:iam/rolePolicy:RolePolicy",
    iamRolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    kmsAlias: "aws:kms/alias:Alias",
    kmsKey: "aws:kms/key:Key",
    kmsKeyPolicy: "aws:kms/keyPolicy:KeyPolicy",
    lbLoadBalancer: "aws:lb/loadBalancer:LoadBalancer",
    lbTargetGroup: "aws:lb/targetGroup:TargetGroup",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    mqBroker: "aws:mq/broker:Broker",
    rdsCluster: "aws:rds/cluster:Cluster",
    rdsInstance: "aws:rds/instance:Instance",
    rdsSubnetGroup: "aws:rds/subnetGroup:SubnetGroup",
    route53Zone: "aws:route53/zone:Zone",
    s3Bucket: "aws:s3/bucket:Bucket",
    s3BucketV2: "aws:s3/bucketV2:BucketV2",
    secretsmanagerSecret: "aws:secretsmanager/secret:Secret",
    snsTopic: "aws:sns/topic:Topic",
    sqsQueue: "aws:sqs/queue:Queue",
    sqsQueuePolicy: "aws:sqs/queuePolicy:QueuePolicy",
    wafv2WebAcl: "aws:wafv2/webAcl:WebAcl",
} as const;

export const GCP_TYPES = {
    address: "gcp:compute/address:Address",
    artifactRegistryRepository: "gcp:artifactregistry/repository:Repository",
    computeInstance: "gcp:compute/instance:Instance",
    containerCluster: "gcp:container/cluster:Cluster",
    containerNodePool: "gcp:container/nodePool:NodePool",
    cryptoKey: "gcp:kms/cryptoKey:CryptoKey",
    cryptoKeyIamMember: "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember",
    disk: "gcp:compute/disk:Disk",
    firewall: "gcp:compute/firewall:Firewall",
    forwardingRule: "gcp:compute/forwardingRule:ForwardingRule",
    globalAddress: "gcp:compute/globalAddress:GlobalAddress",
    globalForwardingRule: "gcp:compute/globalForwardingRule:GlobalForwardingRule",
    instanceTemplate: "gcp:compute/instanceTemplate:InstanceTemplate",
    keyRing: "gcp:kms/keyRing:KeyRing",
    managedZone: "gcp:dns/managedZone:ManagedZone",
    network: "gcp:compute/network:Network",
    projectIamMember: "gcp:projects/iAMMember:IAMMember",
    projectService: "gcp:projects/service:Service",
    pubsubSubscription: "gcp:pubsub/subscription:Subscription",
    pubsubTopic: "gcp:pubsub/topic:Topic",
    redisInstance: "gcp:redis/instance:Instance",
    regionBackendService: "gcp:compute/regionBackendService:RegionBackendService",
    router: "gcp:compute/router:Router",
    routerNat: "gcp:compute/routerNat:RouterNat",
    secretManagerSecret: "gcp:secretmanager/secret:Secret",
    serviceAccount: "gcp:serviceaccount/account:Account",
    serviceNetworkingConnection: "gcp:servicenetworking/connection:Connection",
    sqlDatabaseInstance: "gcp:sql/databaseInstance:DatabaseInstance",
    storageBucket: "gcp:storage/bucket:Bucket",
    subnetwork: "gcp:compute/subnetwork:Subnetwork",
} as const;

/** Tokens the platform itself uses: the root stack and provider resources. */
export const PULUMI_TYPES = {
    stack: "pulumi:pulumi:Stack",
    stackReference: "pulumi:pulumi:StackReference",
    awsProvider: "pulumi:providers:aws",
    gcpProvider: "pulumi:providers:gcp",
    kubernetesProvider: "pulumi:providers:kubernetes",
} as const;

/** Kubernetes type tokens the platform creates or its policies check (`kubernetes:<group>/<version>:<Kind>`). */
export const KUBERNETES_TYPES = {
    ec2NodeClass: "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass",
    helmRelease: "kubernetes:helm.sh/v3:Release",
    karpenterNodePool: "kubernetes:karpenter.sh/v1:NodePool",
    storageClass: "kubernetes:storage.k8s.io/v1:StorageClass",
} as const;

/** Prefix of every provider resource type (`pulumi:providers:<package>`). */
export const PROVIDER_TYPE_PREFIX = "pulumi:providers:";

/** The platform's own component types: `platform:<package>:<Type>`. */
export const COMPONENT_TYPE_PATTERN = /^platform:(network|security|cluster|data|observability|delivery):[A-Z][A-Za-z0-9]+$/;
