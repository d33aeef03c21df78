import * as assert from "node:assert/strict";
import {
    ALB_TLS_POLICY,
    albAccessLogBucketPolicy,
    planWafRules,
    publicHostnames,
    validateAwsPublicEdgeArgs,
    wafRedactedFields,
} from "../../src/index.js";

const good = {
    domain: "acme.example.com",
    region: "us-east-1",
    rateLimitPer5Minutes: 2000,
    publicSubnets: 3,
    targetPort: 8080,
    healthCheckPort: 15021,
};

describe("AWS edge plan", () => {
    it("the TLS policy is TLS 1.3 with 1.2 (seed 002)", () => {
        assert.equal(ALB_TLS_POLICY, "ELBSecurityPolicy-TLS13-1-2-2021-06");
    });

    it("WAF rules: a per-IP rate limit first (block), then the four AWS managed groups with their own actions", () => {
        const rules = planWafRules(1500);
        assert.deepEqual(
            rules.map((r) => [r.priority, r.name, r.action !== undefined ? "block" : "group"]),
            [
                [0, "rate-limit-per-ip", "block"],
                [1, "AWSManagedRulesAmazonIpReputationList", "group"],
                [2, "AWSManagedRulesCommonRuleSet", "group"],
                [3, "AWSManagedRulesKnownBadInputsRuleSet", "group"],
                [4, "AWSManagedRulesSQLiRuleSet", "group"],
            ],
        );
        assert.deepEqual(rules[0]?.statement, { rateBasedStatement: { limit: 1500, aggregateKeyType: "IP", evaluationWindowSec: 300 } });
        assert.deepEqual(rules[2], {
            name: "AWSManagedRulesCommonRuleSet",
            priority: 2,
            overrideAction: { none: {} },
            statement: { managedRuleGroupStatement: { vendorName: "AWS", name: "AWSManagedRulesCommonRuleSet" } },
            visibilityConfig: { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: "AWSManagedRulesCommonRuleSet" },
        });
        // No group is downgraded to count.
        assert.ok(rules.slice(1).every((r) => r.overrideAction !== undefined && "none" in r.overrideAction && r.action === undefined));
    });

    it("WAF logs redact the Authorization and Cookie headers", () => {
        assert.deepEqual(wafRedactedFields(), [{ singleHeader: { name: "authorization" } }, { singleHeader: { name: "cookie" } }]);
    });

    it("the access-log bucket admits the region's ELB account under alb/AWSLogs/<account>/ only, over TLS 1.2+", () => {
        const policy = albAccessLogBucketPolicy({ bucketArn: "arn:aws:s3:::logs", accountId: "111111111111", region: "us-east-1" });
        assert.deepEqual(policy.Statement[0], {
            Sid: "ElbLogDelivery",
            Effect: "Allow",
            Principal: { AWS: "arn:aws:iam::127311923021:root" },
            Action: "s3:PutObject",
            Resource: "arn:aws:s3:::logs/alb/AWSLogs/111111111111/*",
        });
        assert.deepEqual(
            policy.Statement.slice(1).map((s) => [s.Sid, s.Effect, s.Condition]),
            [
                ["DenyInsecureTransport", "Deny", { Bool: { "aws:SecureTransport": "false" } }],
                ["DenyOldTls", "Deny", { NumericLessThan: { "s3:TlsVersion": "1.2" } }],
            ],
        );
    });

    it("regions opened after August 2022 use the log delivery service principal", () => {
        const policy = albAccessLogBucketPolicy({ bucketArn: "arn:aws:s3:::logs", accountId: "1", region: "ap-southeast-4" });
        assert.deepEqual(policy.Statement[0]?.Principal, { Service: "logdelivery.elasticloadbalancing.amazonaws.com" });
    });

    it("hostnames: the apex and one wildcard level", () => {
        assert.deepEqual(publicHostnames("acme.example.com"), ["acme.example.com", "*.acme.example.com"]);
    });

    it("accepts good arguments", () => {
        assert.deepEqual(validateAwsPublicEdgeArgs(good), []);
    });

    const bad: Array<[string, Partial<typeof good>, string]> = [
        ["rate limit below WAF's minimum", { rateLimitPer5Minutes: 99 }, "rateLimitPer5Minutes"],
        ["rate limit not whole", { rateLimitPer5Minutes: 100.5 }, "rateLimitPer5Minutes"],
        ["rate limit above WAF's maximum", { rateLimitPer5Minutes: 2_000_000_001 }, "rateLimitPer5Minutes"],
        ["one public subnet", { publicSubnets: 1 }, "publicSubnetIds"],
        ["uppercase domain", { domain: "Acme.example.com" }, "domain"],
        ["domain without a dot", { domain: "localhost" }, "domain"],
        ["port 0", { targetPort: 0 }, "target.port"],
        ["health check port too high", { healthCheckPort: 70000 }, "target.healthCheckPort"],
        ["region", { region: "east" }, "region"],
    ];
    for (const [what, change, field] of bad) {
        it(`rejects ${what}`, () => {
            const issues = validateAwsPublicEdgeArgs({ ...good, ...change });
            assert.deepEqual(
                issues.map((i) => i.field),
                [field],
            );
            assert.ok(issues[0] !== undefined && issues[0].fix.length > 0);
        });
    }
});
