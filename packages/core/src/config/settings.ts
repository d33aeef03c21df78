/**
 * The validated, profile-resolved settings every layer reads: what `parsePlatformConfig` returns
 * for the `platform:` namespace of a stack file. One shape per cloud, discriminated by `cloud`.
 */
import type { Cloud, EnvironmentName, EnvironmentProfile } from "../environments/profiles.js";
import type { OwnershipTags } from "../tags.js";
import type { ConnectionPooling, DataSize, ObjectLockMode } from "./data-schema.js";
import type { Waiver } from "./waivers.js";
import type { FalcoMinimumPriority } from "./cluster-access-schema.js";

/** Config namespace shared by every stack project and the root project. */
export const CONFIG_NAMESPACE = "platform";

/** A further GCP region of the same VPC. */
export interface RegionalRange {
    readonly region: string;
    readonly cidr: string;
}

export interface NetworkSettings {
    /** The VPC CIDR (AWS) or the primary region's range (GCP). */
    readonly cidr: string;
    /** AZ names (AWS, e.g. `us-east-1a`) or zone names (GCP, e.g. `us-west1-a`), in slot order. */
    readonly availabilityZones: readonly string[];
    /** Networks this one must never overlap (peers, on-premises, the other cloud). */
    readonly reservedCidrs: readonly string[];
    /** GCP only: further regions of the same VPC, each with its own range ([] on AWS). */
    readonly secondaryRegions: readonly RegionalRange[];
}

export interface DnsSettings {
    /** Public zone apex, e.g. `example.com`; no public zone when unset. */
    readonly publicZone?: string;
    /** Private zone, e.g. `prod.internal`; no private zone when unset. */
    readonly privateZone?: string;
}

/** `platform:cluster`: who administers the cluster and whether its API is reachable from the internet. */
export interface ClusterSettings {
    /**
     * Networks allowed to reach the API endpoint from the internet; empty means a private endpoint
     * only (the default everywhere; production needs a waiver).
     */
    readonly publicAccessCidrs: readonly string[];
}

export interface AwsClusterSettings extends ClusterSettings {
    /** IAM roles granted cluster-admin through EKS access entries. */
    readonly adminRoleArns: readonly string[];
    /** IAM roles mapped to Kubernetes groups through EKS access entries (RBAC decides their rights). */
    readonly groupRoles: readonly { readonly roleArn: string; readonly groups: readonly string[] }[];
}

/** `platform:data`, every default resolved (what the data layer reads). */
interface DataSettingsBase {
    /** Instance size of the databases, caches and brokers. */
    readonly size: DataSize;
    /** Read replicas of the primary Postgres database. */
    readonly readReplicas: number;
    /** Receives before a message moves to the dead-letter queue. */
    readonly maxReceiveCount: number;
    /** Write-once protection of backup objects. */
    readonly objectLock: ObjectLockMode;
}

export interface AwsDataSettings extends DataSettingsBase {
    readonly connectionPooling: ConnectionPooling;
    /** The region the backup bucket replicates to; no replication when unset. */
    readonly replicationRegion?: string;
    /** The GCP project whose Storage Transfer Service may read the backup bucket; none when unset. */
    readonly crossCloudCopyProject?: string;
}

/** Where a GCP environment copies AWS backups from (the source environment's backup bucket). */
export interface CrossCloudCopySource {
    readonly awsAccountId: string;
    readonly environment: EnvironmentName;
    readonly region: string;
}

export interface GcpDataSettings extends DataSettingsBase {
    /** The AWS environment whose backup bucket is copied here daily; none when unset. */
    readonly crossCloudCopySource?: CrossCloudCopySource;
}

/** `platform:platform`: what the platform layer (add-ons and the golden-path Workload) reads. */
export interface PlatformLayerSettings {
    /** ACME account email of the Let's Encrypt ClusterIssuers; none when unset (Let's Encrypt no longer mails expiry notices). */
    readonly acmeEmail?: string;
    /** Registry host patterns workload images may come from. */
    readonly trustedRegistries: readonly string[];
    /** Where the Alertmanager sends alerts; the monitoring stack refuses to deploy without it. */
    readonly alerting?: AlertingSettings;
    /** Requests per client IP per 5 minutes at the public edge before the WAF blocks the IP; the edge's default (2000) when unset. */
    readonly edgeRateLimitPer5Minutes?: number;
    /** Least Falco priority forwarded to the Alertmanager. */
    readonly runtimeSecurity: { readonly minimumPriority: FalcoMinimumPriority };
    /** The break-glass group (the only cluster-admin subject) and the app teams' namespaced roles. */
    readonly rbac: RbacSettings;
}

/** `platform:platform.rbac`, resolved. */
export interface RbacSettings {
    readonly breakGlassGroup: string;
    readonly teams: readonly RbacTeam[];
}

/** An app team: its group gets seed 000's deployment-manager Role in each of its namespaces. */
export interface RbacTeam {
    readonly name: string;
    readonly group: string;
    readonly namespaces: readonly string[];
}

/** `platform:platform.alerting`: the Alertmanager's teams (by the alerts' `team` label) and mail server. */
export interface AlertingSettings {
    /** The first also receives alerts of teams not listed. */
    readonly teams: readonly { readonly name: string; readonly email: string }[];
    readonly smtp: { readonly from: string; readonly smarthost: string; readonly username: string };
}

/** The GitHub repository and environment whose workflows may deploy this environment (OIDC). */
export interface GithubDeploySource {
    readonly owner: string;
    readonly repository: string;
    /** The GitHub environment (the `sub` claim's `environment:<name>`). */
    readonly environment: string;
}

/** The nightly drift job's read-only identity: who may assume it and the state it may read. */
export interface CiDriftSettings {
    /** The drift job's GitHub environment (the `sub` claim's `environment:<name>`); never the deploy environment. */
    readonly githubEnvironment: string;
    /** The state backend's bucket (S3 or GCS). */
    readonly stateBucket: string;
    /** The secrets provider's KMS key (AWS key ARN or Cloud KMS key id); unset with a passphrase provider. */
    readonly stateSecretsKey?: string;
}

/** `platform:security`, every default resolved (what the security layer reads). */
export interface SecuritySettings {
    /** Where CI deploys from; no CI identity when unset. */
    readonly github?: GithubDeploySource;
    /** The read-only drift identity; set exactly when `github` is. */
    readonly drift?: CiDriftSettings;
    /** Write-once mode of the audit log store. */
    readonly auditObjectLock: ObjectLockMode;
}

/** `platform:alerts`, resolved: who cloud alerts reach and the uptime check's endpoint. */
export interface AlertSettings {
    /** Email addresses notified; none when unset (alarms still reach their topics). */
    readonly emails: readonly string[];
    /** The public endpoint an uptime check probes; no check when unset. */
    readonly uptimeCheck?: { readonly host: string; readonly path: string };
}

/** `platform:budget` on AWS: the monthly limit and who hears about it. */
export interface BudgetSettings {
    /** US dollars per month. */
    readonly monthlyLimitUsd: number;
    readonly recipients: readonly string[];
}

/** `platform:budget` on GCP: also the billing account the budget belongs to. */
export interface GcpBudgetSettings extends BudgetSettings {
    readonly billingAccount: string;
}

/** `platform:dr.failover`: DNS failover of the public application name to the dr environment (docs/dr.md). */
export interface DrFailoverSettings {
    /** The public name that fails over, inside the public zone. */
    readonly hostname: string;
    /** The AWS primary as an alias target (the public ALB), or */
    readonly primaryAlias?: { readonly dnsName: string; readonly zoneId: string };
    /** as a hostname (CNAME records). */
    readonly primaryHostname?: string;
    /** The dr environment's reserved public IPv4 address, or */
    readonly secondaryAddress?: string;
    /** its entry point as a hostname. */
    readonly secondaryHostname?: string;
    /** CNAME records authorizing the dr edge's certificate (dr's `dnsAuthorizations` output); none when unset. */
    readonly dnsAuthorizations?: readonly { readonly recordName: string; readonly recordData: string }[];
    /** The HTTPS health check on the primary; the component's defaults when unset. */
    readonly healthCheck?: { readonly path?: string; readonly failureThreshold?: number; readonly requestIntervalSeconds?: 10 | 30 };
}

interface SettingsBase {
    /** Short product prefix for resource names (`<project>-<env>-<component>`). */
    readonly project: string;
    readonly environment: EnvironmentName;
    readonly cloud: Cloud;
    readonly region: string;
    /** The environment's profile with any `platform:profile` overrides applied. */
    readonly profile: EnvironmentProfile;
    readonly ownership: OwnershipTags;
    readonly network: NetworkSettings;
    readonly dns: DnsSettings;
    /** Production-weakening overrides this stack is allowed, each with its reason and owner. */
    readonly waivers: readonly Waiver[];
    /** The platform layer's settings. */
    readonly platform: PlatformLayerSettings;
    /** The security layer's settings. */
    readonly security: SecuritySettings;
    /** Who cloud alerts reach (`platform:alerts`). */
    readonly alerts: AlertSettings;
}

export interface AwsSettings extends SettingsBase {
    readonly cloud: "aws";
    /** AWS account the stack may deploy to; the provider refuses any other. @default any account */
    readonly awsAccountId?: string;
    readonly cluster: AwsClusterSettings;
    /** The data layer's settings. */
    readonly data: AwsDataSettings;
    /** The monthly budget; none when unset. */
    readonly budget?: BudgetSettings;
    /** Disaster recovery (`platform:dr`): DNS failover to the dr environment; none when unset. */
    readonly dr?: { readonly failover?: DrFailoverSettings };
}

export interface GcpSettings extends SettingsBase {
    readonly cloud: "gcp";
    /** GCP project id. */
    readonly gcpProject: string;
    readonly cluster: ClusterSettings;
    /** The data layer's settings. */
    readonly data: GcpDataSettings;
    /** The monthly budget (on a billing account); none when unset. */
    readonly budget?: GcpBudgetSettings;
    /** `platform:dr`: the names this environment serves when prod fails over (its public edge); none when unset. */
    readonly dr?: { readonly hostnames: readonly string[] };
}

/** Validated settings for one stack. */
export type PlatformSettings = AwsSettings | GcpSettings;
