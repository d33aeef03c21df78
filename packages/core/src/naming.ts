/**
 * Physical names: `<project>-<env>-<component>`, fitted to each resource kind's length and
 * character rules. Names that would be too long keep a readable prefix and end in a stable hash,
 * so two long names never collide and re-running never renames (and so never replaces) anything.
 */
import { createHash } from "node:crypto";

/** The name rules the platform needs, by resource kind. */
export const NAME_RULES = {
    /** Most AWS names (VPC Name tags, security groups, log groups, KMS aliases). */
    aws: { maxLength: 255 },
    /** IAM roles and policies. */
    iamRole: { maxLength: 64 },
    /** S3 buckets: globally unique, lowercase, 3..63. */
    s3Bucket: { maxLength: 63 },
    /** ALB / NLB and target groups. */
    loadBalancer: { maxLength: 32 },
    /** RDS instance and cluster identifiers. */
    rds: { maxLength: 63 },
    /** ElastiCache replication group ids. */
    elasticache: { maxLength: 40 },
    /** EKS clusters. */
    eksCluster: { maxLength: 100 },
    /** SQS queues. */
    sqsQueue: { maxLength: 80 },
    /** EventBridge rules. */
    eventRule: { maxLength: 64 },
    /** Most GCP resources (RFC 1035 labels). */
    gcp: { maxLength: 63 },
    /** GKE clusters and node pools. */
    gke: { maxLength: 40 },
    /** GCP service account ids. */
    gcpServiceAccount: { maxLength: 30 },
    /** Workload Identity Federation pool ids (4..32). */
    workloadIdentityPool: { maxLength: 32 },
} as const satisfies Record<string, { maxLength: number }>;

export type NameKind = keyof typeof NAME_RULES;

/** One part of a physical name: lowercase letters and digits separated by single hyphens. */
export const NAME_SEGMENT_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function isNameSegment(value: unknown): value is string {
    return typeof value === "string" && NAME_SEGMENT_PATTERN.test(value);
}
const HASH_LENGTH = 6;

export interface NameParts {
    readonly project: string;
    readonly environment: string;
    /** What the resource is, e.g. `vpc`, `flow-logs`, `kms-data`. */
    readonly component: string;
}

/** Builds `<project>-<env>-<component>` for a kind, shortening with a stable hash when needed. */
export function resourceName(parts: NameParts, kind: NameKind = "aws"): string {
    for (const [field, value] of Object.entries(parts)) {
        if (!isNameSegment(value)) {
            throw new Error(`name part ${field}=${JSON.stringify(value)} must be lowercase letters and digits separated by single hyphens`);
        }
    }
    const full = `${parts.project}-${parts.environment}-${parts.component}`;
    return fitName(full, NAME_RULES[kind].maxLength);
}

/** Shortens `name` to `maxLength`, ending in `-<hash of the full name>` when cut. */
export function fitName(name: string, maxLength: number): string {
    if (name.length <= maxLength) {
        return name;
    }
    const hash = createHash("sha256").update(name).digest("hex").slice(0, HASH_LENGTH);
    const head = name.slice(0, maxLength - HASH_LENGTH - 1).replace(/-+$/, "");
    return `${head}-${hash}`;
}

/** The component name of the security layer's CI identities: their physical names start `<project>-<environment>-ci-`. */
export const CI_COMPONENT = "ci";

/**
 * The IAM role name (or, with kind `gcpServiceAccount`, the service account id) of a CI identity:
 * `deploy` (the GitHub deploy environment's) or `drift` (the nightly drift job's, read-only). The
 * cluster layer grants the drift identity read access to the cluster by this name.
 */
export function ciIdentityName(
    naming: { project: string; environment: string },
    purpose: "deploy" | "drift",
    kind: NameKind = "iamRole",
): string {
    return resourceName({ ...naming, component: `${CI_COMPONENT}-${purpose}` }, kind);
}
