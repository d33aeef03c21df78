/**
 * The GCP CrossGuard pack: the policy list, importable without starting a policy server
 * (`pack.ts` is the entry point `pulumi preview --policy-pack` runs).
 */
import type { Policies } from "@pulumi/policy";
import { firewallNoPublicSshRdp } from "./policies/firewall-no-public-ssh-rdp.js";
import { gkeDeletionProtection } from "./policies/gke-deletion-protection.js";
import { gkeNetworkPolicy } from "./policies/gke-network-policy.js";
import { gkeNoClientCertificate } from "./policies/gke-no-client-certificate.js";
import { gkeNoDefaultNodePool } from "./policies/gke-no-default-node-pool.js";
import { gkeNoLegacyAbac } from "./policies/gke-no-legacy-abac.js";
import { gkePrivateCluster } from "./policies/gke-private-cluster.js";
import { gkeReleaseChannel } from "./policies/gke-release-channel.js";
import { gkeSecretsEncryption } from "./policies/gke-secrets-encryption.js";
import { gkeShieldedNodes } from "./policies/gke-shielded-nodes.js";
import { gkeWorkloadIdentity } from "./policies/gke-workload-identity.js";
import { kmsRotation } from "./policies/kms-rotation.js";
import { privateGoogleAccess } from "./policies/private-google-access.js";
import { subnetFlowLogs } from "./policies/subnet-flow-logs.js";
// The data layer's policies.
import { cloudsqlNoPublicIp } from "./policies/cloudsql-no-public-ip.js";
import { cloudsqlSslRequired } from "./policies/cloudsql-ssl-required.js";
import { cloudsqlBackupsPitr } from "./policies/cloudsql-backups-pitr.js";
import { cloudsqlRegional } from "./policies/cloudsql-regional.js";
import { cloudsqlDeletionProtection } from "./policies/cloudsql-deletion-protection.js";
import { gcsUniformAccess } from "./policies/gcs-uniform-access.js";
import { gcsPublicAccessPrevention } from "./policies/gcs-public-access-prevention.js";
import { gcsVersioning } from "./policies/gcs-versioning.js";
import { memorystoreAuth } from "./policies/memorystore-auth.js";
import { memorystoreTls } from "./policies/memorystore-tls.js";
import { memorystoreStandardHa } from "./policies/memorystore-standard-ha.js";
// The security layer's policies.
import { wifGithubCondition } from "./policies/wif-github-condition.js";
import { iamNoBasicRoles } from "./policies/iam-no-basic-roles.js";
// The observability layer's policies.
import { monitoringAlertNotifies } from "./policies/monitoring-alert-notifies.js";
import { monitoringChannelSecrets } from "./policies/monitoring-channel-secrets.js";
// The public edge's policies.
import { cloudArmorPreconfiguredWaf } from "./policies/cloud-armor-preconfigured-waf.js";
import { sslPolicyMinTls } from "./policies/ssl-policy-min-tls.js";
import { certificateManagerGoogleManaged } from "./policies/certificate-manager-google-managed.js";

// Checkov parity twins (issue 14).
import { cloudsqlPostgresLogging } from "./policies/cloudsql-postgres-logging.js";

import { firewallNoPublicIngress } from "./policies/firewall-no-public-ingress.js";

import { iamNoPublicMembers } from "./policies/iam-no-public-members.js";

import { gkeLoggingMonitoring } from "./policies/gke-logging-monitoring.js";

import { gkeNodeAutoRepairUpgrade } from "./policies/gke-node-auto-repair-upgrade.js";

import { gkeVpcNative } from "./policies/gke-vpc-native.js";

import { gkeNoAlpha } from "./policies/gke-no-alpha.js";

import { dnsDnssecAlgorithm } from "./policies/dns-dnssec-algorithm.js";

import { iamNoDefaultServiceAccount } from "./policies/iam-no-default-service-account.js";

import { pubsubCmek } from "./policies/pubsub-cmek.js";

import { cloudsqlRootPassword } from "./policies/cloudsql-root-password.js";

import { logSinkBucketLocked } from "./policies/log-sink-bucket-locked.js";

import { networkHasFirewall } from "./policies/network-has-firewall.js";

import { gkeResourceLabels } from "./policies/gke-resource-labels.js";

export const packName = "gcp";

export const policies: Policies = [
    subnetFlowLogs,
    privateGoogleAccess,
    firewallNoPublicSshRdp,
    kmsRotation,
    gkePrivateCluster,
    gkeWorkloadIdentity,
    gkeShieldedNodes,
    gkeReleaseChannel,
    gkeNetworkPolicy,
    gkeNoDefaultNodePool,
    gkeNoLegacyAbac,
    gkeNoClientCertificate,
    gkeSecretsEncryption,
    gkeDeletionProtection,
    cloudsqlNoPublicIp,
    cloudsqlSslRequired,
    cloudsqlBackupsPitr,
    cloudsqlRegional,
    cloudsqlDeletionProtection,
    gcsUniformAccess,
    gcsPublicAccessPrevention,
    gcsVersioning,
    memorystoreAuth,
    memorystoreTls,
    memorystoreStandardHa,
    wifGithubCondition,
    iamNoBasicRoles,
    monitoringAlertNotifies,
    monitoringChannelSecrets,
    cloudsqlPostgresLogging,
    firewallNoPublicIngress,
    iamNoPublicMembers,
    gkeLoggingMonitoring,
    gkeNodeAutoRepairUpgrade,
    gkeVpcNative,
    gkeNoAlpha,
    dnsDnssecAlgorithm,
    iamNoDefaultServiceAccount,
    pubsubCmek,
    cloudsqlRootPassword,
    logSinkBucketLocked,
    networkHasFirewall,
    gkeResourceLabels,
    cloudArmorPreconfiguredWaf,
    sslPolicyMinTls,
    certificateManagerGoogleManaged,
];

export {
    cloudArmorPreconfiguredWaf,
    sslPolicyMinTls,
    certificateManagerGoogleManaged,
    iamNoBasicRoles,
    monitoringAlertNotifies,
    monitoringChannelSecrets,
    wifGithubCondition,
    cloudsqlBackupsPitr,
    cloudsqlDeletionProtection,
    cloudsqlNoPublicIp,
    cloudsqlRegional,
    cloudsqlSslRequired,
    firewallNoPublicSshRdp,
    gcsPublicAccessPrevention,
    gcsUniformAccess,
    gcsVersioning,
    gkeDeletionProtection,
    gkeNetworkPolicy,
    gkeNoClientCertificate,
    gkeNoDefaultNodePool,
    gkeNoLegacyAbac,
    gkePrivateCluster,
    gkeReleaseChannel,
    gkeSecretsEncryption,
    gkeShieldedNodes,
    gkeWorkloadIdentity,
    kmsRotation,
    memorystoreAuth,
    memorystoreStandardHa,
    memorystoreTls,
    privateGoogleAccess,
    subnetFlowLogs,
    cloudsqlPostgresLogging,
    firewallNoPublicIngress,
    iamNoPublicMembers,
    gkeLoggingMonitoring,
    gkeNodeAutoRepairUpgrade,
    gkeVpcNative,
    gkeNoAlpha,
    dnsDnssecAlgorithm,
    iamNoDefaultServiceAccount,
    pubsubCmek,
    cloudsqlRootPassword,
    logSinkBucketLocked,
    networkHasFirewall,
    gkeResourceLabels,
};
