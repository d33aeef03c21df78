import type { ResourceValidationPolicy } from "@pulumi/policy";
import { checkov, seedTags, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { conditionValues, federatedPrincipals, oidcIssuerOf, statementLabel } from "../iam.js";
import { readPolicyDocument } from "../key-policy.js";

/** GitHub Actions' token issuer. */
export const GITHUB_ISSUER = "token.actions.githubusercontent.com";
/** Google's issuer: its `sub` is a globally unique numeric account id, so the subject alone pins the identity. */
export const GOOGLE_ISSUER = "accounts.google.com";
/** A GitHub subject naming one repository literally: `repo:<owner>/<repo>:<context>`, no wildcard before the context. */
const GITHUB_SUBJECT = /^repo:[A-Za-z0-9-]+\/[A-Za-z0-9._-]+:[^*?]*[^:*?]/;

/**
 * Roles trusting an OIDC provider (GitHub Actions, an EKS cluster's issuer) are assumable only by
 * the subjects meant (CKV_AWS_358 on policy documents, CKV_AWS_393 on roles; issue 12): every Allow statement with a federated OIDC principal
 * has a Condition on `<issuer>:aud` (except Google's, whose subjects are globally unique account
 * ids) and on `<issuer>:sub` with no bare wildcard; for GitHub, every
 * subject names one repository literally (`repo:<owner>/<repo>:...`, no `*` or `?` in owner or
 * repository). Without a subject condition any workflow of any repository on GitHub could assume
 * the role.
 */
export const iamOidcTrustScoped: ResourceValidationPolicy = {
    name: "aws-iam-oidc-trust-scoped",
    description: "Roles trusting an OIDC provider restrict the audience and the subject (GitHub: one repository).",
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: checkov({
        CKV_AWS_358: "Ensure AWS GitHub Actions OIDC authorization policies only allow safe claims and claim order",
        CKV_AWS_393: "Ensure AWS GitHub Actions OIDC authorization policies only allow safe claims and claim order",
    }),
    tags: seedTags("001", "003"),
    remediationSteps:
        'Add Condition StringEquals { "<issuer>:aud": "sts.amazonaws.com", "<issuer>:sub": "repo:<owner>/<repo>:environment:<env>" } to the trust statement (GitHub), or "system:serviceaccount:<ns>:<sa>" for an EKS issuer.',
    url: "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services",
    validateResource: validateResourceOfTypes([AWS_TYPES.iamRole], (props, args, reportViolation) => {
        const policy: unknown = props["assumeRolePolicy"];
        if (policy === undefined) return;
        const doc = readPolicyDocument(policy);
        if (!doc.ok) {
            reportViolation(`IAM role ${args.name}'s trust policy ${doc.reason}; fix the policy document.`);
            return;
        }
        doc.statements.forEach((statement, i) => {
            if (statement["Effect"] !== "Allow") return;
            const label = statementLabel(statement, i);
            for (const issuer of federatedPrincipals(statement).flatMap((p) => oidcIssuerOf(p) ?? [])) {
                const where = `IAM role ${args.name}'s trust statement ${label} (${issuer})`;
                const aud = conditionValues(statement, `${issuer}:aud`);
                if (aud.length === 0 && issuer !== GOOGLE_ISSUER) {
                    reportViolation(`${where} has no condition on ${issuer}:aud; require the audience (sts.amazonaws.com).`);
                }
                const sub = conditionValues(statement, `${issuer}:sub`);
                const subjects = sub.flatMap((s) => s.values);
                if (sub.length === 0 || subjects.length === 0) {
                    reportViolation(
                        `${where} has no condition on ${issuer}:sub, so any subject of the issuer can assume the role; require the exact subject.`,
                    );
                    continue;
                }
                const open = subjects.filter((s) => s === "*" || s.trim() === "");
                const loose = issuer === GITHUB_ISSUER ? subjects.filter((s) => !open.includes(s) && !GITHUB_SUBJECT.test(s)) : [];
                if (open.length > 0) {
                    reportViolation(`${where} allows any subject (${issuer}:sub ${JSON.stringify(open[0])}); require the exact subject.`);
                }
                if (loose.length > 0) {
                    reportViolation(
                        `${where} allows GitHub subjects ${loose.map((s) => JSON.stringify(s)).join(", ")} that do not name one repository; use repo:<owner>/<repo>:environment:<env>.`,
                    );
                }
            }
        });
    }),
};
