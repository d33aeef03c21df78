/**
 * Pulumi type tokens the platform rules look at. Tokens rather than provider SDK classes keep
 * @pulumi/aws and @pulumi/gcp out of the pack's run time; `types.test.ts` checks them.
 */
export const TYPES = {
    awsVpc: "aws:ec2/vpc:Vpc",
    awsSubnet: "aws:ec2/subnet:Subnet",
    awsNatGateway: "aws:ec2/natGateway:NatGateway",
    gcpSubnetwork: "gcp:compute/subnetwork:Subnetwork",
    gcpRouter: "gcp:compute/router:Router",
    gcpRouterNat: "gcp:compute/routerNat:RouterNat",
} as const;
