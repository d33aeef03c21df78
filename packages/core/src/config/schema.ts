/**
 * The `platform:` namespace of a stack file as a zod schema: one branch per cloud, discriminated
 * by `cloud` (defaulted from the environment's profile before parsing). Structure, types, enums,
 * unknown keys and single-field rules live here; rules across fields (zones against the region and
 * profile, overlaps, waivers, the stack name) are in `cross-field.ts`. The JSON Schema editors use
 * (`stack-file-schema.ts`) is generated from this, so the two cannot drift apart.
 *
 * A key exists only when code reads it: profile overrides list exactly the profile fields the
 * layers use today.
 */
import { z } from "zod";
import { AWS_VPC_PREFIX_RANGE, GCP_REGION_PREFIX_RANGE, MAX_AZ_SLOTS } from "../cidr/carve.js";
import {
    ENVIRONMENTS,
    GKE_RELEASE_CHANNELS,
    KUBERNETES_VERSIONS,
    LOKI_DEPLOYMENT_MODES,
    NAT_GATEWAY_STRATEGIES,
} from "../environments/profiles.js";
import {
    MONITORING_RETENTION_RANGE,
    MONITORING_STORAGE_RANGE,
    PLATFORM_REPLICA_RANGE,
    TELEMETRY_RETENTION_RANGE,
} from "./profile-overrides.js";
import type { Issue } from "../issues.js";
import { checkCidr, checkPrivateNetworkCidr } from "../validation/cidr.js";
import { checkAllowListCidr } from "../validation/endpoint.js";
import {
    AWS_REGION_PATTERN,
    checkIamRoleArn,
    DOMAIN_NAME_PATTERN,
    GCP_PROJECT_PATTERN,
    GCP_REGION_PATTERN,
    PROJECT_PREFIX_PATTERN,
} from "../validation/names.js";
import { checkLogRetentionDays } from "../validation/retention.js";
import { AWS_DATA_SCHEMA, DATA_CLOUD_ONLY_KEYS, DATA_PROFILE_OVERRIDES, GCP_DATA_SCHEMA } from "./data-schema.js";
import { bool, encodeIssue, list, oneOf, strictObject, text, wholeNumber } from "./fields.js";
import { SECURITY_SCHEMA } from "./security-schema.js";
import { GROUP_PATTERN, RBAC_SCHEMA, RUNTIME_SECURITY_SCHEMA } from "./cluster-access-schema.js";
import { ALERTING_CLOUD_ONLY_KEYS, ALERTS_SCHEMA, AWS_BUDGET_SCHEMA, GCP_BUDGET_SCHEMA } from "./alerting-schema.js";
import { WAIVABLE_SETTINGS } from "./waivers.js";
import { DR_SCHEMA, GCP_DR_SCHEMA } from "./dr-schema.js";

/** Tag values (team, cost center): lowercase, so they are valid GCP label values too. */
const TAG_VALUE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;
/** Waiver owners: an email address or a lowercase team slug. */
const OWNER_PATTERN = /^([^@\s]+@[^@\s]+\.[a-z]{2,}|[a-z0-9][a-z0-9_-]{1,62})$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A string field checked by a shared validator (the same rule and message components use). */
function validated(check: (value: unknown) => Issue[], hint: string): z.ZodType<string> {
    return z
        .string({
            error: (iss) => encodeIssue(iss.input === undefined ? "required setting is missing" : "must be a string", `set it to ${hint}`),
        })
        .superRefine((value, ctx) => {
            for (const issue of check(value)) {
                ctx.addIssue({ code: "custom", message: encodeIssue(issue.problem, issue.fix), input: value });
            }
        });
}

const networkCidr = (range: { min: number; max: number }) =>
    validated((v) => checkPrivateNetworkCidr("", v, range), "a block such as 10.20.0.0/16").meta({
        description: "The network's own CIDR block: private (RFC 1918) address space.",
    });

const reservedCidrs = list(
    validated((v) => checkCidr("", v), "a block such as 10.0.0.0/16"),
    "[10.0.0.0/16, 192.168.0.0/16]",
).meta({
    description: "Networks this one must never overlap (peers, on-premises, the other cloud).",
});

const zones = (example: string) =>
    list(z.string({ error: () => encodeIssue("must be a zone name", `write names such as ${example}`) }), `[${example}]`);

const dns = strictObject(
    {
        publicZone: text(DOMAIN_NAME_PATTERN, "a lowercase domain such as example.com", "a lowercase domain name").optional(),
        privateZone: text(DOMAIN_NAME_PATTERN, "a lowercase domain such as prod.internal", "a lowercase domain name").optional(),
    },
    "{ privateZone: prod.acme.internal }",
).meta({ description: "DNS zones to create (none when unset)." });

const retentionDays = z
    .number({ error: () => encodeIssue("must be a number of days", "write a number such as 365") })
    .superRefine((value, ctx) => {
        for (const issue of checkLogRetentionDays("", value)) {
            ctx.addIssue({ code: "custom", message: encodeIssue(issue.problem, issue.fix), input: value });
        }
    });

/** The profile fields a stack may override (each read by a layer). */
const profileOverrides = strictObject(
    {
        network: strictObject(
            {
                availabilityZones: wholeNumber(1, MAX_AZ_SLOTS).optional(),
                natGateways: oneOf(NAT_GATEWAY_STRATEGIES).optional(),
                flowLogRetentionDays: retentionDays.optional(),
            },
            "{ natGateways: perAz }",
        ).optional(),
        cluster: strictObject(
            {
                kubernetesVersion: oneOf(KUBERNETES_VERSIONS).optional(),
                nodeCount: wholeNumber(1, 100).optional(),
                minNodes: wholeNumber(1, 100).optional(),
                maxNodes: wholeNumber(1, 300).optional(),
                nodeVcpu: wholeNumber(2, 64).optional(),
                nodeMemoryGiB: wholeNumber(4, 512).optional(),
                nodeZones: wholeNumber(1, MAX_AZ_SLOTS).optional(),
                systemNodes: wholeNumber(0, 10).optional(),
                spotCapacity: bool().optional(),
                releaseChannel: oneOf(GKE_RELEASE_CHANNELS).optional(),
            },
            "{ nodeCount: 3 }",
        ).optional(),
        platform: strictObject(
            {
                istiodReplicas: wholeNumber(PLATFORM_REPLICA_RANGE.min, PLATFORM_REPLICA_RANGE.max).optional(),
                ingressGatewayReplicas: wholeNumber(PLATFORM_REPLICA_RANGE.min, PLATFORM_REPLICA_RANGE.max).optional(),
                egressGatewayReplicas: wholeNumber(PLATFORM_REPLICA_RANGE.min, PLATFORM_REPLICA_RANGE.max).optional(),
                kongReplicas: wholeNumber(PLATFORM_REPLICA_RANGE.min, PLATFORM_REPLICA_RANGE.max).optional(),
                controllerReplicas: wholeNumber(PLATFORM_REPLICA_RANGE.min, PLATFORM_REPLICA_RANGE.max).optional(),
            },
            "{ istiodReplicas: 3 }",
        ).optional(),
        monitoring: strictObject(
            {
                prometheusReplicas: wholeNumber(PLATFORM_REPLICA_RANGE.min, PLATFORM_REPLICA_RANGE.max).optional(),
                alertmanagerReplicas: wholeNumber(PLATFORM_REPLICA_RANGE.min, PLATFORM_REPLICA_RANGE.max).optional(),
                retentionDays: wholeNumber(MONITORING_RETENTION_RANGE.min, MONITORING_RETENTION_RANGE.max).optional(),
                storageGiB: wholeNumber(MONITORING_STORAGE_RANGE.min, MONITORING_STORAGE_RANGE.max).optional(),
                logRetentionDays: wholeNumber(TELEMETRY_RETENTION_RANGE.min, TELEMETRY_RETENTION_RANGE.max).optional(),
                traceRetentionDays: wholeNumber(TELEMETRY_RETENTION_RANGE.min, TELEMETRY_RETENTION_RANGE.max).optional(),
                collectorReplicas: wholeNumber(PLATFORM_REPLICA_RANGE.min, PLATFORM_REPLICA_RANGE.max).optional(),
                lokiDeploymentMode: oneOf(LOKI_DEPLOYMENT_MODES).optional(),
            },
            "{ retentionDays: 30 }",
        ).optional(),
        protectStatefulResources: bool().optional(),
        data: DATA_PROFILE_OVERRIDES.optional(),
    },
    "{ network: { natGateways: perAz } }",
).meta({ description: "Overrides of the environment profile. Weakening prod or dr needs a waiver." });

const waivers = list(
    strictObject(
        {
            setting: oneOf(WAIVABLE_SETTINGS),
            reason: text(/^\S.{18,}\S$/, "a sentence of at least 20 characters saying why", "a reason (at least 20 characters)"),
            owner: text(OWNER_PATTERN, "an email address or a team slug, e.g. platform-oncall", "an owner"),
            expires: text(DATE_PATTERN, "a date such as 2027-06-30", "a date (YYYY-MM-DD)").optional(),
        },
        "{ setting: profile.network.natGateways, reason: ..., owner: platform }",
    ),
    "[{ setting: profile.network.natGateways, reason: ..., owner: platform }]",
).meta({ description: "Production-weakening overrides allowed on purpose, each with its reason and owner." });

const publicAccessCidrs = list(
    validated((v) => checkAllowListCidr("", v), "a CIDR block such as 203.0.113.0/24"),
    "[203.0.113.0/24]",
).meta({
    description:
        "Networks allowed to reach the cluster API endpoint from the internet (EKS public endpoint allow-list, GKE master authorized networks). Unset: the endpoint is private. Never 0.0.0.0/0; production needs a waiver.",
});

/** `platform:cluster` on AWS. */
const awsCluster = strictObject(
    {
        adminRoleArns: list(
            validated((v) => checkIamRoleArn("", v), "an IAM role ARN such as arn:aws:iam::123456789012:role/platform-admin"),
            "[arn:aws:iam::123456789012:role/platform-admin]",
        )
            .optional()
            .meta({ description: "IAM roles granted cluster-admin through EKS access entries (no aws-auth ConfigMap)." }),
        groupRoles: list(
            strictObject(
                {
                    roleArn: validated(
                        (v) => checkIamRoleArn("", v),
                        "an IAM role ARN such as arn:aws:iam::123456789012:role/payments-deployers",
                    ),
                    groups: list(
                        text(GROUP_PATTERN, "a group of platform:platform.rbac such as acme:payments", "a group name outside system:"),
                        "[acme:payments]",
                    ).min(1, {
                        error: () =>
                            encodeIssue("must list at least one group", "list the Kubernetes groups the role's sessions belong to"),
                    }),
                },
                "{ roleArn: arn:aws:iam::123456789012:role/payments-deployers, groups: [acme:payments] }",
            ),
            "[{ roleArn: arn:aws:iam::123456789012:role/payments-deployers, groups: [acme:payments] }]",
        )
            .optional()
            .meta({
                description:
                    "IAM roles mapped to Kubernetes groups through EKS access entries, with no access policy: the break-glass and team groups' RBAC (platform:platform.rbac) decides their rights.",
            }),
        publicAccessCidrs: publicAccessCidrs.optional(),
    },
    "{ adminRoleArns: [arn:aws:iam::123456789012:role/platform-admin] }",
).meta({ description: "The cluster layer: administrators and API endpoint exposure." });

/** `platform:cluster` on GCP (administrators are IAM role holders in the project). */
const gcpCluster = strictObject({ publicAccessCidrs: publicAccessCidrs.optional() }, "{ publicAccessCidrs: [203.0.113.0/24] }").meta({
    description: "The cluster layer: API endpoint exposure.",
});

/** An ACME account email: where the CA's account notices go. */
const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/;
/**
 * A registry host pattern: lowercase DNS labels (a `*` may stand for a label or part of one), an
 * optional port, an optional path prefix; no scheme, no tag.
 */
export const REGISTRY_PATTERN =
    /^(?:[a-z0-9*](?:[a-z0-9*-]*[a-z0-9*])?)(?:\.[a-z0-9*](?:[a-z0-9*-]*[a-z0-9*])?)*(?::\d{1,5})?(?:\/[a-z0-9._-]+)*$/;

/** A team label value: lowercase letters, digits and inner hyphens (receiver and secret key names are built from it). */
const TEAM_PATTERN = /^(?=.{1,63}$)[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** `host:port` of an SMTP server. */
const SMARTHOST_PATTERN = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?:\d{1,5}$/;

/** `platform:platform.alerting`: the Alertmanager's teams and mail server (credentials come from the secret store). */
const ALERTING = strictObject(
    {
        teams: list(
            strictObject(
                {
                    name: text(TEAM_PATTERN, "a team label value such as platform", "a team name"),
                    email: text(EMAIL_PATTERN, "an email address such as platform-team@example.com", "an email address"),
                },
                "{ name: platform, email: platform-team@example.com }",
            ),
            "[{ name: platform, email: platform-team@example.com }]",
        )
            .min(1, {
                error: () => encodeIssue("must list at least one team", "list the team that receives alerts of no other team first"),
            })
            .meta({
                description:
                    "Teams with their own receivers (PagerDuty and Slack for critical, Slack for warning, email for info), by the alerts' team label; the first also gets alerts of any other team.",
            }),
        smtp: strictObject(
            {
                from: text(EMAIL_PATTERN, "an email address such as alerts@example.com", "an email address"),
                smarthost: text(SMARTHOST_PATTERN, "host:port such as email-smtp.us-east-1.amazonaws.com:587", "a host:port"),
                username: text(/^\S{1,128}$/, "the SMTP user name", "a user name"),
            },
            "{ from: alerts@example.com, smarthost: email-smtp.us-east-1.amazonaws.com:587, username: alertmanager }",
        ).meta({ description: "The mail server of info alerts; its password is the `smtp-password` key of the receivers' cloud secret." }),
    },
    "{ teams: [{ name: platform, email: platform-team@example.com }], smtp: { ... } }",
).meta({
    description:
        "Where the Alertmanager sends alerts. Keys and webhooks are never here: they are read from the cloud secret <project>-<environment>-alertmanager-receivers.",
});

/** `platform:platform`: the platform layer's in-cluster add-ons and golden path (both clouds). */
const platformLayer = strictObject(
    {
        acmeEmail: text(EMAIL_PATTERN, "an email address such as platform-team@example.com", "an email address")
            .optional()
            .meta({ description: "Account email of the Let's Encrypt ClusterIssuers (ACME account and CA notices)." }),
        trustedRegistries: list(
            text(REGISTRY_PATTERN, "a registry host such as ghcr.io or *.dkr.ecr.*.amazonaws.com", "a registry host pattern"),
            "[ghcr.io, '*.dkr.ecr.*.amazonaws.com']",
        )
            .min(1, {
                error: () =>
                    encodeIssue(
                        "must list at least one registry",
                        "list the registries images may come from, or remove the key for the defaults",
                    ),
            })
            .optional()
            .meta({
                description:
                    "Registries workload images may come from (Workload refuses others); default: ECR private registries, Artifact Registry and ghcr.io.",
            }),
        alerting: ALERTING.optional(),
        runtimeSecurity: RUNTIME_SECURITY_SCHEMA.optional(),
        rbac: RBAC_SCHEMA.optional(),
        edgeRateLimitPer5Minutes: wholeNumber(100, 2_000_000_000).optional().meta({
            description:
                "Requests one client IP may send to the public load balancer in 5 minutes before the web application firewall blocks it (AWS WAF rate-based rule, GCP Cloud Armor rate-based ban); default 2000.",
        }),
    },
    "{ acmeEmail: platform-team@example.com }",
).meta({
    description:
        "The platform layer: the ACME account email, the registries workloads may pull from, where alerts go, Falco's alert threshold and Kubernetes RBAC.",
});

/** Settings every stack has, on either cloud. */
const common = {
    environment: oneOf(ENVIRONMENTS).meta({ description: "The environment this stack belongs to; must match the stack name." }),
    project: text(PROJECT_PREFIX_PATTERN, "2-12 lowercase letters or digits starting with a letter, e.g. acme", "a project prefix").meta({
        description: "Short product prefix of every physical name (<project>-<environment>-...).",
    }),
    team: text(TAG_VALUE_PATTERN, "a lowercase team slug, e.g. platform", "a lowercase tag value").meta({
        description: "Owning team (the team tag).",
    }),
    costCenter: text(TAG_VALUE_PATTERN, "a lowercase cost-center code, e.g. cc-1042", "a lowercase tag value").meta({
        description: "Cost center (the cost-center tag).",
    }),
    dns: dns.optional(),
    profile: profileOverrides.optional(),
    waivers: waivers.optional(),
    platform: platformLayer.optional(),
    security: SECURITY_SCHEMA.optional(),
    alerts: ALERTS_SCHEMA.optional(),
};

export const AWS_CONFIG_SCHEMA = strictObject(
    {
        ...common,
        cloud: z.literal("aws"),
        region: text(AWS_REGION_PATTERN, "an AWS region such as us-east-1", "an AWS region").optional(),
        awsAccountId: text(/^\d{12}$/, "the 12-digit AWS account id, e.g. 123456789012", "an AWS account id")
            .optional()
            .meta({ description: "The only AWS account the provider may touch." }),
        cluster: awsCluster.optional(),
        network: strictObject(
            {
                cidr: networkCidr(AWS_VPC_PREFIX_RANGE),
                availabilityZones: zones("us-east-1a, us-east-1b, us-east-1c").optional(),
                reservedCidrs: reservedCidrs.optional(),
            },
            "{ cidr: 10.20.0.0/16 }",
        ),
        data: AWS_DATA_SCHEMA.optional(),
        budget: AWS_BUDGET_SCHEMA.optional(),
        dr: DR_SCHEMA.optional(),
    },
    "{ environment: prod, ... }",
);

export const GCP_CONFIG_SCHEMA = strictObject(
    {
        ...common,
        cloud: z.literal("gcp"),
        region: text(GCP_REGION_PATTERN, "a GCP region such as us-west1", "a GCP region").optional(),
        gcpProject: text(GCP_PROJECT_PATTERN, "a GCP project id such as acme-dr-prod", "a GCP project id").meta({
            description: "The GCP project.",
        }),
        cluster: gcpCluster.optional(),
        network: strictObject(
            {
                cidr: networkCidr(GCP_REGION_PREFIX_RANGE),
                availabilityZones: zones("us-west1-a, us-west1-b, us-west1-c").optional(),
                reservedCidrs: reservedCidrs.optional(),
                secondaryRegions: list(
                    strictObject(
                        {
                            region: text(GCP_REGION_PATTERN, "a GCP region such as us-east4", "a GCP region"),
                            cidr: networkCidr(GCP_REGION_PREFIX_RANGE),
                        },
                        "{ region: us-east4, cidr: 10.41.0.0/16 }",
                    ),
                    "[{ region: us-east4, cidr: 10.41.0.0/16 }]",
                ).optional(),
            },
            "{ cidr: 10.40.0.0/16 }",
        ),
        data: GCP_DATA_SCHEMA.optional(),
        budget: GCP_BUDGET_SCHEMA.optional(),
        dr: GCP_DR_SCHEMA.optional(),
    },
    "{ environment: dr, ... }",
);

export const PLATFORM_CONFIG_SCHEMA = z.discriminatedUnion("cloud", [AWS_CONFIG_SCHEMA, GCP_CONFIG_SCHEMA]);

export type AwsConfig = z.infer<typeof AWS_CONFIG_SCHEMA>;
export type GcpConfig = z.infer<typeof GCP_CONFIG_SCHEMA>;
export type PlatformConfig = z.infer<typeof PLATFORM_CONFIG_SCHEMA>;

/** Keys that exist on only one cloud, for the message when they appear on the other. */
export const CLOUD_ONLY_KEYS: Readonly<Record<string, "aws" | "gcp">> = {
    awsAccountId: "aws",
    gcpProject: "gcp",
    "network.secondaryRegions": "gcp",
    "cluster.adminRoleArns": "aws",
    "dr.failover": "aws",
    "dr.hostnames": "gcp",
    "cluster.groupRoles": "aws",
    ...DATA_CLOUD_ONLY_KEYS,
    ...ALERTING_CLOUD_ONLY_KEYS,
};
