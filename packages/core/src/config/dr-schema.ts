/**
 * `platform:dr` (AWS environments): DNS failover of the public application name to the GCP dr
 * environment (seed 003: AWS primary, GCP secondary, failover routing). The primary is the platform
 * layer's public edge (its ALB) unless the stack file names another; the file names the dr
 * environment's reserved public address (`pulumi stack output publicAddress` of platform-addons/dr;
 * docs/decisions.md says why it is config and not a stack reference). The formats are checked here;
 * the pairing rules (alias + address, hostname + hostname) by `validateDnsFailoverArgs` of
 * @platform/network when the platform layer builds the records.
 */
import { z } from "zod";
import { DOMAIN_NAME_PATTERN } from "../validation/names.js";
import { encodeIssue, list, strictObject, text, wholeNumber } from "./fields.js";

/** Dotted-quad IPv4 (the component also refuses private and reserved ranges). */
export const IPV4_PATTERN = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
/** Route 53 hosted zone ids (a load balancer's canonical zone): `Z` and uppercase letters or digits. */
export const HOSTED_ZONE_ID_PATTERN = /^Z[A-Z0-9]{7,31}$/;

/** Where Certificate Manager's DNS authorization records point (`<id>.<n>.authorize.certificatemanager.goog.`). */
export const AUTHORIZATION_TARGET_PATTERN = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.authorize\.certificatemanager\.goog\.?$/;

const domain = (example: string) => text(DOMAIN_NAME_PATTERN, `a lowercase host name such as ${example}`, "a lowercase host name");

const failover = strictObject(
    {
        hostname: domain("app.acme.example.com").meta({
            description: "The public name that fails over; inside platform:dns.publicZone.",
        }),
        primaryAlias: strictObject(
            {
                dnsName: domain("acme-prod-public-1234567890.us-east-1.elb.amazonaws.com"),
                zoneId: text(
                    HOSTED_ZONE_ID_PATTERN,
                    "the load balancer's canonical hosted zone id such as Z35SXDOTRQ7X7K",
                    "a hosted zone id",
                ),
            },
            "{ dnsName: acme-prod-public-1234567890.us-east-1.elb.amazonaws.com, zoneId: Z35SXDOTRQ7X7K }",
        )
            .optional()
            .meta({
                description:
                    "The AWS primary as an alias target (a load balancer's dnsName and canonical zone id). Unset with primaryHostname unset: the platform layer's public edge (its ALB).",
            }),
        primaryHostname: domain("lb.aws.example.net")
            .optional()
            .meta({ description: "The AWS primary as a hostname (CNAME records; the secondary must then be a hostname too)." }),
        secondaryAddress: text(IPV4_PATTERN, "an IPv4 address such as 34.105.10.20", "an IPv4 address").optional().meta({
            description: "The dr environment's reserved public address (pulumi stack output publicAddress of platform-addons/dr).",
        }),
        secondaryHostname: domain("lb.gcp.example.net")
            .optional()
            .meta({ description: "The dr entry point as a hostname (with primaryHostname only)." }),
        dnsAuthorizations: list(
            strictObject(
                {
                    recordName: text(
                        /^_acme-challenge\.([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\.?$/,
                        "the record name dr reports, such as _acme-challenge.app.acme.example.com.",
                        "an _acme-challenge record name",
                    ),
                    recordData: text(
                        AUTHORIZATION_TARGET_PATTERN,
                        "the value dr reports, such as 8a2b3c4d5e6f.9.authorize.certificatemanager.goog.",
                        "a Certificate Manager authorization target",
                    ),
                },
                "{ recordName: _acme-challenge.app.acme.example.com., recordData: 8a2b3c4d5e6f.9.authorize.certificatemanager.goog. }",
            ),
            "[{ recordName: ..., recordData: ... }]",
        )
            .optional()
            .meta({
                description:
                    "The dr edge's certificate authorizations (pulumi stack output dnsAuthorizations of platform-addons/dr): CNAME records in the public zone, so dr's certificate for the failover name is issued before a failover needs it.",
            }),
        healthCheck: strictObject(
            {
                path: text(/^\/[\x21-\x7e]{0,254}$/, "an absolute path such as /healthz", "an absolute path")
                    .optional()
                    .meta({ description: "Path the primary answers 2xx/3xx on, for any Host header. Default /healthz." }),
                failureThreshold: wholeNumber(1, 10)
                    .optional()
                    .meta({ description: "Failed checks in a row before Route 53 answers with the secondary. Default 3." }),
                requestIntervalSeconds: z
                    .union([z.literal(10), z.literal(30)], {
                        error: () => encodeIssue("Route 53 checks every 10 or 30 seconds only", "use 30 (standard) or 10 (fast)"),
                    })
                    .optional()
                    .meta({ description: "Seconds between checks: 30 (standard) or 10 (fast, billed extra). Default 30." }),
            },
            "{ path: /healthz, failureThreshold: 3, requestIntervalSeconds: 30 }",
        )
            .optional()
            .meta({ description: "The HTTPS health check on the primary; defaults: /healthz, port 443, 3 failures, every 30 s." }),
    },
    "{ hostname: app.acme.example.com, secondaryAddress: 34.105.10.20 }",
).superRefine((value, ctx) => {
    const one = (a: string | undefined, b: string | undefined, keys: [string, string]) => {
        if ((a === undefined) === (b === undefined)) {
            ctx.addIssue({
                code: "custom",
                path: [keys[0]],
                message: encodeIssue(
                    `set exactly one of ${keys[0]} and ${keys[1]}`,
                    `keep ${keys[0]} (or ${keys[1]}) and remove the other`,
                ),
                input: a,
            });
        }
    };
    // The primary may be left out (the platform's own edge), never given twice.
    if (value.primaryAlias !== undefined && value.primaryHostname !== undefined) {
        ctx.addIssue({
            code: "custom",
            path: ["primaryAlias"],
            message: encodeIssue(
                "set at most one of primaryAlias and primaryHostname",
                "keep one, or remove both to fail over from the platform layer's public edge",
            ),
            input: value.primaryAlias.dnsName,
        });
    }
    one(value.secondaryAddress, value.secondaryHostname, ["secondaryAddress", "secondaryHostname"]);
});

/** `platform:dr` on AWS. */
export const DR_SCHEMA = strictObject({ failover: failover.optional() }, "{ failover: { hostname: app.acme.example.com, ... } }").meta({
    description: "Disaster recovery to the GCP dr environment: DNS failover of the public application name (docs/dr.md).",
});

export type DrConfig = z.infer<typeof DR_SCHEMA>;

/** `platform:dr` on GCP: what the dr environment serves when prod fails over to it. */
export const GCP_DR_SCHEMA = strictObject(
    {
        hostnames: list(domain("app.acme.example.com"), "[app.acme.example.com]")
            .min(1, { error: () => encodeIssue("must list at least one name", "list prod's failover names, or remove platform:dr") })
            .max(20, { error: () => encodeIssue("lists more than 20 names", "keep the names prod fails over (20 at most)") })
            .meta({
                description:
                    "The public names this environment serves when prod fails over (prod's platform:dr.failover.hostname): the public edge (a GKE Gateway behind Cloud Armor and TLS 1.2+) answers for them with a certificate issued through DNS authorization.",
            }),
    },
    "{ hostnames: [app.acme.example.com] }",
).meta({
    description: "Disaster recovery on GCP: the public edge that serves prod's failover names (docs/dr.md). Unset: no public edge.",
});

export type GcpDrConfig = z.infer<typeof GCP_DR_SCHEMA>;
