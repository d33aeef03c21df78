/**
 * The AWS CrossGuard pack: the policy list, importable without starting a policy server
 * (`pack.ts` is the entry point `pulumi preview --policy-pack` runs).
 */
import type { Policies } from "@pulumi/policy";
import { cloudwatchLogsRetentionKms } from "./policies/cloudwatch-logs-retention-kms.js";
import { cloudwatchLogsRetentionProd } from "./policies/cloudwatch-logs-retention-prod.js";
import { route53Dnssec } from "./policies/route53-dnssec.js";
import { route53QueryLogging } from "./policies/route53-query-logging.js";
import { route53FailoverHealthCheck } from "./policies/route53-failover-health-check.js";
import { ebsVolumesEncrypted } from "./policies/ebs-volumes-encrypted.js";
import { ec2Imdsv2Required } from "./policies/ec2-imdsv2-required.js";
import { eksControlPlaneLogging } from "./policies/eks-control-plane-logging.js";
import { eksEndpointNotPublic } from "./policies/eks-endpoint-not-public.js";
import { eksSecretsEncrypted } from "./policies/eks-secrets-encrypted.js";
import { eksSupportedVersion } from "./policies/eks-supported-version.js";
import { kmsPolicy } from "./policies/kms-policy.js";
import { kmsRotation } from "./policies/kms-rotation.js";
import { sgNoPublicIngress } from "./policies/sg-no-public-ingress.js";
import { subnetNoAutoPublicIp } from "./policies/subnet-no-auto-public-ip.js";
import { vpcDefaultSgClosed } from "./policies/vpc-default-sg-closed.js";
import { vpcFlowLogs } from "./policies/vpc-flow-logs.js";
// The data layer's policies.
import { rdsEncryptedCmk } from "./policies/rds-encrypted-cmk.js";
import { rdsNotPublic } from "./policies/rds-not-public.js";
import { rdsMultiAz } from "./policies/rds-multi-az.js";
import { rdsDeletionProtection } from "./policies/rds-deletion-protection.js";
import { rdsBackupRetention } from "./policies/rds-backup-retention.js";
import { rdsPerformanceInsights } from "./policies/rds-performance-insights.js";
import { rdsIamAuth } from "./policies/rds-iam-auth.js";
import { rdsLogExports } from "./policies/rds-log-exports.js";
import { rdsEnhancedMonitoring } from "./policies/rds-enhanced-monitoring.js";
import { elasticacheEncryption } from "./policies/elasticache-encryption.js";
import { mqNotPublic } from "./policies/mq-not-public.js";
import { mqLogs } from "./policies/mq-logs.js";
import { s3PublicAccessBlock } from "./policies/s3-public-access-block.js";
import { s3Versioning } from "./policies/s3-versioning.js";
import { s3SseKms } from "./policies/s3-sse-kms.js";
import { s3Lifecycle } from "./policies/s3-lifecycle.js";
import { sqsEncrypted } from "./policies/sqs-encrypted.js";
import { sqsDlq } from "./policies/sqs-dlq.js";
// The security layer's policies.
import { iamNoWildcardAdmin } from "./policies/iam-no-wildcard-admin.js";
import { iamOidcTrustScoped } from "./policies/iam-oidc-trust-scoped.js";
import { cloudtrailEnabled } from "./policies/cloudtrail-enabled.js";
import { guarddutyEnabled } from "./policies/guardduty-enabled.js";
import { secretsEncryptedCmk } from "./policies/secrets-encrypted-cmk.js";
// The observability layer's policies.
import { snsEncryptedCmk } from "./policies/sns-encrypted-cmk.js";
import { cloudwatchAlarmActions } from "./policies/cloudwatch-alarm-actions.js";
// The public edge's policies (platform layer).
import { albTlsPolicy } from "./policies/alb-tls-policy.js";
import { albHttpsRedirect } from "./policies/alb-https-redirect.js";
import { albDropInvalidHeaders } from "./policies/alb-drop-invalid-headers.js";
import { albAccessLogs } from "./policies/alb-access-logs.js";
import { albDeletionProtection } from "./policies/alb-deletion-protection.js";
import { wafv2OnPublicLb } from "./policies/wafv2-on-public-lb.js";
import { wafv2Logging } from "./policies/wafv2-logging.js";
import { wafv2ManagedRules } from "./policies/wafv2-managed-rules.js";

// Checkov parity twins (issue 14).
import { resourcePolicyNoPublicPrincipal } from "./policies/resource-policy-no-public-principal.js";

import { sqsPolicyNoWildcardAction } from "./policies/sqs-policy-no-wildcard-action.js";

import { s3PolicyNoLockout } from "./policies/s3-policy-no-lockout.js";

import { s3AclsDisabled } from "./policies/s3-acls-disabled.js";

import { s3AbortIncompleteUploads } from "./policies/s3-abort-incomplete-uploads.js";

import { iamTrustNamedPrincipals } from "./policies/iam-trust-named-principals.js";

import { rdsPatched } from "./policies/rds-patched.js";

import { rdsCopyTagsToSnapshot } from "./policies/rds-copy-tags-to-snapshot.js";

import { rdsTlsRequired } from "./policies/rds-tls-required.js";

import { rdsPostgresQueryLogging } from "./policies/rds-postgres-query-logging.js";

import { kmsKeyPolicyDefined } from "./policies/kms-key-policy-defined.js";

import { kmsKeyEnabled } from "./policies/kms-key-enabled.js";

import { backupVaultCmk } from "./policies/backup-vault-cmk.js";

import { mqAutoMinorUpgrade } from "./policies/mq-auto-minor-upgrade.js";

import { eksNodegroupNoRemoteAccess } from "./policies/eks-nodegroup-no-remote-access.js";

import { ec2NoPublicIp } from "./policies/ec2-no-public-ip.js";

import { eipAttached } from "./policies/eip-attached.js";

import { routeDefaultTargets } from "./policies/route-default-targets.js";

import { sgDescriptions } from "./policies/sg-descriptions.js";

import { sgAttached } from "./policies/sg-attached.js";

import { mqEncryptionCmk } from "./policies/mq-encryption-cmk.js";

import { iamNoUnscopedSensitiveReads } from "./policies/iam-no-unscoped-sensitive-reads.js";

import { acmCertificateTransparency } from "./policies/acm-certificate-transparency.js";

import { lbTargetGroupHealthCheck } from "./policies/lb-target-group-health-check.js";

import { lbTargetGroupHttpsListener } from "./policies/lb-target-group-https-listener.js";

import { sgNoPublicEgressAll } from "./policies/sg-no-public-egress-all.js";

import { iamNoPrivilegeEscalation } from "./policies/iam-no-privilege-escalation.js";

import { iamNoUnscopedPermissionsManagement } from "./policies/iam-no-unscoped-permissions-management.js";

import { ec2UserDataNoSecrets } from "./policies/ec2-user-data-no-secrets.js";

import { cloudtrailCloudwatchLogs } from "./policies/cloudtrail-cloudwatch-logs.js";

import { route53RecordAttached } from "./policies/route53-record-attached.js";

import { s3BackupReplication } from "./policies/s3-backup-replication.js";

export const packName = "aws";

// The IAM action lists the twins of Checkov's cloudsplaining checks carry (tests compare them with Checkov's libraries).
export { PERMISSIONS_MANAGEMENT_ACTIONS, PRIVILEGE_ESCALATION_METHODS, WILDCARD_ONLY_ESCALATION_ACTIONS } from "./iam-actions.js";

export const policies: Policies = [
    vpcFlowLogs,
    vpcDefaultSgClosed,
    subnetNoAutoPublicIp,
    sgNoPublicIngress,
    kmsRotation,
    kmsPolicy,
    cloudwatchLogsRetentionKms,
    cloudwatchLogsRetentionProd,
    eksEndpointNotPublic,
    eksSecretsEncrypted,
    eksControlPlaneLogging,
    eksSupportedVersion,
    ec2Imdsv2Required,
    ebsVolumesEncrypted,
    rdsEncryptedCmk,
    rdsNotPublic,
    rdsMultiAz,
    rdsDeletionProtection,
    rdsBackupRetention,
    rdsPerformanceInsights,
    rdsIamAuth,
    rdsLogExports,
    rdsEnhancedMonitoring,
    elasticacheEncryption,
    mqNotPublic,
    mqLogs,
    s3PublicAccessBlock,
    s3Versioning,
    s3SseKms,
    s3Lifecycle,
    sqsEncrypted,
    sqsDlq,
    route53Dnssec,
    route53QueryLogging,
    route53FailoverHealthCheck,
    iamNoWildcardAdmin,
    iamOidcTrustScoped,
    cloudtrailEnabled,
    guarddutyEnabled,
    secretsEncryptedCmk,
    snsEncryptedCmk,
    cloudwatchAlarmActions,
    resourcePolicyNoPublicPrincipal,
    sqsPolicyNoWildcardAction,
    s3PolicyNoLockout,
    s3AclsDisabled,
    s3AbortIncompleteUploads,
    iamTrustNamedPrincipals,
    rdsPatched,
    rdsCopyTagsToSnapshot,
    rdsTlsRequired,
    rdsPostgresQueryLogging,
    kmsKeyPolicyDefined,
    kmsKeyEnabled,
    backupVaultCmk,
    mqAutoMinorUpgrade,
    eksNodegroupNoRemoteAccess,
    ec2NoPublicIp,
    eipAttached,
    routeDefaultTargets,
    sgDescriptions,
    sgAttached,
    mqEncryptionCmk,
    iamNoUnscopedSensitiveReads,
    acmCertificateTransparency,
    lbTargetGroupHealthCheck,
    lbTargetGroupHttpsListener,
    sgNoPublicEgressAll,
    iamNoPrivilegeEscalation,
    iamNoUnscopedPermissionsManagement,
    ec2UserDataNoSecrets,
    cloudtrailCloudwatchLogs,
    route53RecordAttached,
    s3BackupReplication,
    albTlsPolicy,
    albHttpsRedirect,
    albDropInvalidHeaders,
    albAccessLogs,
    albDeletionProtection,
    wafv2OnPublicLb,
    wafv2Logging,
    wafv2ManagedRules,
];

export {
    albAccessLogs,
    albDeletionProtection,
    albDropInvalidHeaders,
    albHttpsRedirect,
    albTlsPolicy,
    wafv2Logging,
    wafv2ManagedRules,
    wafv2OnPublicLb,
    cloudtrailEnabled,
    cloudwatchAlarmActions,
    snsEncryptedCmk,
    guarddutyEnabled,
    iamNoWildcardAdmin,
    iamOidcTrustScoped,
    secretsEncryptedCmk,
    cloudwatchLogsRetentionKms,
    cloudwatchLogsRetentionProd,
    ebsVolumesEncrypted,
    ec2Imdsv2Required,
    eksControlPlaneLogging,
    eksEndpointNotPublic,
    eksSecretsEncrypted,
    eksSupportedVersion,
    elasticacheEncryption,
    kmsPolicy,
    kmsRotation,
    mqLogs,
    mqNotPublic,
    rdsBackupRetention,
    rdsDeletionProtection,
    rdsEncryptedCmk,
    rdsEnhancedMonitoring,
    rdsIamAuth,
    rdsLogExports,
    rdsMultiAz,
    rdsNotPublic,
    rdsPerformanceInsights,
    route53Dnssec,
    route53FailoverHealthCheck,
    route53QueryLogging,
    s3Lifecycle,
    s3PublicAccessBlock,
    s3SseKms,
    s3Versioning,
    sgNoPublicIngress,
    sqsDlq,
    sqsEncrypted,
    subnetNoAutoPublicIp,
    vpcDefaultSgClosed,
    vpcFlowLogs,
    resourcePolicyNoPublicPrincipal,
    sqsPolicyNoWildcardAction,
    s3PolicyNoLockout,
    s3AclsDisabled,
    s3AbortIncompleteUploads,
    iamTrustNamedPrincipals,
    rdsPatched,
    rdsCopyTagsToSnapshot,
    rdsTlsRequired,
    rdsPostgresQueryLogging,
    kmsKeyPolicyDefined,
    kmsKeyEnabled,
    backupVaultCmk,
    mqAutoMinorUpgrade,
    eksNodegroupNoRemoteAccess,
    ec2NoPublicIp,
    eipAttached,
    routeDefaultTargets,
    sgDescriptions,
    sgAttached,
    mqEncryptionCmk,
    iamNoUnscopedSensitiveReads,
    acmCertificateTransparency,
    lbTargetGroupHealthCheck,
    lbTargetGroupHttpsListener,
    sgNoPublicEgressAll,
    iamNoPrivilegeEscalation,
    iamNoUnscopedPermissionsManagement,
    ec2UserDataNoSecrets,
    cloudtrailCloudwatchLogs,
    route53RecordAttached,
    s3BackupReplication,
};
