/**
 * The GitHub Actions variables the workflows read credentials from, and the security stack output
 * each is set from (README, "CI"): one mapping, so the workflows, the README and the outputs cannot
 * disagree (tests/src/workflows.test.ts checks every variable the workflows use is here).
 * Deploy variables belong to the GitHub deploy environment, drift ones to `<env>-drift`.
 */
import type { SecurityStackOutputs } from "./layer.js";

export const CI_VARIABLES = {
    deploy: {
        aws: { AWS_DEPLOY_ROLE_ARN: "ciRoleArn" },
        gcp: { GCP_WORKLOAD_IDENTITY_PROVIDER: "ciWorkloadIdentityProvider", GCP_DEPLOY_SERVICE_ACCOUNT: "ciServiceAccount" },
    },
    drift: {
        aws: { AWS_DRIFT_ROLE_ARN: "ciDriftRoleArn" },
        gcp: { GCP_WORKLOAD_IDENTITY_PROVIDER: "ciWorkloadIdentityProvider", GCP_DRIFT_SERVICE_ACCOUNT: "ciDriftServiceAccount" },
    },
} as const satisfies Record<"deploy" | "drift", Record<"aws" | "gcp", Record<string, keyof SecurityStackOutputs>>>;
