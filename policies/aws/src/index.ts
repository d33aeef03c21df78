/**
 * The AWS CrossGuard pack: the policy list, importable without starting a policy server
 * (`pack.ts` is the entry point `pulumi preview --policy-pack` runs).
 */
import type { Policies } from "@pulumi/policy";
import { cloudwatchLogsRetentionKms } from "./policies/cloudwatch-logs-retention-kms.js";
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

export const packName = "aws";

export const policies: Policies = [
    vpcFlowLogs,
    vpcDefaultSgClosed,
    subnetNoAutoPublicIp,
    sgNoPublicIngress,
    kmsRotation,
    kmsPolicy,
    cloudwatchLogsRetentionKms,
    eksEndpointNotPublic,
    eksSecretsEncrypted,
    eksControlPlaneLogging,
    eksSupportedVersion,
    ec2Imdsv2Required,
    ebsVolumesEncrypted,
];

export {
    cloudwatchLogsRetentionKms,
    ebsVolumesEncrypted,
    ec2Imdsv2Required,
    eksControlPlaneLogging,
    eksEndpointNotPublic,
    eksSecretsEncrypted,
    eksSupportedVersion,
    kmsPolicy,
    kmsRotation,
    sgNoPublicIngress,
    subnetNoAutoPublicIp,
    vpcDefaultSgClosed,
    vpcFlowLogs,
};
