/**
 * The AWS CrossGuard pack: the policy list, importable without starting a policy server
 * (`pack.ts` is the entry point `pulumi preview --policy-pack` runs).
 */
import type { Policies } from "@pulumi/policy";
import { cloudwatchLogsRetentionKms } from "./policies/cloudwatch-logs-retention-kms.js";
import { kmsPolicy } from "./policies/kms-policy.js";
import { kmsRotation } from "./policies/kms-rotation.js";
import { sgNoPublicIngress } from "./policies/sg-no-public-ingress.js";
import { subnetNoAutoPublicIp } from "./policies/subnet-no-auto-public-ip.js";
import { vpcDefaultSgClosed } from "./policies/vpc-default-sg-closed.js";
import { vpcFlowLogs } from "./policies/vpc-flow-logs.js";

export const packName = "aws";

export const policies: Policies = [
    vpcFlowLogs,
    vpcDefaultSgClosed,
    subnetNoAutoPublicIp,
    sgNoPublicIngress,
    kmsRotation,
    kmsPolicy,
    cloudwatchLogsRetentionKms,
];

export { cloudwatchLogsRetentionKms, kmsPolicy, kmsRotation, sgNoPublicIngress, subnetNoAutoPublicIp, vpcDefaultSgClosed, vpcFlowLogs };
