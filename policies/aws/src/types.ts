/**
 * Pulumi type tokens of the AWS resources these policies check. Policies match on tokens rather
 * than `@pulumi/aws` classes so the pack does not load the AWS SDK at run time; `types.test.ts`
 * checks every token against the class in @pulumi/aws.
 */
export const AWS_TYPES = {
    vpc: "aws:ec2/vpc:Vpc",
    flowLog: "aws:ec2/flowLog:FlowLog",
    subnet: "aws:ec2/subnet:Subnet",
    defaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    securityGroupIngressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    kmsKey: "aws:kms/key:Key",
    kmsKeyPolicy: "aws:kms/keyPolicy:KeyPolicy",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
} as const;
