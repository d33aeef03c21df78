/**
 * Rules of `platform:security` that span fields: the drift job's GitHub environment against the
 * deploy one (the same environment would give deploy jobs' tokens to the read-only identity and
 * the nightly job the deploy role), the state backend required with a CI identity, and the
 * secrets key's form for the stack's cloud.
 */
import type { Cloud } from "../environments/profiles.js";
import type { Issue } from "../issues.js";
import { AWS_KMS_KEY_ARN_PATTERN, GCP_CRYPTO_KEY_ID_PATTERN } from "./security-schema.js";

function record(value: unknown): Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Issues of `raw.security` given the resolved environment name and cloud (undefined when unknown). */
export function securityIssues(raw: Readonly<Record<string, unknown>>, env: { environment: string; cloud: Cloud } | undefined): Issue[] {
    const security = record(raw["security"]);
    const github = security["github"];
    const issues: Issue[] = [];
    if (typeof github === "object" && github !== null && !Array.isArray(github) && env !== undefined) {
        const gh = record(github);
        const deployEnvironment = typeof gh["environment"] === "string" ? gh["environment"] : env.environment;
        const drift = gh["driftEnvironment"];
        if (drift === deployEnvironment) {
            issues.push({
                field: "platform:security.github.driftEnvironment",
                value: drift,
                problem:
                    "is the deploy environment, so deploy jobs could assume the drift identity and the nightly job could assume the deploy role",
                fix: `use a GitHub environment of its own, e.g. ${env.environment}-drift (the default)`,
            });
        }
        if (security["stateBackend"] === undefined) {
            issues.push({
                field: "platform:security.stateBackend",
                value: undefined,
                problem: "is not set, but github is: the nightly drift identity could not read the stacks' state",
                fix: "set it to the bucket of CI's PULUMI_BACKEND_URL, e.g. { bucket: acme-pulumi-state }",
            });
        }
    }
    const key = record(security["stateBackend"])["secretsKey"];
    if (typeof key === "string" && env !== undefined) {
        const [pattern, example] =
            env.cloud === "aws"
                ? [
                      AWS_KMS_KEY_ARN_PATTERN,
                      "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab (a key ARN, not an alias)",
                  ]
                : [GCP_CRYPTO_KEY_ID_PATTERN, "projects/acme-state/locations/global/keyRings/pulumi/cryptoKeys/state"];
        if (!pattern.test(key)) {
            issues.push({
                field: "platform:security.stateBackend.secretsKey",
                value: key,
                problem: `is not a ${env.cloud === "aws" ? "KMS key ARN" : "Cloud KMS crypto key id"}`,
                fix: `use the key of PULUMI_SECRETS_PROVIDER, e.g. ${example}`,
            });
        }
    }
    return issues;
}
