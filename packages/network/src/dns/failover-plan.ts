/**
 * The pure plan of DNS failover routing (AwsDnsFailover): one Route 53 health check on the primary
 * and a PRIMARY/SECONDARY failover record pair for one public name. Nothing here creates a
 * resource; the component turns the plan into resources and the tests check the plan exactly.
 *
 * The two records of a failover pair share a name and a type, so the endpoints decide it:
 * - primary alias target (an ALB: `{ dnsName, zoneId }`) + secondary IPv4 address: two `A` records
 *   (the primary an alias, the secondary a plain `A` with a TTL);
 * - primary hostname + secondary hostname: two `CNAME` records;
 * - any other mix cannot share a name (a CNAME excludes every other type) and is refused.
 */
import { isIPv4 } from "node:net";
import {
    AUTHORIZATION_TARGET_PATTERN,
    checkDomainName,
    checkPattern,
    checkWholeNumber,
    HOSTED_ZONE_ID_PATTERN,
    type Issue,
} from "@platform/core";

/** An AWS load balancer (or other alias target) as Route 53 aliases it. */
export interface AliasTarget<V = string> {
    /** The target's DNS name, e.g. the ALB's `dnsName`. */
    readonly dnsName: V;
    /** The target's canonical hosted zone id (the ALB's `zoneId`), e.g. `Z35SXDOTRQ7X7K` in us-east-1. */
    readonly zoneId: V;
}

/** The primary: an alias target (preferred: no TTL, free queries) or a hostname (CNAME). */
export type PrimaryEndpoint<V = string> = { readonly alias: AliasTarget<V> } | { readonly hostname: V };
/** The secondary: a public IPv4 address (the dr environment's reserved address) or a hostname. */
export type SecondaryEndpoint<V = string> = { readonly address: V } | { readonly hostname: V };

/** The health check Route 53 runs against the primary. */
export interface FailoverHealthCheckArgs {
    /** HTTP path the primary answers 2xx/3xx on, for any Host header. @default "/healthz" */
    readonly path?: string;
    /** TCP port of the HTTPS check. @default 443 */
    readonly port?: number;
    /**
     * Consecutive failed checks before the primary is unhealthy and Route 53 answers with the
     * secondary. Lower fails over faster on a blip; higher waits out one bad minute. @default 3
     */
    readonly failureThreshold?: number;
    /** Seconds between checks from each checker: 30 (standard) or 10 (fast, billed extra). @default 30 */
    readonly requestIntervalSeconds?: 10 | 30;
}

/**
 * `V` is `string` in plans and tests, `pulumi.Input<string>` in the component (the ALB's outputs):
 * values known only at deploy time are passed through unchecked; Route 53 checks them then.
 */
export interface DnsFailoverPlanArgs<V = string> {
    /** The public name that fails over, e.g. `app.acme.example.com`; must be inside `zoneName`. */
    readonly hostname: string;
    /** The public hosted zone's name, e.g. `acme.example.com`. */
    readonly zoneName: string;
    readonly primary: PrimaryEndpoint<V>;
    readonly secondary: SecondaryEndpoint<V>;
    readonly healthCheck?: FailoverHealthCheckArgs;
    /**
     * The secondary's certificate authorizations: CNAME records (the dr edge's Certificate Manager
     * DNS authorizations) in this zone, so dr holds a valid certificate for the name before a
     * failover sends it traffic. Each record name must be `_acme-challenge.<hostname>.`.
     * @default none (dr then has no certificate for the name until someone adds them)
     */
    readonly secondaryAuthorizations?: readonly { readonly recordName: string; readonly recordData: string }[];
    /**
     * TTL of the non-alias records, in seconds: how long resolvers keep answering the old side
     * after a switch. Short, so a failover reaches clients within a minute. @default 60
     */
    readonly ttlSeconds?: number;
}

export interface HealthCheckPlan<V = string> {
    readonly type: "HTTPS";
    /** What the checkers connect to: the primary endpoint itself, never the failover name (that would check whichever side answers). */
    readonly fqdn: V;
    readonly port: number;
    readonly resourcePath: string;
    readonly failureThreshold: number;
    readonly requestInterval: number;
    /** Checkers send SNI so a TLS listener with several certificates answers. */
    readonly enableSni: true;
}

export interface FailoverRecordPlan<V = string> {
    readonly failover: "PRIMARY" | "SECONDARY";
    readonly setIdentifier: string;
    readonly alias?: { readonly name: V; readonly zoneId: V; readonly evaluateTargetHealth: boolean };
    readonly records?: readonly V[];
    readonly ttl?: number;
    /** Only the primary carries the health check; the secondary answers whenever the primary is unhealthy. */
    readonly healthCheck: boolean;
}

export interface DnsFailoverPlan<V = string> {
    readonly name: string;
    readonly type: "A" | "CNAME";
    readonly healthCheck: HealthCheckPlan<V>;
    readonly primary: FailoverRecordPlan<V>;
    readonly secondary: FailoverRecordPlan<V>;
}

export const FAILOVER_DEFAULTS = {
    path: "/healthz",
    port: 443,
    failureThreshold: 3,
    requestIntervalSeconds: 30,
    ttlSeconds: 60,
} as const;

/** A health-check path: absolute, printable, no spaces. */
const PATH_PATTERN = /^\/[\x21-\x7e]{0,254}$/;

/** Private, loopback, link-local, CGNAT, multicast and reserved IPv4 ranges: not reachable from the internet. */
const NON_PUBLIC_V4: readonly (readonly [number, number])[] = [
    [0x00000000, 8],
    [0x0a000000, 8],
    [0x64400000, 10],
    [0x7f000000, 8],
    [0xa9fe0000, 16],
    [0xac100000, 12],
    [0xc0a80000, 16],
    [0xe0000000, 3],
];

function isPublicIPv4(address: string): boolean {
    const n = address.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
    return !NON_PUBLIC_V4.some(([base, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits)));
}

/** The issues of `check` for a plain value; none for a value known only at deploy time (an Output). */
function known(value: unknown, check: (v: unknown) => Issue[]): Issue[] {
    return typeof value === "object" && value !== null ? [] : check(value);
}

/** Every problem with the failover arguments, before any resource exists. */
export function validateDnsFailoverArgs(args: DnsFailoverPlanArgs<unknown>): Issue[] {
    const issues: Issue[] = [...checkDomainName("hostname", args.hostname), ...checkDomainName("zoneName", args.zoneName)];
    if (issues.length === 0 && !args.hostname.endsWith(`.${args.zoneName}`)) {
        issues.push({
            field: "hostname",
            value: args.hostname,
            problem: `is not inside the zone ${args.zoneName} (the apex cannot fail over by CNAME and belongs to the zone's owner)`,
            fix: `use a name such as app.${args.zoneName}`,
        });
    }
    if ("alias" in args.primary) {
        issues.push(...known(args.primary.alias.dnsName, (v) => checkDomainName("primary.alias.dnsName", v)));
        issues.push(
            ...known(args.primary.alias.zoneId, (v) =>
                checkPattern(
                    "primary.alias.zoneId",
                    v,
                    HOSTED_ZONE_ID_PATTERN,
                    "the load balancer's canonical hosted zone id, e.g. Z35SXDOTRQ7X7K",
                ),
            ),
        );
    } else {
        issues.push(...known(args.primary.hostname, (v) => checkDomainName("primary.hostname", v)));
    }
    if ("address" in args.secondary) {
        const address = args.secondary.address;
        if (typeof address === "string" && (!isIPv4(address) || !isPublicIPv4(address))) {
            issues.push({
                field: "secondary.address",
                value: address,
                problem: isIPv4(address) ? "is not a public address (private, loopback or reserved range)" : "is not an IPv4 address",
                fix: "use the dr environment's reserved public address (pulumi stack output publicAddress of platform-addons/dr)",
            });
        }
    } else {
        issues.push(...known(args.secondary.hostname, (v) => checkDomainName("secondary.hostname", v)));
    }
    if ("alias" in args.primary && "hostname" in args.secondary) {
        issues.push({
            field: "secondary.hostname",
            value: args.secondary.hostname,
            problem: "a hostname (CNAME) cannot pair with an alias primary (A): both records of a failover pair have one type",
            fix: "give the secondary as an IPv4 address, or the primary as a hostname",
        });
    }
    if ("hostname" in args.primary && "address" in args.secondary) {
        issues.push({
            field: "secondary.address",
            value: args.secondary.address,
            problem: "an address (A) cannot pair with a hostname primary (CNAME): both records of a failover pair have one type",
            fix: "give the primary as an alias target { dnsName, zoneId }, or the secondary as a hostname",
        });
    }
    const hc = args.healthCheck ?? {};
    if (hc.path !== undefined) {
        issues.push(...checkPattern("healthCheck.path", hc.path, PATH_PATTERN, "an absolute path without spaces, e.g. /healthz"));
    }
    if (hc.port !== undefined) issues.push(...checkWholeNumber("healthCheck.port", hc.port, { min: 1, max: 65535 }));
    if (hc.failureThreshold !== undefined) {
        issues.push(...checkWholeNumber("healthCheck.failureThreshold", hc.failureThreshold, { min: 1, max: 10 }));
    }
    if (hc.requestIntervalSeconds !== undefined && hc.requestIntervalSeconds !== 10 && hc.requestIntervalSeconds !== 30) {
        issues.push({
            field: "healthCheck.requestIntervalSeconds",
            value: hc.requestIntervalSeconds,
            problem: "Route 53 checks every 10 or 30 seconds only",
            fix: "use 30 (standard) or 10 (fast)",
        });
    }
    if (args.ttlSeconds !== undefined) issues.push(...checkWholeNumber("ttlSeconds", args.ttlSeconds, { min: 1, max: 300 }));
    (args.secondaryAuthorizations ?? []).forEach((a, i) => {
        const expected = `_acme-challenge.${args.hostname}.`;
        if (withDot(a.recordName) !== expected) {
            issues.push({
                field: `secondaryAuthorizations[${i}].recordName`,
                value: a.recordName,
                problem: `does not authorize the failover name (expected ${expected})`,
                fix: "copy the record of the failover name from dr's dnsAuthorizations output",
            });
        }
        if (!AUTHORIZATION_TARGET_PATTERN.test(withDot(a.recordData))) {
            issues.push({
                field: `secondaryAuthorizations[${i}].recordData`,
                value: a.recordData,
                problem: "is not a Certificate Manager authorization target",
                fix: "copy recordData from dr's dnsAuthorizations output (<id>.<n>.authorize.certificatemanager.goog.)",
            });
        }
    });
    return issues;
}

const withDot = (name: string): string => (name.endsWith(".") ? name : `${name}.`);

/** One CNAME record authorizing the secondary's certificate. */
export interface AuthorizationRecordPlan {
    readonly name: string;
    readonly type: "CNAME";
    readonly records: readonly [string];
    readonly ttl: number;
}

/** The secondary's certificate authorization records (5 minutes TTL: Certificate Manager re-reads them on renewal only). */
export function planAuthorizationRecords(args: Pick<DnsFailoverPlanArgs, "secondaryAuthorizations">): AuthorizationRecordPlan[] {
    return (args.secondaryAuthorizations ?? []).map((a) => ({
        name: withDot(a.recordName),
        type: "CNAME",
        records: [withDot(a.recordData)],
        ttl: 300,
    }));
}

/** The health check and the two records; call after `validateDnsFailoverArgs` found nothing. */
export function planDnsFailover<V = string>(args: DnsFailoverPlanArgs<V>): DnsFailoverPlan<V> {
    const hc = args.healthCheck ?? {};
    const ttl = args.ttlSeconds ?? FAILOVER_DEFAULTS.ttlSeconds;
    const primaryAlias = "alias" in args.primary ? args.primary.alias : undefined;
    const primaryTarget = "alias" in args.primary ? args.primary.alias.dnsName : args.primary.hostname;
    const secondary: FailoverRecordPlan<V> =
        "address" in args.secondary
            ? { failover: "SECONDARY", setIdentifier: "secondary", records: [args.secondary.address], ttl, healthCheck: false }
            : { failover: "SECONDARY", setIdentifier: "secondary", records: [args.secondary.hostname], ttl, healthCheck: false };
    return {
        name: args.hostname,
        type: primaryAlias !== undefined ? "A" : "CNAME",
        healthCheck: {
            type: "HTTPS",
            fqdn: primaryTarget,
            port: hc.port ?? FAILOVER_DEFAULTS.port,
            resourcePath: hc.path ?? FAILOVER_DEFAULTS.path,
            failureThreshold: hc.failureThreshold ?? FAILOVER_DEFAULTS.failureThreshold,
            requestInterval: hc.requestIntervalSeconds ?? FAILOVER_DEFAULTS.requestIntervalSeconds,
            enableSni: true,
        },
        primary:
            primaryAlias !== undefined
                ? {
                      failover: "PRIMARY",
                      setIdentifier: "primary",
                      // The load balancer's own target health counts too: no healthy targets behind it fails over as well.
                      alias: { name: primaryAlias.dnsName, zoneId: primaryAlias.zoneId, evaluateTargetHealth: true },
                      healthCheck: true,
                  }
                : { failover: "PRIMARY", setIdentifier: "primary", records: [primaryTarget], ttl, healthCheck: true },
        secondary,
    };
}
