/**
 * The public edge on AWS as pure functions: the WAF rules in front of the public Application Load
 * Balancer (issue 12, seeds 001 and 003 "AWS WAF", seed 002 "DDoS protection and rate limiting"),
 * the TLS policy, the access-log bucket's policy, and the argument checks. Tests check them
 * exactly; {@link AwsPublicEdge} turns them into resources.
 */
import { zoneEdgeHostnames, checkWholeNumber, type Issue } from "@platform/core";
import { type IamDocument, s3TlsOnlyStatements } from "@platform/security";

/**
 * TLS 1.3 and 1.2 only, forward-secret ciphers (seed 002 "TLS 1.3 for all communications": 1.3
 * wherever the client speaks it, 1.2 for the clients that do not yet).
 */
export const ALB_TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/** Requests one client IP may send in 5 minutes before WAF blocks it (AWS's own starting point). */
export const DEFAULT_RATE_LIMIT_PER_5_MINUTES = 2000;

/**
 * The path the load balancer answers itself (200 "ok", any Host header): what an external health
 * check such as the DNS failover's probes. Reaching it proves the region, the load balancer, TLS
 * and the WAF answer; the targets' health is the load balancer's own (Route 53's evaluate target
 * health on the alias). Reserved: apps cannot serve this path through the edge.
 */
export const EDGE_HEALTH_PATH = "/platform-edge-healthz";
/** WAF's bounds of a rate-based rule's limit. */
export const RATE_LIMIT_RANGE = { min: 100, max: 2_000_000_000 } as const;

/** Headers WAF logs never hold: credentials and session cookies. */
export const REDACTED_HEADERS: readonly string[] = ["authorization", "cookie"];

/**
 * The AWS managed rule groups, in evaluation order after the rate limit: known bad sources first
 * (cheapest verdict), then the OWASP core set, known bad inputs (Log4Shell among them) and SQL
 * injection.
 */
export const MANAGED_RULE_GROUPS: readonly string[] = [
    "AWSManagedRulesAmazonIpReputationList",
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
    "AWSManagedRulesSQLiRuleSet",
];

interface Visibility {
    readonly cloudwatchMetricsEnabled: true;
    readonly sampledRequestsEnabled: true;
    readonly metricName: string;
}

function visibility(metricName: string): Visibility {
    return { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName };
}

/** One WebAcl rule as the provider takes it. */
export interface WafRule {
    readonly name: string;
    readonly priority: number;
    readonly action?: { readonly block: Record<string, never> };
    readonly overrideAction?: { readonly none: Record<string, never> };
    readonly statement: Record<string, unknown>;
    readonly visibilityConfig: Visibility;
}

/**
 * The web ACL's rules: a per-IP rate limit first (priority 0, block), then the managed groups
 * with their own actions (`overrideAction: none`: nothing is downgraded to count).
 */
export function planWafRules(rateLimitPer5Minutes: number): WafRule[] {
    return [
        {
            name: "rate-limit-per-ip",
            priority: 0,
            action: { block: {} },
            statement: { rateBasedStatement: { limit: rateLimitPer5Minutes, aggregateKeyType: "IP", evaluationWindowSec: 300 } },
            visibilityConfig: visibility("rate-limit-per-ip"),
        },
        ...MANAGED_RULE_GROUPS.map((group, i): WafRule => ({
            name: group,
            priority: i + 1,
            overrideAction: { none: {} },
            statement: { managedRuleGroupStatement: { vendorName: "AWS", name: group } },
            visibilityConfig: visibility(group),
        })),
    ];
}

/** WAF logging's redacted fields: one single header each. */
export function wafRedactedFields() {
    return REDACTED_HEADERS.map((name) => ({ singleHeader: { name } }));
}

/**
 * The Elastic Load Balancing account that writes access logs in regions opened before August 2022
 * (the bucket policy must name it there; newer regions use the log delivery service principal).
 */
export const ELB_LOG_ACCOUNTS: Readonly<Record<string, string>> = {
    "us-east-1": "127311923021",
    "us-east-2": "033677994240",
    "us-west-1": "027434742980",
    "us-west-2": "797873946194",
    "eu-west-1": "156460612806",
    "eu-central-1": "054676820928",
};

/** Where the load balancer writes its access logs inside the bucket. */
export const ACCESS_LOG_PREFIX = "alb";

/**
 * The access-log bucket's policy: Elastic Load Balancing of the region may write this account's
 * log files under the prefix and nothing else; nobody may use plain HTTP or TLS older than 1.2.
 */
export function albAccessLogBucketPolicy(v: { bucketArn: string; accountId: string; region: string }): IamDocument {
    const elbAccount = ELB_LOG_ACCOUNTS[v.region];
    const writer: Readonly<Record<string, string>> =
        elbAccount !== undefined
            ? { AWS: `arn:aws:iam::${elbAccount}:root` }
            : { Service: "logdelivery.elasticloadbalancing.amazonaws.com" };
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "ElbLogDelivery",
                Effect: "Allow",
                Principal: writer,
                Action: "s3:PutObject",
                Resource: `${v.bucketArn}/${ACCESS_LOG_PREFIX}/AWSLogs/${v.accountId}/*`,
            },
            ...s3TlsOnlyStatements(v.bucketArn),
        ],
    };
}

/** The hostnames the load balancer answers in the public zone: the apex and one wildcard level (`zoneEdgeHostnames` of @platform/core). */
export const publicHostnames: (domain: string) => [string, string] = zoneEdgeHostnames;

/** What {@link validateAwsPublicEdgeArgs} checks. */
export interface EdgeChecks {
    readonly domain: string;
    readonly region: string;
    readonly rateLimitPer5Minutes: number;
    readonly publicSubnets: number;
    readonly targetPort: number;
    readonly healthCheckPort: number;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Every problem with the edge's arguments, in the one error format. */
export function validateAwsPublicEdgeArgs(c: EdgeChecks): Issue[] {
    const issues: Issue[] = [
        ...checkWholeNumber("rateLimitPer5Minutes", c.rateLimitPer5Minutes, RATE_LIMIT_RANGE),
        ...checkWholeNumber("target.port", c.targetPort, { min: 1, max: 65_535 }),
        ...checkWholeNumber("target.healthCheckPort", c.healthCheckPort, { min: 1, max: 65_535 }),
    ];
    if (!DOMAIN.test(c.domain)) {
        issues.push({
            field: "domain",
            value: c.domain,
            problem: "is not a lowercase DNS name",
            fix: "pass the public zone's domain, e.g. acme.example.com",
        });
    }
    if (c.publicSubnets < 2) {
        issues.push({
            field: "publicSubnetIds",
            value: c.publicSubnets,
            problem: "an Application Load Balancer needs subnets in at least two Availability Zones",
            fix: "pass the foundation's public subnets (one per AZ, two or more)",
        });
    }
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(c.region)) {
        issues.push({ field: "region", value: c.region, problem: "is not an AWS region name", fix: "pass e.g. us-east-1" });
    }
    return issues;
}
