import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { evaluateBothWays, ownershipTags, policyConventionProblems, StackFixture } from "@platform/policy-kit/harness";
import { packName, policies } from "../src/index.js";

const PACK_DIR = path.resolve(__dirname, "../..");

/** A stack that trips every policy in the pack at least once. */
function everyViolation() {
    const s = new StackFixture({ stack: "prod" });
    const provider = s.awsProvider("aws", ownershipTags("prod"), { jsonEncoded: true });
    s.custom("aws:ec2/vpc:Vpc", "vpc", { cidrBlock: "10.0.0.0/16" }, { provider, id: "vpc-1" });
    s.custom(
        "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
        "default",
        { vpcId: "vpc-1", ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }] },
        { provider },
    );
    s.custom("aws:ec2/subnet:Subnet", "private", { vpcId: "vpc-1", mapPublicIpOnLaunch: true, tags: { tier: "private" } }, { provider });
    s.custom(
        "aws:ec2/securityGroup:SecurityGroup",
        "ssh",
        { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] },
        { provider },
    );
    s.custom(
        "aws:kms/key:Key",
        "key",
        { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "kms:*" }] }) },
        { provider },
    );
    s.custom("aws:cloudwatch/logGroup:LogGroup", "logs", { retentionInDays: pulumi.unknown }, { provider });
    s.custom(
        "aws:cloudwatch/logGroup:LogGroup",
        "short-logs",
        { retentionInDays: 30, kmsKeyId: "arn:aws:kms:us-east-1:1:key/k" },
        { provider },
    );
    s.custom("aws:route53/zone:Zone", "public", { name: "acme.example.com" }, { provider, id: "ZPUBLIC" });
    s.custom("aws:eks/cluster:Cluster", "eks", { version: "1.27" }, { provider });
    s.custom(
        "aws:ec2/launchTemplate:LaunchTemplate",
        "nodes",
        { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 50 } }] },
        { provider },
    );
    // The data layer's resources, with nothing set.
    s.custom("aws:rds/instance:Instance", "db", { publiclyAccessible: true }, { provider });
    s.custom("aws:elasticache/replicationGroup:ReplicationGroup", "cache", {}, { provider });
    s.custom("aws:mq/broker:Broker", "broker", { publiclyAccessible: true }, { provider });
    s.custom("aws:s3/bucket:Bucket", "bucket", { bucket: "b" }, { provider });
    s.custom("aws:sqs/queue:Queue", "queue", {}, { provider });
    // The security layer's resources, weakened.
    s.custom(
        "aws:iam/role:Role",
        "ci",
        {
            assumeRolePolicy: JSON.stringify({
                Statement: [
                    {
                        Effect: "Allow",
                        Principal: { Federated: "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" },
                        Action: "sts:AssumeRoleWithWebIdentity",
                    },
                ],
            }),
            inlinePolicies: [{ name: "all", policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }) }],
        },
        { provider },
    );
    s.custom("aws:cloudtrail/trail:Trail", "trail", { s3BucketName: "b" }, { provider });
    s.custom("aws:guardduty/detector:Detector", "detector", { enable: false }, { provider });
    s.custom("aws:secretsmanager/secret:Secret", "secret", {}, { provider });
    // The observability layer's resources, unencrypted and silent.
    s.custom("aws:sns/topic:Topic", "alarms", {}, { provider });
    s.custom("aws:cloudwatch/metricAlarm:MetricAlarm", "cpu", { actionsEnabled: false }, { provider });
    // The Checkov twins' resources, each breaking its rule.
    const open = (Action: string, Effect = "Allow") => JSON.stringify({ Statement: [{ Effect, Principal: "*", Action, Resource: "*" }] });
    s.custom("aws:s3/bucketPolicy:BucketPolicy", "public-read", { bucket: "b", policy: open("s3:GetObject") }, { provider });
    s.custom("aws:s3/bucketPolicy:BucketPolicy", "lockout", { bucket: "b", policy: open("s3:PutBucketPolicy", "Deny") }, { provider });
    s.custom("aws:sqs/queuePolicy:QueuePolicy", "queue-all", { queueUrl: "q", policy: open("*", "Deny") }, { provider });
    s.custom(
        "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
        "acls",
        { bucket: "b", rule: { objectOwnership: "ObjectWriter" } },
        { provider },
    );
    s.custom("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "no-abort", { bucket: "b", rules: [] }, { provider });
    s.custom("aws:iam/role:Role", "anyone", { assumeRolePolicy: open("sts:AssumeRole") }, { provider });
    const params = s.custom(
        "aws:rds/parameterGroup:ParameterGroup",
        "pg-params",
        { family: "postgres17", parameters: [] },
        { provider, id: "pg-params" },
    );
    s.custom(
        "aws:rds/instance:Instance",
        "pg",
        { engine: "postgres", parameterGroupName: "pg-params" },
        { provider, propertyDependencies: { parameterGroupName: [params] } },
    );
    s.custom("aws:kms/key:Key", "disabled-key", { isEnabled: false }, { provider });
    s.custom("aws:backup/vault:Vault", "vault", {}, { provider });
    s.custom("aws:eks/nodeGroup:NodeGroup", "ssh-nodes", { clusterName: "eks", remoteAccess: { ec2SshKey: "ops" } }, { provider });
    s.custom("aws:ec2/instance:Instance", "public-instance", { associatePublicIpAddress: true }, { provider });
    s.custom("aws:ec2/eip:Eip", "spare-ip", { domain: "vpc" }, { provider });
    s.custom(
        "aws:ec2/route:Route",
        "nat-instance",
        { routeTableId: "rt", destinationCidrBlock: "0.0.0.0/0", instanceId: "i-1" },
        { provider },
    );
    s.custom("aws:mq/broker:Broker", "activemq", { engineType: "ActiveMQ" }, { provider });
    // The public edge's resources, with nothing set: a public ALB without WAF, an HTTP listener, an empty web ACL.
    const alb = s.custom("aws:lb/loadBalancer:LoadBalancer", "alb", {}, { provider, id: "alb-arn" });
    s.custom(
        "aws:lb/listener:Listener",
        "https",
        { loadBalancerArn: "alb-arn", protocol: "HTTPS" },
        { provider, propertyDependencies: { loadBalancerArn: [alb] } },
    );
    s.custom(
        "aws:lb/listener:Listener",
        "http",
        { loadBalancerArn: "alb-arn" },
        { provider, propertyDependencies: { loadBalancerArn: [alb] } },
    );
    s.custom("aws:wafv2/webAcl:WebAcl", "acl", { scope: "REGIONAL" }, { provider });
    // More twins' resources: CT logging off, an HTTP target group without health check or HTTPS
    // listener, all traffic out to the internet, keys in user data, a literal A record, an
    // unreplicated production backup bucket (the ci role's "*" also grants escalation and
    // permissions management; the trail delivers nowhere in CloudWatch Logs).
    s.custom(
        "aws:acm/certificate:Certificate",
        "cert",
        { domainName: "acme.example.com", options: { certificateTransparencyLoggingPreference: "DISABLED" } },
        { provider },
    );
    s.custom("aws:lb/targetGroup:TargetGroup", "plain-targets", { protocol: "HTTP", port: 80 }, { provider });
    s.custom(
        "aws:ec2/securityGroup:SecurityGroup",
        "egress-all",
        { egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] },
        { provider },
    );
    s.custom("aws:ec2/instance:Instance", "leaky-user-data", { userData: "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE" }, { provider });
    s.custom(
        "aws:route53/record:Record",
        "literal",
        { zoneId: "ZPUBLIC", name: "old.acme.example.com", type: "A", records: ["198.51.100.7"], ttl: 300 },
        { provider },
    );
    s.custom("aws:s3/bucket:Bucket", "backups", { bucket: "backups", tags: { "backup-store": "primary" } }, { provider });
    return s.build();
}

/** The data layer's policies, each tripped by everyViolation's resources. */
const DATA_POLICIES = [
    "aws-rds-encrypted-cmk",
    "aws-rds-not-public",
    "aws-rds-multi-az",
    "aws-rds-deletion-protection",
    "aws-rds-backup-retention",
    "aws-rds-performance-insights",
    "aws-rds-iam-auth",
    "aws-rds-log-exports",
    "aws-rds-enhanced-monitoring",
    "aws-elasticache-encryption",
    "aws-mq-not-public",
    "aws-mq-logs",
    "aws-s3-public-access-block",
    "aws-s3-versioning",
    "aws-s3-sse-kms",
    "aws-s3-lifecycle",
    "aws-sqs-encrypted",
    "aws-sqs-dlq",
];

/** The security layer's policies, each tripped by everyViolation's resources. */
const SECURITY_POLICIES = [
    "aws-iam-no-wildcard-admin",
    "aws-iam-oidc-trust-scoped",
    "aws-cloudtrail-enabled",
    "aws-guardduty-enabled",
    "aws-secrets-encrypted-cmk",
];

/** The Checkov twins (issue 14), each tripped by everyViolation's resources. */
const TWIN_POLICIES = [
    "aws-resource-policy-no-public-principal",
    "aws-sqs-policy-no-wildcard-action",
    "aws-s3-policy-no-lockout",
    "aws-s3-acls-disabled",
    "aws-s3-abort-incomplete-uploads",
    "aws-iam-trust-named-principals",
    "aws-rds-patched",
    "aws-rds-copy-tags-to-snapshot",
    "aws-rds-tls-required",
    "aws-rds-postgres-query-logging",
    "aws-kms-key-policy-defined",
    "aws-kms-key-enabled",
    "aws-backup-vault-cmk",
    "aws-mq-auto-minor-upgrade",
    "aws-eks-nodegroup-no-remote-access",
    "aws-ec2-no-public-ip",
    "aws-eip-attached",
    "aws-route-default-targets",
    "aws-sg-descriptions",
    "aws-sg-attached",
    "aws-mq-encryption-cmk",
    "aws-iam-no-unscoped-sensitive-reads",
    "aws-acm-certificate-transparency",
    "aws-lb-target-group-health-check",
    "aws-lb-target-group-https-listener",
    "aws-sg-no-public-egress-all",
    "aws-iam-no-privilege-escalation",
    "aws-iam-no-unscoped-permissions-management",
    "aws-ec2-user-data-no-secrets",
    "aws-cloudtrail-cloudwatch-logs",
    "aws-route53-record-attached",
    "aws-s3-backup-replication",
];

/** The observability layer's policies, each tripped by everyViolation's resources. */
const OBSERVABILITY_POLICIES = ["aws-sns-encrypted-cmk", "aws-cloudwatch-alarm-actions"];

/** The public edge's policies, each tripped by everyViolation's resources. */
const EDGE_POLICIES = [
    "aws-alb-tls-policy",
    "aws-alb-https-redirect",
    "aws-alb-drop-invalid-headers",
    "aws-alb-access-logs",
    "aws-alb-deletion-protection",
    "aws-wafv2-on-public-lb",
    "aws-wafv2-logging",
    "aws-wafv2-managed-rules",
];

describe("aws pack", () => {
    it("exports the catalogue's AWS policies, all mandatory, with their severities", () => {
        assert.equal(packName, "aws");
        assert.deepEqual(
            policies.map((p) => [p.name, p.enforcementLevel, p.severity]),
            [
                ["aws-vpc-flow-logs", "mandatory", "medium"],
                ["aws-vpc-default-sg-closed", "mandatory", "high"],
                ["aws-subnet-no-auto-public-ip", "mandatory", "medium"],
                ["aws-sg-no-public-ingress", "mandatory", "high"],
                ["aws-kms-rotation", "mandatory", "medium"],
                ["aws-kms-policy", "mandatory", "critical"],
                ["aws-cloudwatch-logs-retention-kms", "mandatory", "medium"],
                ["aws-cloudwatch-logs-retention-prod", "mandatory", "medium"],
                ["aws-eks-endpoint-not-public", "mandatory", "high"],
                ["aws-eks-secrets-encrypted", "mandatory", "high"],
                ["aws-eks-control-plane-logging", "mandatory", "medium"],
                ["aws-eks-supported-version", "mandatory", "medium"],
                ["aws-ec2-imdsv2-required", "mandatory", "high"],
                ["aws-ebs-volumes-encrypted", "mandatory", "high"],
                ["aws-rds-encrypted-cmk", "mandatory", "high"],
                ["aws-rds-not-public", "mandatory", "critical"],
                ["aws-rds-multi-az", "mandatory", "high"],
                ["aws-rds-deletion-protection", "mandatory", "high"],
                ["aws-rds-backup-retention", "mandatory", "high"],
                ["aws-rds-performance-insights", "mandatory", "low"],
                ["aws-rds-iam-auth", "mandatory", "medium"],
                ["aws-rds-log-exports", "mandatory", "medium"],
                ["aws-rds-enhanced-monitoring", "mandatory", "low"],
                ["aws-elasticache-encryption", "mandatory", "high"],
                ["aws-mq-not-public", "mandatory", "critical"],
                ["aws-mq-logs", "mandatory", "medium"],
                ["aws-s3-public-access-block", "mandatory", "critical"],
                ["aws-s3-versioning", "mandatory", "medium"],
                ["aws-s3-sse-kms", "mandatory", "high"],
                ["aws-s3-lifecycle", "mandatory", "low"],
                ["aws-sqs-encrypted", "mandatory", "medium"],
                ["aws-sqs-dlq", "mandatory", "medium"],
                ["aws-route53-dnssec", "mandatory", "medium"],
                ["aws-route53-query-logging", "mandatory", "medium"],
                ["aws-route53-failover-health-check", "mandatory", "high"],
                ["aws-iam-no-wildcard-admin", "mandatory", "critical"],
                ["aws-iam-oidc-trust-scoped", "mandatory", "critical"],
                ["aws-cloudtrail-enabled", "mandatory", "high"],
                ["aws-guardduty-enabled", "mandatory", "high"],
                ["aws-secrets-encrypted-cmk", "mandatory", "high"],
                ["aws-sns-encrypted-cmk", "mandatory", "medium"],
                ["aws-cloudwatch-alarm-actions", "mandatory", "medium"],
                ["aws-resource-policy-no-public-principal", "mandatory", "critical"],
                ["aws-sqs-policy-no-wildcard-action", "mandatory", "high"],
                ["aws-s3-policy-no-lockout", "mandatory", "medium"],
                ["aws-s3-acls-disabled", "mandatory", "high"],
                ["aws-s3-abort-incomplete-uploads", "mandatory", "low"],
                ["aws-iam-trust-named-principals", "mandatory", "critical"],
                ["aws-rds-patched", "mandatory", "medium"],
                ["aws-rds-copy-tags-to-snapshot", "mandatory", "low"],
                ["aws-rds-tls-required", "mandatory", "high"],
                ["aws-rds-postgres-query-logging", "mandatory", "medium"],
                ["aws-kms-key-policy-defined", "mandatory", "medium"],
                ["aws-kms-key-enabled", "mandatory", "high"],
                ["aws-backup-vault-cmk", "mandatory", "high"],
                ["aws-mq-auto-minor-upgrade", "mandatory", "medium"],
                ["aws-eks-nodegroup-no-remote-access", "mandatory", "high"],
                ["aws-ec2-no-public-ip", "mandatory", "high"],
                ["aws-eip-attached", "mandatory", "low"],
                ["aws-route-default-targets", "mandatory", "high"],
                ["aws-sg-descriptions", "mandatory", "low"],
                ["aws-sg-attached", "mandatory", "low"],
                ["aws-mq-encryption-cmk", "mandatory", "medium"],
                ["aws-iam-no-unscoped-sensitive-reads", "mandatory", "high"],
                ["aws-acm-certificate-transparency", "mandatory", "medium"],
                ["aws-lb-target-group-health-check", "mandatory", "medium"],
                ["aws-lb-target-group-https-listener", "mandatory", "high"],
                ["aws-sg-no-public-egress-all", "mandatory", "medium"],
                ["aws-iam-no-privilege-escalation", "mandatory", "critical"],
                ["aws-iam-no-unscoped-permissions-management", "mandatory", "high"],
                ["aws-ec2-user-data-no-secrets", "mandatory", "critical"],
                ["aws-cloudtrail-cloudwatch-logs", "mandatory", "medium"],
                ["aws-route53-record-attached", "mandatory", "medium"],
                ["aws-s3-backup-replication", "mandatory", "high"],
                ["aws-alb-tls-policy", "mandatory", "high"],
                ["aws-alb-https-redirect", "mandatory", "high"],
                ["aws-alb-drop-invalid-headers", "mandatory", "medium"],
                ["aws-alb-access-logs", "mandatory", "medium"],
                ["aws-alb-deletion-protection", "mandatory", "medium"],
                ["aws-wafv2-on-public-lb", "mandatory", "high"],
                ["aws-wafv2-logging", "mandatory", "medium"],
                ["aws-wafv2-managed-rules", "mandatory", "high"],
            ],
        );
    });

    it("every policy is named <pack>-… and carries severity, peer checks or seed tags, remediation steps and a url", () => {
        assert.deepEqual(policyConventionProblems(packName, policies), []);
    });

    it("runs as a real policy pack process (PulumiPolicy.yaml + package.json main) and reports what evaluatePack reports", async function () {
        this.timeout(30000);
        const opts = { config: { "aws-kms-rotation": "advisory" }, stackTags: { "pulumi:project": "platform" } };
        const viaKit = await evaluateBothWays(PACK_DIR, { name: packName, version: "0.1.0", policies }, everyViolation, opts);
        assert.deepEqual(
            [...new Set(viaKit.map((v) => `${v.policy}:${v.enforcementLevel}`))].sort(),
            [
                "aws-cloudwatch-logs-retention-kms:advisory",
                "aws-cloudwatch-logs-retention-prod:mandatory",
                "aws-ebs-volumes-encrypted:mandatory",
                "aws-ec2-imdsv2-required:mandatory",
                "aws-eks-control-plane-logging:mandatory",
                "aws-eks-endpoint-not-public:mandatory",
                "aws-eks-secrets-encrypted:mandatory",
                "aws-eks-supported-version:mandatory",
                "aws-kms-policy:mandatory",
                "aws-kms-rotation:advisory",
                "aws-sg-no-public-ingress:mandatory",
                "aws-subnet-no-auto-public-ip:mandatory",
                "aws-vpc-default-sg-closed:mandatory",
                "aws-vpc-flow-logs:mandatory",
                "aws-route53-dnssec:mandatory",
                "aws-route53-query-logging:mandatory",
            ]
                .concat(DATA_POLICIES.map((p) => `${p}:mandatory`))
                .concat(SECURITY_POLICIES.map((p) => `${p}:mandatory`))
                .concat(OBSERVABILITY_POLICIES.map((p) => `${p}:mandatory`))
                .concat(TWIN_POLICIES.map((p) => `${p}:mandatory`))
                .concat(EDGE_POLICIES.map((p) => `${p}:mandatory`))
                .sort(),
        );
    });
});
