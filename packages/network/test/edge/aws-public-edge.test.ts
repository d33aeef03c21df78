import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { countByType, fieldsAndProblems, findResource, type InventoryResource, rejectedIssues, synthesize } from "@platform/synth";
import { AwsPublicEdge, type AwsPublicEdgeArgs } from "../../src/index.js";

const base: AwsPublicEdgeArgs = {
    naming: { project: "acme", environment: "prod" },
    region: "us-east-1",
    vpcId: "vpc-1",
    publicSubnetIds: ["subnet-a", "subnet-b", "subnet-c"],
    domain: "acme.example.com",
    zoneId: "ZPUBLIC",
    targetSecurityGroupId: "sg-nodes",
    target: { port: 8080, healthCheckPort: 15021, healthCheckPath: "/healthz/ready" },
    logsKmsKeyArn: "arn:aws:kms:us-east-1:111111111111:key/logs",
    logRetentionDays: 90,
};

async function synth(args: AwsPublicEdgeArgs, opts?: pulumi.ComponentResourceOptions) {
    return synthesize({
        project: "t",
        stack: "prod",
        program: () => {
            const edge = new AwsPublicEdge("edge", args, opts);
            return { dnsName: edge.dnsName, zoneId: edge.zoneId, suffix: edge.loadBalancerArnSuffix, tg: edge.targetGroupArn };
        },
    });
}

function counts(resources: readonly InventoryResource[]): Record<string, number> {
    return Object.fromEntries(countByType(resources.filter((r) => r.custom)).map(({ type, count }) => [type, count]));
}

describe("AwsPublicEdge", () => {
    it("creates exactly the load balancer, its certificate, WAF, logs and records", async () => {
        const { resources } = await synth(base);
        assert.deepEqual(counts(resources), {
            "aws:acm/certificate:Certificate": 1,
            "aws:acm/certificateValidation:CertificateValidation": 1,
            "aws:cloudwatch/logGroup:LogGroup": 1,
            "aws:ec2/securityGroup:SecurityGroup": 1,
            "aws:lb/listener:Listener": 2,
            "aws:lb/listenerRule:ListenerRule": 1,
            "aws:lb/loadBalancer:LoadBalancer": 1,
            "aws:lb/targetGroup:TargetGroup": 1,
            "aws:route53/record:Record": 3,
            "aws:s3/bucket:Bucket": 1,
            "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": 1,
            "aws:s3/bucketOwnershipControls:BucketOwnershipControls": 1,
            "aws:s3/bucketPolicy:BucketPolicy": 1,
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": 1,
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": 1,
            "aws:s3/bucketVersioning:BucketVersioning": 1,
            "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": 2,
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": 4,
            "aws:wafv2/webAcl:WebAcl": 1,
            "aws:wafv2/webAclAssociation:WebAclAssociation": 1,
            "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration": 1,
        });
    });

    it("the load balancer: public, in the public subnets, invalid headers dropped, access logs on, no deletion protection by default", async () => {
        const { resources, outputs } = await synth(base);
        const alb = findResource(resources, "aws:lb/loadBalancer:LoadBalancer", "edge-alb");
        const bucket = findResource(resources, "aws:s3/bucket:Bucket", "edge-access-logs");
        assert.deepEqual(
            [
                alb.inputs["name"],
                alb.inputs["internal"],
                alb.inputs["loadBalancerType"],
                alb.inputs["subnets"],
                alb.inputs["dropInvalidHeaderFields"],
            ],
            ["acme-prod-edge-alb", false, "application", ["subnet-a", "subnet-b", "subnet-c"], true],
        );
        assert.equal(alb.inputs["enableDeletionProtection"], false);
        assert.deepEqual(alb.inputs["accessLogs"], { bucket: bucket.inputs["bucket"], prefix: "alb", enabled: true });
        assert.equal(outputs["zoneId"], "Z35SXDOTRQ7X7K");
        assert.match(String(outputs["suffix"]), /^app\/acme-prod-edge-alb\/[0-9a-f]{16}$/);
    });

    it("deletionProtection: true reaches the load balancer", async () => {
        const { resources } = await synth({ ...base, deletionProtection: true });
        assert.equal(findResource(resources, "aws:lb/loadBalancer:LoadBalancer", "edge-alb").inputs["enableDeletionProtection"], true);
    });

    it("HTTPS with the TLS 1.3 policy and the validated certificate forwards to the gateway; HTTP redirects to HTTPS", async () => {
        const { resources } = await synth(base);
        const https = findResource(resources, "aws:lb/listener:Listener", "edge-https");
        const http = findResource(resources, "aws:lb/listener:Listener", "edge-http");
        const cert = findResource(resources, "aws:acm/certificate:Certificate", "edge-certificate");
        const tg = findResource(resources, "aws:lb/targetGroup:TargetGroup", "edge-gateway");
        assert.deepEqual(
            [https.inputs["port"], https.inputs["protocol"], https.inputs["sslPolicy"], https.inputs["certificateArn"]],
            [443, "HTTPS", "ELBSecurityPolicy-TLS13-1-2-2021-06", cert.id],
        );
        assert.deepEqual(https.inputs["defaultActions"], [{ type: "forward", targetGroupArn: tg.id }]);
        assert.deepEqual(
            [http.inputs["port"], http.inputs["protocol"], http.inputs["defaultActions"]],
            [80, "HTTP", [{ type: "redirect", redirect: { port: "443", protocol: "HTTPS", statusCode: "HTTP_301" } }]],
        );
        assert.deepEqual(
            [cert.inputs["domainName"], cert.inputs["subjectAlternativeNames"], cert.inputs["validationMethod"]],
            ["acme.example.com", ["*.acme.example.com"], "DNS"],
        );
        assert.deepEqual(
            [
                tg.inputs["targetType"],
                tg.inputs["port"],
                tg.inputs["protocol"],
                (tg.inputs["healthCheck"] as Record<string, unknown>)["port"],
            ],
            ["ip", 8080, "HTTP", "15021"],
        );
    });

    it("security groups: 443 and 80 from the internet on a group tagged internet-facing-lb; egress and node ingress on the target ports only", async () => {
        const { resources } = await synth(base);
        const sg = findResource(resources, "aws:ec2/securityGroup:SecurityGroup", "edge-alb");
        assert.equal((sg.inputs["tags"] as Record<string, string>)["exposure"], "internet-facing-lb");
        assert.equal(sg.inputs["ingress"], undefined);
        const rule = (name: string, type = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule") => {
            const r = findResource(resources, type, name).inputs;
            return [r["securityGroupId"], r["fromPort"], r["toPort"], r["cidrIpv4"] ?? r["referencedSecurityGroupId"]];
        };
        assert.deepEqual(rule("edge-alb-in-443"), [sg.id, 443, 443, "0.0.0.0/0"]);
        assert.deepEqual(rule("edge-alb-in-80"), [sg.id, 80, 80, "0.0.0.0/0"]);
        assert.deepEqual(rule("edge-alb-out-8080", "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"), [
            sg.id,
            8080,
            8080,
            "sg-nodes",
        ]);
        assert.deepEqual(rule("edge-alb-out-15021", "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"), [
            sg.id,
            15021,
            15021,
            "sg-nodes",
        ]);
        assert.deepEqual(rule("edge-targets-in-8080"), ["sg-nodes", 8080, 8080, sg.id]);
        assert.deepEqual(rule("edge-targets-in-15021"), ["sg-nodes", 15021, 15021, sg.id]);
    });

    it("access logs: SSE-S3 (the only encryption ALB log delivery supports), versioned, private, expiring after the retention", async () => {
        const { resources } = await synth(base);
        const sse = findResource(
            resources,
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            "edge-access-logs",
        );
        assert.deepEqual(sse.inputs["rules"], [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]);
        const bucket = findResource(resources, "aws:s3/bucket:Bucket", "edge-access-logs");
        assert.equal(bucket.inputs["bucket"], "acme-prod-edge-111111111111-us-east-1-an");
        assert.deepEqual(bucket.inputs["tags"], { "log-delivery": "elb-access-logs" });
        const lifecycle = findResource(resources, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "edge-access-logs");
        assert.deepEqual((lifecycle.inputs["rules"] as Array<Record<string, unknown>>)[0]?.["expiration"], { days: 90 });
        const policy = JSON.parse(
            String(findResource(resources, "aws:s3/bucketPolicy:BucketPolicy", "edge-access-logs").inputs["policy"]),
        ) as {
            Statement: Array<{ Resource: unknown }>;
        };
        assert.equal(policy.Statement[0]?.Resource, `arn:aws:s3:::${String(bucket.inputs["bucket"])}/alb/AWSLogs/111111111111/*`);
    });

    it("WAF: regional, the rate limit and managed groups, associated with the load balancer, logging to aws-waf-logs-* with credentials redacted", async () => {
        const { resources } = await synth({ ...base, rateLimitPer5Minutes: 500 });
        const acl = findResource(resources, "aws:wafv2/webAcl:WebAcl", "edge-waf");
        const alb = findResource(resources, "aws:lb/loadBalancer:LoadBalancer", "edge-alb");
        const logs = findResource(resources, "aws:cloudwatch/logGroup:LogGroup", "edge-waf-logs");
        assert.deepEqual([acl.inputs["scope"], acl.inputs["defaultAction"]], ["REGIONAL", { allow: {} }]);
        const rules = acl.inputs["rules"] as Array<{ name: string; statement: Record<string, Record<string, unknown>> }>;
        assert.equal(rules.length, 5);
        assert.equal(rules[0]?.statement["rateBasedStatement"]?.["limit"], 500);
        const association = findResource(resources, "aws:wafv2/webAclAssociation:WebAclAssociation", "edge-waf");
        assert.deepEqual([association.inputs["resourceArn"], association.inputs["webAclArn"]], [alb.id, (acl.outputs ?? {})["arn"]]);
        assert.deepEqual(
            [logs.inputs["name"], logs.inputs["retentionInDays"], logs.inputs["kmsKeyId"]],
            ["aws-waf-logs-acme-prod-edge-waf", 90, base.logsKmsKeyArn],
        );
        const logging = findResource(resources, "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", "edge-waf");
        assert.deepEqual(logging.inputs["redactedFields"], [
            { singleHeader: { name: "authorization" } },
            { singleHeader: { name: "cookie" } },
        ]);
        assert.deepEqual(logging.inputs["logDestinationConfigs"], [(logs.outputs ?? {})["arn"]]);
    });

    it("Route 53: the certificate's validation record and A aliases of the apex and the wildcard to the load balancer", async () => {
        const { resources, outputs } = await synth(base);
        const alias = (name: string) => {
            const r = findResource(resources, "aws:route53/record:Record", name).inputs;
            return [r["zoneId"], r["name"], r["type"], r["aliases"]];
        };
        const target = [{ name: outputs["dnsName"], zoneId: "Z35SXDOTRQ7X7K", evaluateTargetHealth: true }];
        assert.deepEqual(alias("edge-apex"), ["ZPUBLIC", "acme.example.com", "A", target]);
        assert.deepEqual(alias("edge-wildcard"), ["ZPUBLIC", "*.acme.example.com", "A", target]);
        const validation = findResource(resources, "aws:route53/record:Record", "edge-certificate-validation").inputs;
        assert.deepEqual([validation["zoneId"], validation["type"], validation["ttl"]], ["ZPUBLIC", "CNAME", 300]);
        assert.match(String(validation["name"]), /^_[0-9a-f]{32}\.acme\.example\.com\.$/);
    });

    it("protect: every child protected; the access-log bucket and the WAF log group also retained on delete", async () => {
        const { resources } = await synth(base, { protect: true });
        const custom = resources.filter((r) => r.custom);
        assert.ok(custom.every((r) => r.protect));
        assert.deepEqual(
            custom
                .filter((r) => r.retainOnDelete)
                .map((r) => `${r.type} ${r.name}`)
                .sort(),
            ["aws:cloudwatch/logGroup:LogGroup edge-waf-logs", "aws:s3/bucket:Bucket edge-access-logs"],
        );
        const unprotected = await synth(base);
        assert.ok(unprotected.resources.filter((r) => r.custom).every((r) => !r.protect && !r.retainOnDelete));
    });

    it("rejects bad arguments, every problem at once", async () => {
        const issues = await rejectedIssues(synth({ ...base, publicSubnetIds: ["subnet-a"], rateLimitPer5Minutes: 10 }));
        assert.deepEqual(
            fieldsAndProblems(issues).map(([f]) => f),
            ["rateLimitPer5Minutes", "publicSubnetIds"],
        );
    });
});
