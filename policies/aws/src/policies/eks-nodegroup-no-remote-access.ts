import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asRecord, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * EKS managed node groups open no SSH access (CKV_AWS_100): `remoteAccess` with an `ec2SshKey`
 * and no `sourceSecurityGroupIds` opens port 22 on every node to 0.0.0.0/0. The platform's nodes
 * are reached through SSM Session Manager, so any `remoteAccess` block is refused (stricter than
 * Checkov, which accepts one limited to source security groups). Unset opens nothing.
 */
export const eksNodegroupNoRemoteAccess: ResourceValidationPolicy = {
    name: "aws-eks-nodegroup-no-remote-access",
    description: "EKS managed node groups open no SSH access.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV_AWS_100: "Ensure AWS EKS node group does not have implicit SSH access from 0.0.0.0/0" }),
    remediationSteps:
        "Remove remoteAccess from the node group; reach nodes with SSM Session Manager (the AmazonSSMManagedInstanceCore policy on the node role).",
    url: "https://docs.aws.amazon.com/eks/latest/userguide/create-managed-node-group.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.eksNodeGroup], (props, args, reportViolation) => {
        const remote = asRecord(props["remoteAccess"]);
        if (remote === undefined) return;
        const open = remote["sourceSecurityGroupIds"] === undefined && remote["ec2SshKey"] !== undefined;
        reportViolation(
            `EKS node group ${args.name} sets remoteAccess${open ? " with an SSH key and no source security groups, which opens port 22 to 0.0.0.0/0" : ""}; remove it and use SSM Session Manager.`,
        );
    }),
};
