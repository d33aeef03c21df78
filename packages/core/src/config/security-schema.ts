/**
 * `platform:security` (the security layer's settings, both clouds): the GitHub repository whose
 * workflows may deploy this environment (the CI identities' trust is scoped to it), the state
 * backend its read-only drift identity may read, and the write-once mode of the audit log store. Every key is read by the security layer (`stacks/security`).
 */
import { OBJECT_LOCK_MODES } from "./data-schema.js";
import { z } from "zod";
import { encodeIssue, oneOf, strictObject, text } from "./fields.js";

/** A GitHub user or organization: 1-39 letters, digits or single hyphens, no leading or trailing hyphen. */
export const GITHUB_OWNER_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
/** A GitHub repository name: 1-100 letters, digits, `.`, `_` or `-`, not `.` or `..` (never a wildcard). */
export const GITHUB_REPOSITORY_PATTERN = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,100}$/;
/**
 * A GitHub environment name as it appears in the OIDC `sub` claim: letters, digits, `.`, `_`, `-`
 * (no `*` or `?`, so the trust condition can be an exact match, and no `:` which separates claims).
 */
export const GITHUB_ENVIRONMENT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

const github = strictObject(
    {
        owner: text(GITHUB_OWNER_PATTERN, "a GitHub organization or user such as acme-corp", "a GitHub owner").meta({
            description: "The GitHub organization (or user) owning the repository that deploys the platform.",
        }),
        repository: text(GITHUB_REPOSITORY_PATTERN, "a repository name such as platform (no owner, no wildcard)", "a repository name").meta(
            {
                description: "The repository whose workflows may assume this environment's deploy identity.",
            },
        ),
        environment: text(
            GITHUB_ENVIRONMENT_PATTERN,
            "a GitHub environment name such as production (letters, digits, . _ -)",
            "a GitHub environment name",
        )
            .optional()
            .meta({
                description:
                    "The GitHub environment whose jobs may deploy this platform environment (the OIDC sub claim repo:<owner>/<repository>:environment:<name>); protect it with required reviewers for prod. Default: the platform environment's name.",
            }),
        driftEnvironment: text(
            GITHUB_ENVIRONMENT_PATTERN,
            "a GitHub environment name such as prod-drift (letters, digits, . _ -)",
            "a GitHub environment name",
        )
            .optional()
            .meta({
                description:
                    "The GitHub environment of the nightly drift job, whose jobs may assume the read-only drift identity (no required reviewers needed: it cannot change anything). Must differ from `environment`. Default: <platform environment>-drift.",
            }),
    },
    "{ owner: acme-corp, repository: platform, environment: production }",
).meta({ description: "The GitHub repository (and environment) CI deploys from, through OIDC; no CI identity when unset." });

/** An S3 bucket name (3-63 lowercase letters, digits, `.`, `-`) or a GCS bucket name (also `_`). */
export const STATE_BUCKET_PATTERN = /^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/;
/** A KMS key ARN (never an alias: IAM grants on keys name the key). */
export const AWS_KMS_KEY_ARN_PATTERN = /^arn:aws(-[a-z]+)*:kms:[a-z]{2}(-[a-z]+)+-\d:\d{12}:key\/(mrk-)?[0-9a-f-]{32,36}$/;
/** A Cloud KMS crypto key's resource id. */
export const GCP_CRYPTO_KEY_ID_PATTERN =
    /^projects\/[a-z][a-z0-9-]{4,28}[a-z0-9]\/locations\/[a-z0-9-]+\/keyRings\/[\w-]{1,63}\/cryptoKeys\/[\w-]{1,63}$/;

const stateBackend = strictObject(
    {
        bucket: text(
            STATE_BUCKET_PATTERN,
            "the bucket of PULUMI_BACKEND_URL, e.g. acme-pulumi-state for s3://acme-pulumi-state",
            "a bucket name",
        ).meta({
            description:
                "The bucket of the Pulumi state backend CI uses (PULUMI_BACKEND_URL s3://<bucket> or gs://<bucket>): the drift identity may read its objects, nothing else's.",
        }),
        secretsKey: z
            .string({ error: () => encodeIssue("must be a string", "set it to the key of PULUMI_SECRETS_PROVIDER") })
            .optional()
            .meta({
                description:
                    "The KMS key of the stacks' secrets provider (AWS: its key ARN, for awskms://; GCP: projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<k>, for gcpkms://): the drift identity may decrypt with it. Unset: the stacks use a passphrase.",
            }),
    },
    "{ bucket: acme-pulumi-state }",
).meta({ description: "Where CI keeps the stacks' state: what the read-only drift identity may read. Required with github." });

/** `platform:security`. */
export const SECURITY_SCHEMA = strictObject(
    {
        github: github.optional(),
        stateBackend: stateBackend.optional(),
        auditObjectLock: oneOf(OBJECT_LOCK_MODES).optional().meta({
            description:
                "Write-once mode of the audit log store (S3 Object Lock on the CloudTrail bucket; a locked retention on the GCP log bucket with compliance). Default: governance in prod and dr, none elsewhere.",
        }),
    },
    "{ github: { owner: acme-corp, repository: platform } }",
).meta({ description: "The security layer: the repository CI deploys from, and the audit log store's write-once mode." });

export type SecurityConfig = z.infer<typeof SECURITY_SCHEMA>;
