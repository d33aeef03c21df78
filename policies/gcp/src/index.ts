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
];

export {
    firewallNoPublicSshRdp,
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
    privateGoogleAccess,
    subnetFlowLogs,
};
