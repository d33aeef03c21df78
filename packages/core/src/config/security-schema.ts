/**
 * `platform:security` (the security layer's settings, both clouds): the GitHub repository whose
 * workflows may deploy this environment (the CI identities' trust is scoped to it) and the
 * write-once mode of the audit log store. Every key is read by the security layer (`stacks/security`).
 */
import type { z } from "zod";
import { OBJECT_LOCK_MODES } from "./data-schema.js";
import { oneOf, strictObject, text } from "./fields.js";

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
    },
    "{ owner: acme-corp, repository: platform, environment: production }",
).meta({ description: "The GitHub repository (and environment) CI deploys from, through OIDC; no CI identity when unset." });

/** `platform:security`. */
export const SECURITY_SCHEMA = strictObject(
    {
        github: github.optional(),
        auditObjectLock: oneOf(OBJECT_LOCK_MODES).optional().meta({
            description:
                "Write-once mode of the audit log store (S3 Object Lock on the CloudTrail bucket; a locked retention on the GCP log bucket with compliance). Default: governance in prod and dr, none elsewhere.",
        }),
    },
    "{ github: { owner: acme-corp, repository: platform } }",
).meta({ description: "The security layer: the repository CI deploys from, and the audit log store's write-once mode." });

export type SecurityConfig = z.infer<typeof SECURITY_SCHEMA>;
