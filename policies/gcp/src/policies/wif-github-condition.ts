import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asNonEmptyString, asRecord, asString, checkov, seedTags, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/** GitHub Actions' token issuer. */
export const GITHUB_ISSUER_URI = "https://token.actions.githubusercontent.com";
/** A condition that pins the repository (or its owner) by equality on the token's claim or its mapped attribute. */
const REPOSITORY_CONDITION =
    /\b(assertion|attribute)\.(repository|repository_id|repository_owner|repository_owner_id)\s*==\s*["'][^"'*]+["']/;

/**
 * Workload Identity Federation providers for GitHub Actions refuse tokens of other repositories
 * (CKV_GCP_125; issue 12): the provider's `attributeCondition` compares the repository (or its
 * owner) by equality. Without one, a workflow of any repository on GitHub can exchange its token,
 * and only the IAM bindings stand between it and the project. A provider of any other issuer
 * must have an attributeCondition at all (CKV_GCP_118).
 */
export const wifGithubCondition: ResourceValidationPolicy = {
    name: "gcp-wif-github-condition",
    description: "Workload Identity providers for GitHub Actions admit one repository (or owner) by attribute condition.",
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: checkov({
        CKV_GCP_125: "Ensure GCP GitHub Actions OIDC trust policy is configured securely",
        CKV_GCP_118: "Ensure IAM workload identity pool provider is restricted",
    }),
    tags: seedTags("003"),
    remediationSteps: 'Set attributeCondition to assertion.repository == "<owner>/<repo>" (and map attribute.repository).',
    url: "https://cloud.google.com/iam/docs/workload-identity-federation-with-deployment-pipelines#conditions",
    validateResource: validateResourceOfTypes([GCP_TYPES.workloadIdentityPoolProvider], (props, args, reportViolation) => {
        const issuer = asString(asRecord(props["oidc"])?.["issuerUri"]);
        const condition = asNonEmptyString(props["attributeCondition"]);
        if (issuer !== GITHUB_ISSUER_URI) {
            // Any other issuer: a condition at all (CKV_GCP_118); what it must say depends on the issuer.
            if (condition === undefined) {
                reportViolation(
                    `Workload Identity provider ${args.name} has no attributeCondition, so every identity its issuer signs tokens for can exchange them; restrict it with an attributeCondition.`,
                );
            }
            return;
        }
        if (condition === undefined) {
            reportViolation(
                `Workload Identity provider ${args.name} trusts GitHub Actions without an attributeCondition, so any repository's workflow can exchange its token; set attributeCondition to assertion.repository == "<owner>/<repo>".`,
            );
        } else if (!REPOSITORY_CONDITION.test(condition)) {
            reportViolation(
                `Workload Identity provider ${args.name}'s attributeCondition ${JSON.stringify(condition)} does not pin a repository or owner; compare assertion.repository (or repository_owner) by ==.`,
            );
        }
    }),
};
