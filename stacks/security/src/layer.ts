/**
 * The security layer as a function of validated settings, a provider and what it needs from the
 * foundation (the `logs` key on AWS). The `security` stack project reads it through a stack
 * reference; the root one-stack program passes the foundation's result.
 *
 * AWS: the CI deploy role (GitHub OIDC) and the read-only drift role, the multi-region CloudTrail,
 * GuardDuty and Security Hub.
 * GCP: the CI deploy and read-only drift service accounts (Workload Identity Federation), audit
 * logs into a log bucket.
 * Stateful parts (trail, its bucket, detector, hub, log bucket) are protected in prod and dr.
 */
import * as aws from "@pulumi/aws";
import * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import { CI_COMPONENT, type CloudProvider, isProductionEnvironment, type PlatformSettings, protectionOptions } from "@platform/core";
import {
    AwsAuditTrail,
    AwsCiDeployRole,
    AwsCiDriftRole,
    AwsThreatDetection,
    GcpAuditLogs,
    GcpCiDeployIdentity,
    GcpCiDriftIdentity,
} from "@platform/security";

/** Days the audit trail / audit log bucket keeps logs: a year, the usual audit window (CIS, PCI DSS 10.5.1). */
export const AUDIT_RETENTION_DAYS = 365;

export interface SecurityInputs {
    /** AWS: the foundation's `logs` key ARN (the trail's encryption key). */
    readonly logsKmsKeyArn?: pulumi.Input<string>;
}

/** The security stack's outputs: what CI needs to assume its identity, and where the audit logs are. */
export interface SecurityStackOutputs {
    readonly environment: string;
    readonly cloud: "aws" | "gcp";
    /** AWS: the role `aws-actions/configure-aws-credentials` assumes (`role-to-assume`); null without `platform:security.github`. */
    readonly ciRoleArn?: pulumi.Input<string | null>;
    /** GCP: `workload_identity_provider` and `service_account` of `google-github-actions/auth`; null without `platform:security.github`. */
    readonly ciWorkloadIdentityProvider?: pulumi.Input<string | null>;
    readonly ciServiceAccount?: pulumi.Input<string | null>;
    /** AWS: the nightly drift job's read-only role; null without `platform:security.github`. */
    readonly ciDriftRoleArn?: pulumi.Input<string | null>;
    /** GCP: the nightly drift job's read-only service account (same pool and provider as deploys); null without `platform:security.github`. */
    readonly ciDriftServiceAccount?: pulumi.Input<string | null>;
    /** AWS: the trail and its bucket; GCP: the audit log bucket. */
    readonly auditTrailArn?: pulumi.Input<string>;
    readonly auditBucket: pulumi.Input<string>;
    /** AWS: the GuardDuty detector. */
    readonly guardDutyDetectorId?: pulumi.Input<string>;
}

export function securityLayer(settings: PlatformSettings, provider: CloudProvider, inputs: SecurityInputs): SecurityStackOutputs {
    const naming = { project: settings.project, environment: settings.environment };
    const { security } = settings;
    const componentOpts = { providers: [provider], ...protectionOptions(settings.profile) };
    if (settings.cloud === "aws") {
        if (!(provider instanceof aws.Provider) || inputs.logsKmsKeyArn === undefined) {
            throw new Error(
                `security layer: settings say aws, but the provider is ${provider.constructor.name} or the foundation's logs key is missing`,
            );
        }
        const regions = [settings.region, ...(settings.data.replicationRegion !== undefined ? [settings.data.replicationRegion] : [])];
        const ci =
            security.github === undefined
                ? undefined
                : new AwsCiDeployRole(
                      CI_COMPONENT,
                      { naming, github: security.github, regions, production: isProductionEnvironment(settings.environment) },
                      { providers: [provider] },
                  );
        const drift =
            ci === undefined || security.github === undefined || security.drift === undefined
                ? undefined
                : new AwsCiDriftRole(
                      CI_COMPONENT,
                      {
                          naming,
                          github: { ...security.github, environment: security.drift.githubEnvironment },
                          oidcProviderArn: ci.oidcProviderArn,
                          regions,
                          stateBucket: security.drift.stateBucket,
                          ...(security.drift.stateSecretsKey !== undefined ? { stateSecretsKeyArn: security.drift.stateSecretsKey } : {}),
                      },
                      { providers: [provider] },
                  );
        const trail = new AwsAuditTrail(
            "audit",
            {
                naming,
                kmsKeyArn: inputs.logsKmsKeyArn,
                retentionDays: AUDIT_RETENTION_DAYS,
                objectLock: security.auditObjectLock,
                logGroupRetentionDays: settings.profile.logRetentionDays,
            },
            componentOpts,
        );
        const detection = new AwsThreatDetection("detection", { naming }, componentOpts);
        return {
            environment: settings.environment,
            cloud: "aws",
            ciRoleArn: ci ? ci.roleArn : null,
            ciDriftRoleArn: drift ? drift.roleArn : null,
            auditTrailArn: trail.trailArn,
            auditBucket: trail.bucketName,
            guardDutyDetectorId: detection.detectorId,
        };
    }
    if (!(provider instanceof gcp.Provider)) {
        throw new Error(`security layer: settings say gcp, but the provider is ${provider.constructor.name}`);
    }
    const ci =
        security.github === undefined
            ? undefined
            : new GcpCiDeployIdentity(
                  CI_COMPONENT,
                  { naming, project: settings.gcpProject, github: security.github },
                  { providers: [provider] },
              );
    const drift =
        ci === undefined || security.github === undefined || security.drift === undefined
            ? undefined
            : new GcpCiDriftIdentity(
                  CI_COMPONENT,
                  {
                      naming,
                      project: settings.gcpProject,
                      github: { ...security.github, environment: security.drift.githubEnvironment },
                      poolName: ci.poolName,
                      stateBucket: security.drift.stateBucket,
                      ...(security.drift.stateSecretsKey !== undefined ? { stateSecretsKey: security.drift.stateSecretsKey } : {}),
                  },
                  { providers: [provider] },
              );
    const audit = new GcpAuditLogs(
        "audit",
        {
            naming,
            project: settings.gcpProject,
            region: settings.region,
            retentionDays: AUDIT_RETENTION_DAYS,
            objectLock: security.auditObjectLock,
        },
        componentOpts,
    );
    return {
        environment: settings.environment,
        cloud: "gcp",
        ciWorkloadIdentityProvider: ci ? ci.workloadIdentityProvider : null,
        ciServiceAccount: ci ? ci.serviceAccountEmail : null,
        ciDriftServiceAccount: drift ? drift.serviceAccountEmail : null,
        auditBucket: audit.logBucketId,
    };
}
