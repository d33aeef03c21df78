import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import { AWS_TYPES } from "../src/types.js";

describe("aws type tokens", () => {
    it("match the @pulumi/aws resource classes", () => {
        const classes: Record<keyof typeof AWS_TYPES, object> = {
            vpc: aws.ec2.Vpc,
            flowLog: aws.ec2.FlowLog,
            subnet: aws.ec2.Subnet,
            defaultSecurityGroup: aws.ec2.DefaultSecurityGroup,
            securityGroup: aws.ec2.SecurityGroup,
            securityGroupRule: aws.ec2.SecurityGroupRule,
            securityGroupIngressRule: aws.vpc.SecurityGroupIngressRule,
            kmsKey: aws.kms.Key,
            kmsKeyPolicy: aws.kms.KeyPolicy,
            logGroup: aws.cloudwatch.LogGroup,
        };
        for (const [key, cls] of Object.entries(classes)) {
            // `__pulumiType` is what the policy server compares (it is @internal in the SDK's typings).
            assert.equal(AWS_TYPES[key as keyof typeof AWS_TYPES], (cls as { __pulumiType?: unknown }).__pulumiType, key);
        }
    });
});
