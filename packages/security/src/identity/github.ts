/**
 * GitHub Actions OIDC facts shared by the AWS and GCP CI identities: the issuer, the audience, the
 * claims a trust is scoped to. A job in GitHub environment `<env>` of `<owner>/<repo>` gets a token
 * whose `sub` is `repo:<owner>/<repo>:environment:<env>`; only such a job can deploy, and GitHub's
 * environment protection rules (required reviewers, branch rules) decide which jobs may run in it.
 */
import type { GithubDeploySource } from "@platform/core";

/** The token issuer of GitHub Actions. */
export const GITHUB_OIDC_ISSUER = "https://token.actions.githubusercontent.com";
/** The issuer without the scheme: the prefix of the AWS condition keys. */
export const GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";
/** The audience `aws-actions/configure-aws-credentials` requests. */
export const AWS_STS_AUDIENCE = "sts.amazonaws.com";

/** `<owner>/<repository>`. */
export function githubRepositoryPath(source: GithubDeploySource): string {
    return `${source.owner}/${source.repository}`;
}

/** The exact `sub` claim of a job in the source's GitHub environment. */
export function githubSubject(source: GithubDeploySource): string {
    return `repo:${githubRepositoryPath(source)}:environment:${source.environment}`;
}
