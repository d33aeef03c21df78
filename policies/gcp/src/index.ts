/**
 * The GCP CrossGuard pack: the policy list, importable without starting a policy server
 * (`pack.ts` is the entry point `pulumi preview --policy-pack` runs).
 */
import type { Policies } from "@pulumi/policy";
import { firewallNoPublicSshRdp } from "./policies/firewall-no-public-ssh-rdp.js";
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

export const packName = "gcp";

export const policies: Policies = [
    subnetFlowLogs,
    privateGoogleAccess,
    firewallNoPublicSshRdp,
    kmsRotation,
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
];

export { firewallNoPublicSshRdp, kmsRotation, privateGoogleAccess, subnetFlowLogs };
export {
    cloudsqlBackupsPitr,
    cloudsqlDeletionProtection,
    cloudsqlNoPublicIp,
    cloudsqlRegional,
    cloudsqlSslRequired,
    gcsPublicAccessPrevention,
    gcsUniformAccess,
    gcsVersioning,
    memorystoreAuth,
    memorystoreStandardHa,
    memorystoreTls,
};
