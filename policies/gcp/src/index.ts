/**
 * The GCP CrossGuard pack: the policy list, importable without starting a policy server
 * (`pack.ts` is the entry point `pulumi preview --policy-pack` runs).
 */
import type { Policies } from "@pulumi/policy";
import { firewallNoPublicSshRdp } from "./policies/firewall-no-public-ssh-rdp.js";
import { kmsRotation } from "./policies/kms-rotation.js";
import { privateGoogleAccess } from "./policies/private-google-access.js";
import { subnetFlowLogs } from "./policies/subnet-flow-logs.js";

export const packName = "gcp";

export const policies: Policies = [subnetFlowLogs, privateGoogleAccess, firewallNoPublicSshRdp, kmsRotation];

export { firewallNoPublicSshRdp, kmsRotation, privateGoogleAccess, subnetFlowLogs };
