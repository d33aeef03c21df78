/**
 * AwsPublicEdge: the one internet-facing entry of an AWS environment (issue 12). An Application
 * Load Balancer in the public subnets terminates TLS (1.3 and 1.2 only, an ACM certificate for the
 * public zone's apex and wildcard, validated by DNS), redirects HTTP to HTTPS, drops invalid
 * headers, writes access logs, and forwards to the public gateway's pods through an IP target
 * group (the cluster binds the gateway Service to it with a TargetGroupBinding). A WAFv2 web ACL
 * (AWS managed rules and a per-IP rate limit, {@link planWafRules}) guards it and logs to a
 * KMS-encrypted log group with credentials redacted. Route 53 alias records point the apex and the
 * wildcard at it.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { accountRegionalBucketName, type ComponentNaming, PlatformComponent } from "@platform/core";
import { trailLifecycleRules } from "@platform/security";
import {
    ACCESS_LOG_PREFIX,
    ALB_TLS_POLICY,
    EDGE_HEALTH_PATH,
    albAccessLogBucketPolicy,
    DEFAULT_RATE_LIMIT_PER_5_MINUTES,
    planWafRules,
    publicHostnames,
    validateAwsPublicEdgeArgs,
    wafRedactedFields,
} from "./aws-edge-plan.js";

/** Tag (and value) the aws pack's `aws-sg-no-public-ingress` accepts tcp/80 and tcp/443 from the internet on. */
const EXPOSURE_TAGS = { exposure: "internet-facing-lb" } as const;

export interface AwsPublicEdgeArgs {
    /** Project and environment: physical names are `<project>-<env>-<component name>-<child>`. */
    readonly naming: ComponentNaming;
    /** The region (the access-log writer differs per region). */
    readonly region: string;
    readonly vpcId: pulumi.Input<string>;
    /** The foundation's public subnets, one per AZ (at least two: an ALB spans two AZs or more). */
    readonly publicSubnetIds: readonly pulumi.Input<string>[];
    /** The public zone's domain: the certificate covers it and `*.<domain>`, the alias records are there. */
    readonly domain: string;
    /** The public zone's Route 53 id. */
    readonly zoneId: pulumi.Input<string>;
    /**
     * The security group of the pods behind the load balancer (the cluster's node security group:
     * VPC CNI pods carry it). The load balancer may reach it on the target and health-check ports
     * only, and it admits the load balancer on those ports only.
     */
    readonly targetSecurityGroupId: pulumi.Input<string>;
    /** The gateway pods' plain HTTP port and readiness endpoint (Istio's ingress gateway: 8080, 15021 `/healthz/ready`). */
    readonly target: { readonly port: number; readonly healthCheckPort: number; readonly healthCheckPath: string };
    /** The foundation's `logs` key: the WAF log group is encrypted with it. */
    readonly logsKmsKeyArn: pulumi.Input<string>;
    /** Days WAF logs and access logs are kept (the profile's `logRetentionDays`). */
    readonly logRetentionDays: number;
    /**
     * Requests per client IP per 5 minutes before WAF blocks that IP (seed 002 "rate limiting").
     * @default 2000 (AWS's suggested start; raise it for APIs behind NAT-ed clients)
     */
    readonly rateLimitPer5Minutes?: number;
    /**
     * Refuse deletion of the load balancer (prod and dr): deleting it takes every public hostname down.
     * @default false
     */
    readonly deletionProtection?: boolean;
}

export class AwsPublicEdge extends PlatformComponent {
    readonly loadBalancerArn: pulumi.Output<string>;
    /** `app/<name>/<id>`: the CloudWatch `LoadBalancer` dimension. */
    readonly loadBalancerArnSuffix: pulumi.Output<string>;
    readonly dnsName: pulumi.Output<string>;
    /** The load balancer's canonical hosted zone id (for alias records in other zones). */
    readonly zoneId: pulumi.Output<string>;
    readonly targetGroupArn: pulumi.Output<string>;
    readonly webAclArn: pulumi.Output<string>;
    readonly securityGroupId: pulumi.Output<string>;
    readonly hostnames: readonly string[];
    readonly rateLimitPer5Minutes: number;
    /** The path the load balancer answers itself over HTTPS (EDGE_HEALTH_PATH): for external health checks. */
    readonly healthCheckPath: string;

    constructor(name: string, args: AwsPublicEdgeArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:network:AwsPublicEdge", name, args.naming, opts);
        const rateLimit = args.rateLimitPer5Minutes ?? DEFAULT_RATE_LIMIT_PER_5_MINUTES;
        this.validate(
            validateAwsPublicEdgeArgs({
                domain: args.domain,
                region: args.region,
                rateLimitPer5Minutes: rateLimit,
                publicSubnets: args.publicSubnetIds.length,
                targetPort: args.target.port,
                healthCheckPort: args.target.healthCheckPort,
            }),
        );
        const accountId = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
        const targetPorts = [...new Set([args.target.port, args.target.healthCheckPort])];

        // Security groups keep Pulumi autonaming (docs/components.md); the Name tag carries the name.
        const sg = new aws.ec2.SecurityGroup(
            this.childName("alb"),
            {
                vpcId: args.vpcId,
                description: "Public load balancer: HTTPS and HTTP from the internet, to the gateway pods only",
                tags: { Name: this.physicalName("alb"), ...EXPOSURE_TAGS },
            },
            this.childOptions(),
        );
        for (const port of [443, 80]) {
            new aws.vpc.SecurityGroupIngressRule(
                this.childName(`alb-in-${port}`),
                {
                    securityGroupId: sg.id,
                    ipProtocol: "tcp",
                    fromPort: port,
                    toPort: port,
                    cidrIpv4: "0.0.0.0/0",
                    description: `tcp/${port} from the internet`,
                },
                this.childOptions(),
            );
        }
        for (const port of targetPorts) {
            new aws.vpc.SecurityGroupEgressRule(
                this.childName(`alb-out-${port}`),
                {
                    securityGroupId: sg.id,
                    ipProtocol: "tcp",
                    fromPort: port,
                    toPort: port,
                    referencedSecurityGroupId: args.targetSecurityGroupId,
                    description: `tcp/${port} to the gateway pods`,
                },
                this.childOptions(),
            );
            new aws.vpc.SecurityGroupIngressRule(
                this.childName(`targets-in-${port}`),
                {
                    securityGroupId: args.targetSecurityGroupId,
                    ipProtocol: "tcp",
                    fromPort: port,
                    toPort: port,
                    referencedSecurityGroupId: sg.id,
                    description: `tcp/${port} from the public load balancer`,
                },
                this.childOptions(),
            );
        }

        // Access logs: ALB writes them only to SSE-S3 buckets (SSE-KMS is not supported for access logs).
        const bucket = new aws.s3.Bucket(
            this.childName("access-logs"),
            {
                bucket: accountId.apply((account) => accountRegionalBucketName(this.physicalPrefix, account, args.region)),
                bucketNamespace: "account-regional",
                forceDestroy: false,
                tags: { "log-delivery": "elb-access-logs" },
            },
            this.statefulOptions(),
        );
        const ownership = new aws.s3.BucketOwnershipControls(
            this.childName("access-logs"),
            { bucket: bucket.bucket, rule: { objectOwnership: "BucketOwnerEnforced" } },
            this.childOptions(),
        );
        const publicAccess = new aws.s3.BucketPublicAccessBlock(
            this.childName("access-logs"),
            { bucket: bucket.bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
            this.childOptions(),
        );
        const versioning = new aws.s3.BucketVersioning(
            this.childName("access-logs"),
            { bucket: bucket.bucket, versioningConfiguration: { status: "Enabled" } },
            this.childOptions(),
        );
        const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
            this.childName("access-logs"),
            { bucket: bucket.bucket, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] },
            this.childOptions(),
        );
        new aws.s3.BucketLifecycleConfiguration(
            this.childName("access-logs"),
            { bucket: bucket.bucket, rules: trailLifecycleRules(args.logRetentionDays) },
            this.childOptions({ dependsOn: [versioning] }),
        );
        const bucketPolicy = new aws.s3.BucketPolicy(
            this.childName("access-logs"),
            {
                bucket: bucket.bucket,
                policy: pulumi
                    .all([bucket.arn, accountId])
                    .apply(([bucketArn, account]) =>
                        JSON.stringify(albAccessLogBucketPolicy({ bucketArn, accountId: account, region: args.region })),
                    ),
            },
            this.childOptions({ dependsOn: [publicAccess, ownership] }),
        );

        // The certificate: apex and wildcard share one DNS validation record.
        const hostnames = publicHostnames(args.domain);
        const certificate = new aws.acm.Certificate(
            this.childName("certificate"),
            {
                domainName: hostnames[0],
                subjectAlternativeNames: [hostnames[1]],
                validationMethod: "DNS",
                keyAlgorithm: "EC_prime256v1",
                // Public CT logs let the domain's owner spot certificates issued for it by mistake.
                options: { certificateTransparencyLoggingPreference: "ENABLED" },
            },
            this.childOptions(),
        );
        const option = certificate.domainValidationOptions.apply((options) => {
            const first = options[0];
            if (first === undefined) throw new Error(`ACM returned no DNS validation option for ${args.domain}`);
            return first;
        });
        const validationRecord = new aws.route53.Record(
            this.childName("certificate-validation"),
            {
                zoneId: args.zoneId,
                name: option.resourceRecordName,
                type: option.resourceRecordType,
                records: [option.resourceRecordValue],
                ttl: 300,
            },
            this.childOptions(),
        );
        const validation = new aws.acm.CertificateValidation(
            this.childName("certificate"),
            { certificateArn: certificate.arn, validationRecordFqdns: [validationRecord.fqdn] },
            this.childOptions(),
        );

        const alb = new aws.lb.LoadBalancer(
            this.childName("alb"),
            {
                name: this.physicalName("alb", "loadBalancer"),
                loadBalancerType: "application",
                internal: false,
                ipAddressType: "ipv4",
                securityGroups: [sg.id],
                subnets: [...args.publicSubnetIds],
                dropInvalidHeaderFields: true,
                desyncMitigationMode: "strictest",
                enableDeletionProtection: args.deletionProtection ?? false,
                enableHttp2: true,
                idleTimeout: 60,
                accessLogs: { bucket: bucket.bucket, prefix: ACCESS_LOG_PREFIX, enabled: true },
            },
            // ELB checks it may write to the bucket when access logs are enabled.
            this.childOptions({ dependsOn: [bucketPolicy, encryption] }),
        );
        const targetGroup = new aws.lb.TargetGroup(
            this.childName("gateway"),
            {
                name: this.physicalName("gateway", "loadBalancer"),
                targetType: "ip",
                vpcId: args.vpcId,
                port: args.target.port,
                protocol: "HTTP",
                deregistrationDelay: 30,
                healthCheck: {
                    enabled: true,
                    protocol: "HTTP",
                    port: String(args.target.healthCheckPort),
                    path: args.target.healthCheckPath,
                    matcher: "200",
                    interval: 10,
                    healthyThreshold: 2,
                    unhealthyThreshold: 3,
                },
            },
            this.childOptions(),
        );
        const https = new aws.lb.Listener(
            this.childName("https"),
            {
                loadBalancerArn: alb.arn,
                port: 443,
                protocol: "HTTPS",
                sslPolicy: ALB_TLS_POLICY,
                certificateArn: validation.certificateArn,
                defaultActions: [{ type: "forward", targetGroupArn: targetGroup.arn }],
            },
            this.childOptions(),
        );
        new aws.lb.ListenerRule(
            this.childName("health"),
            {
                listenerArn: https.arn,
                priority: 1,
                conditions: [{ pathPattern: { values: [EDGE_HEALTH_PATH] } }],
                actions: [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "200", messageBody: "ok" } }],
            },
            this.childOptions(),
        );
        new aws.lb.Listener(
            this.childName("http"),
            {
                loadBalancerArn: alb.arn,
                port: 80,
                protocol: "HTTP",
                defaultActions: [{ type: "redirect", redirect: { port: "443", protocol: "HTTPS", statusCode: "HTTP_301" } }],
            },
            this.childOptions(),
        );

        // WAF: the log group's name must start with aws-waf-logs-.
        const wafLogs = new aws.cloudwatch.LogGroup(
            this.childName("waf-logs"),
            { name: `aws-waf-logs-${this.physicalName("waf")}`, retentionInDays: args.logRetentionDays, kmsKeyId: args.logsKmsKeyArn },
            this.statefulOptions(),
        );
        const webAcl = new aws.wafv2.WebAcl(
            this.childName("waf"),
            {
                name: this.physicalName("waf"),
                description: "Public load balancer: AWS managed rules and a per-IP rate limit",
                scope: "REGIONAL",
                defaultAction: { allow: {} },
                rules: planWafRules(rateLimit),
                visibilityConfig: { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: this.physicalName("waf") },
            },
            this.childOptions(),
        );
        new aws.wafv2.WebAclAssociation(this.childName("waf"), { resourceArn: alb.arn, webAclArn: webAcl.arn }, this.childOptions());
        new aws.wafv2.WebAclLoggingConfiguration(
            this.childName("waf"),
            { resourceArn: webAcl.arn, logDestinationConfigs: [wafLogs.arn], redactedFields: wafRedactedFields() },
            this.childOptions(),
        );

        hostnames.forEach((hostname, i) => {
            new aws.route53.Record(
                this.childName(i === 0 ? "apex" : "wildcard"),
                {
                    zoneId: args.zoneId,
                    name: hostname,
                    type: "A",
                    aliases: [{ name: alb.dnsName, zoneId: alb.zoneId, evaluateTargetHealth: true }],
                },
                this.childOptions(),
            );
        });

        this.loadBalancerArn = alb.arn;
        this.loadBalancerArnSuffix = alb.arnSuffix;
        this.dnsName = alb.dnsName;
        this.zoneId = alb.zoneId;
        this.targetGroupArn = targetGroup.arn;
        this.webAclArn = webAcl.arn;
        this.securityGroupId = sg.id;
        this.hostnames = hostnames;
        this.rateLimitPer5Minutes = rateLimit;
        this.healthCheckPath = EDGE_HEALTH_PATH;
        this.complete(
            "loadBalancerArn",
            "loadBalancerArnSuffix",
            "dnsName",
            "zoneId",
            "targetGroupArn",
            "webAclArn",
            "securityGroupId",
            "hostnames",
            "rateLimitPer5Minutes",
            "healthCheckPath",
        );
    }
}
