/**
 * The public edge's security on GCP as pure functions: the Cloud Armor policy's rules (OWASP
 * Core Rule Set 3.3 preconfigured WAF rules, a per-IP rate-based ban, issue 12) and the SSL
 * policy. Tests check them exactly; {@link GcpEdgeSecurity} turns them into resources.
 */
import { checkGcpProject, checkPattern, checkUnique, checkWholeNumber, DOMAIN_NAME_PATTERN, type Issue } from "@platform/core";
import { RATE_LIMIT_RANGE } from "./aws-edge-plan.js";

/**
 * Cloud Armor's preconfigured WAF rule sets (ModSecurity CRS 3.3) the policy denies on: injection,
 * cross-site scripting, local and remote file inclusion, remote code execution, scanners,
 * protocol attacks and session fixation.
 */
export const PRECONFIGURED_WAF_RULES: readonly string[] = [
    "sqli-v33-stable",
    "xss-v33-stable",
    "lfi-v33-stable",
    "rfi-v33-stable",
    "rce-v33-stable",
    "scannerdetection-v33-stable",
    "protocolattack-v33-stable",
    "sessionfixation-v33-stable",
];

/**
 * CRS paranoia level 1: the signatures that rarely match legitimate traffic. Levels 2-4 block
 * more but need per-application exclusions (they match ordinary JSON and form posts), which the
 * platform cannot write for applications it does not know.
 */
export const WAF_SENSITIVITY = 1;

/** Seconds a client over the rate limit stays banned. */
export const BAN_DURATION_SECONDS = 600;

/** The policy's last rule: everything the rules above let through is allowed. */
export const DEFAULT_RULE_PRIORITY = 2_147_483_647;

const everyone = { versionedExpr: "SRC_IPS_V1", config: { srcIpRanges: ["*"] } };

/** One Cloud Armor rule as the provider takes it. */
export interface CloudArmorRule {
    readonly priority: number;
    readonly action: string;
    readonly description: string;
    readonly match: Record<string, unknown>;
    readonly rateLimitOptions?: Record<string, unknown>;
}

/**
 * The security policy's rules: the per-IP rate-based ban first (priority 100: a flood is cut
 * before WAF evaluation costs anything), then one deny(403) per preconfigured rule set (1000,
 * 1001, ...) and the critical-CVE signatures (`cve-canary`, Log4Shell), then allow.
 */
export function planCloudArmorRules(rateLimitPer5Minutes: number): CloudArmorRule[] {
    return [
        {
            priority: 100,
            action: "rate_based_ban",
            description: `ban a client IP for ${BAN_DURATION_SECONDS} s after ${rateLimitPer5Minutes} requests in 5 minutes`,
            match: everyone,
            rateLimitOptions: {
                conformAction: "allow",
                exceedAction: "deny(429)",
                enforceOnKey: "IP",
                rateLimitThreshold: { count: rateLimitPer5Minutes, intervalSec: 300 },
                banDurationSec: BAN_DURATION_SECONDS,
            },
        },
        ...PRECONFIGURED_WAF_RULES.map((set, i): CloudArmorRule => ({
            priority: 1000 + i,
            action: "deny(403)",
            description: `OWASP CRS 3.3: ${set}`,
            match: { expr: { expression: `evaluatePreconfiguredWaf('${set}', {'sensitivity': ${WAF_SENSITIVITY}})` } },
        })),
        {
            priority: 1000 + PRECONFIGURED_WAF_RULES.length,
            action: "deny(403)",
            description: "Log4Shell (CVE-2021-44228) and other critical CVEs: cve-canary",
            match: { expr: { expression: "evaluatePreconfiguredExpr('cve-canary')" } },
        },
        {
            priority: DEFAULT_RULE_PRIORITY,
            action: "allow",
            description: "default: allow what the rules above let through",
            match: everyone,
        },
    ];
}

/** TLS 1.2 at least, RESTRICTED ciphers (AEAD, forward secrecy); TLS 1.3 is negotiated whenever the client offers it. */
export const GCP_SSL_POLICY = { profile: "RESTRICTED", minTlsVersion: "TLS_1_2" } as const;

/** Every problem with the GCP edge's arguments. */
export function validateGcpEdgeSecurityArgs(v: { rateLimitPer5Minutes: number }): Issue[] {
    return checkWholeNumber("rateLimitPer5Minutes", v.rateLimitPer5Minutes, RATE_LIMIT_RANGE);
}

/**
 * Most names one edge certifies. Certificate Manager allows 100 domains per certificate; a
 * failover edge serves the few names prod fails over, so a long list is a config mistake.
 */
export const MAX_EDGE_HOSTNAMES = 20;

/** A DNS authorization's record: the CNAME the zone that holds the name must carry. */
export interface DnsAuthorizationRecord {
    /** The name the record authorizes, e.g. app.acme.example.com. */
    readonly domain: string;
    /** `_acme-challenge.<domain>.` */
    readonly recordName: string;
    /** Always CNAME. */
    readonly recordType: string;
    /** `<id>.<n>.authorize.certificatemanager.goog.` */
    readonly recordData: string;
}

/** What {@link validateGcpPublicEdgeArgs} checks. */
export interface GcpPublicEdgeChecks {
    readonly project: string;
    readonly hostnames: readonly string[];
    readonly rateLimitPer5Minutes: number;
}

/** Every problem with GcpPublicEdge's arguments, in the one error format. */
export function validateGcpPublicEdgeArgs(c: GcpPublicEdgeChecks): Issue[] {
    const issues: Issue[] = [
        ...checkGcpProject("project", c.project),
        ...validateGcpEdgeSecurityArgs({ rateLimitPer5Minutes: c.rateLimitPer5Minutes }),
        ...checkUnique("hostnames", c.hostnames, "hostname"),
        ...c.hostnames.flatMap((h, i) =>
            checkPattern(`hostnames[${i}]`, h, DOMAIN_NAME_PATTERN, "a lowercase host name, e.g. app.acme.example.com"),
        ),
    ];
    if (c.hostnames.length === 0 || c.hostnames.length > MAX_EDGE_HOSTNAMES) {
        issues.push({
            field: "hostnames",
            value: c.hostnames.length,
            problem: `an edge certifies 1 to ${MAX_EDGE_HOSTNAMES} names (its managed certificate and HTTPS listener need at least one)`,
            fix: "list the public names this environment serves (the failover names prod's DNS points here)",
        });
    }
    return issues;
}
