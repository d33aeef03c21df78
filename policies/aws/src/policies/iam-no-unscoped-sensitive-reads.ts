import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray, asRecord, asString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { actionCovers, statementActions, statementLabel } from "../iam.js";
import { readPolicyDocument } from "../key-policy.js";

/** Actions that return credentials (cloudsplaining's list, as Checkov 3.3.30 ships it). */
export const CREDENTIAL_ACTIONS = [
    "airflow:CreateCliToken",
    "airflow:CreateWebLoginToken",
    "appsync:CreateApiKey",
    "chime:CreateApiKey",
    "cloud9:CreateEnvironmentToken",
    "codeartifact:GetAuthorizationToken",
    "codepipeline:PollForJobs",
    "cognito-identity:GetOpenIdToken",
    "cognito-identity:GetOpenIdTokenForDeveloperIdentity",
    "cognito-identity:GetCredentialsForIdentity",
    "cognito-idp:GetSigningCertificate",
    "connect:GetFederationToken",
    "connect:GetFederationTokens",
    "ec2:GetPasswordData",
    "ecr:GetAuthorizationToken",
    "ecr-public:GetAuthorizationToken",
    "emr-containers:GetManagedEndpointSessionCredentials",
    "finspace-api:GetProgrammaticAccessCredentials",
    "gamelift:RequestUploadCredentials",
    "gamelift:GetInstanceAccess",
    "gamelist:GetComputeAccess",
    "gamelist:GetComputeAuthToken",
    "grafana:CreateWorkspaceApiKey",
    "iam:CreateAccessKey",
    "iam:CreateLoginProfile",
    "iam:CreateServiceSpecificCredential",
    "iam:ResetServiceSpecificCredential",
    "iam:UpdateAccessKey",
    "license-manager:GetAccessToken",
    "lightsail:GetInstanceAccessDetails",
    "lightsail:DownloadDefaultKeyPair",
    "lightsail:CreateBucketAccessKey",
    "lightsail:GetRelationalDatabaseMasterUserPassword",
    "mediapackage:RotateChannelCredentials",
    "mediapackage:RotateIngestEndpointCredentials",
    "rds-db:Connect",
    "redshift:GetClusterCredentials",
    "redshift:GetClusterCredentialsWithIAM",
    "redshift-serverless:GetCredentials",
    "sso:GetRoleCredentials",
    "sts:AssumeRole",
    "sts:AssumeRoleWithSAML",
    "sts:AssumeRoleWithWebIdentity",
    "sts:GetFederationToken",
    "sts:GetSessionToken",
];

/** Read actions that empty a data store or a secret store (cloudsplaining's data exfiltration list). */
export const EXFILTRATION_ACTIONS = [
    "s3:GetObject",
    "ssm:GetParameter",
    "ssm:GetParameters",
    "ssm:GetParametersByPath",
    "secretsmanager:GetSecretValue",
];

/**
 * Identity policies grant no credential-returning action (CKV_AWS_287) and no data-reading action
 * (CKV_AWS_288: s3:GetObject, SSM parameters, Secrets Manager values) on every resource: an Allow
 * statement with Resource "*" and no Condition that covers one of them (wildcards included, e.g.
 * `s3:Get*`; NotAction too) lets the principal mint credentials or read every bucket and secret of
 * the account. Name the buckets, parameters and secrets instead. Checked on standalone and inline
 * role policies and a role's `inlinePolicies`; an unreadable document is aws-iam-no-wildcard-admin's.
 */
export const iamNoUnscopedSensitiveReads: ResourceValidationPolicy = {
    name: "aws-iam-no-unscoped-sensitive-reads",
    description: "IAM policies grant no credential-returning or secret/object-reading action on Resource *.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({
        CKV_AWS_287: "Ensure IAM policies does not allow credentials exposure",
        CKV_AWS_288: "Ensure IAM policies does not allow data exfiltration",
    }),
    remediationSteps:
        'Scope the statement\'s Resource to the buckets (arn:aws:s3:::<bucket>/*), parameters, secrets or roles the principal needs, or add a Condition; never grant these actions on "*".',
    url: "https://github.com/salesforce/cloudsplaining/blob/master/docs/glossary/credentials-exposure.md",
    validateResource: validateResourceOfTypes(
        [AWS_TYPES.iamPolicy, AWS_TYPES.iamRolePolicy, AWS_TYPES.iamRole],
        (props, args, reportViolation) => {
            const documents =
                args.type === AWS_TYPES.iamRole
                    ? (asArray(props["inlinePolicies"]) ?? []).map((p, i) => ({
                          where: `inline policy ${asString(asRecord(p)?.["name"]) ?? `#${i + 1}`}`,
                          policy: asRecord(p)?.["policy"],
                      }))
                    : [{ where: "policy", policy: props["policy"] }];
            for (const { where, policy } of documents) {
                if (policy === undefined) continue;
                const doc = readPolicyDocument(policy);
                if (!doc.ok) continue;
                doc.statements.forEach((statement, i) => {
                    const resources =
                        typeof statement["Resource"] === "string" ? [statement["Resource"]] : (asArray(statement["Resource"]) ?? []);
                    if (statement["Effect"] !== "Allow" || statement["Condition"] !== undefined || !resources.includes("*")) return;
                    const patterns = statementActions(statement);
                    const inverted = statement["NotAction"] !== undefined;
                    const sensitive = [...CREDENTIAL_ACTIONS, ...EXFILTRATION_ACTIONS].filter((action) =>
                        inverted
                            ? !statementActions(statement, "NotAction").some((p) => actionCovers(p, action))
                            : patterns.some((p) => actionCovers(p, action)),
                    );
                    if (sensitive.length > 0) {
                        const shown =
                            sensitive.length > 3
                                ? `${sensitive.slice(0, 3).join(", ")} and ${sensitive.length - 3} more`
                                : sensitive.join(", ");
                        reportViolation(
                            `${args.name}'s ${where} statement ${statementLabel(statement, i)} allows ${shown} on every resource; name the resources the principal needs.`,
                        );
                    }
                });
            }
        },
    ),
};
