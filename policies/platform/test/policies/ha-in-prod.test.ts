import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { evaluatePack, type EvaluatedResource, expectedViolation, ownershipTags, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { haInProd } from "../../src/policies/ha-in-prod.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [haInProd] }, s.build());
const v = (urn: string | null, detail: string) => expectedViolation(packName, haInProd, urn, detail);
const NAT_FIX =
    'needs an aws.ec2.NatGateway in the public subnet of every zone (natGateways: "perAz") so private subnets keep egress when a zone fails.';

/** An AWS network: a VPC with a public and a private subnet per zone, and NAT gateways in the given zones. */
function awsNetwork(
    s: StackFixture,
    environment: string,
    zones: string[],
    natZones: string[],
    natOptions: { privateNat?: boolean; unknownSubnetIds?: boolean } = {},
) {
    const provider = s.awsProvider("aws", ownershipTags(environment), { jsonEncoded: true });
    const vpc = s.custom("aws:ec2/vpc:Vpc", "vpc", { cidrBlock: "10.0.0.0/16" }, { provider, id: "vpc-1" });
    const publicSubnets = new Map<string, EvaluatedResource>();
    zones.forEach((zone, i) => {
        publicSubnets.set(
            zone,
            s.custom(
                "aws:ec2/subnet:Subnet",
                `public-${zone}`,
                { vpcId: "vpc-1", availabilityZone: zone, cidrBlock: `10.0.${i}.0/24`, tags: { tier: "public" } },
                { provider },
            ),
        );
        s.custom(
            "aws:ec2/subnet:Subnet",
            `private-${zone}`,
            { vpcId: "vpc-1", availabilityZone: zone, cidrBlock: `10.0.${i + 10}.0/24`, tags: { tier: "private" } },
            { provider },
        );
    });
    for (const zone of natZones) {
        const subnet = publicSubnets.get(zone);
        if (!subnet) throw new Error(`no public subnet in ${zone}`);
        const subnetId = natOptions.unknownSubnetIds ? pulumi.unknown : subnet.id;
        s.custom(
            "aws:ec2/natGateway:NatGateway",
            `nat-${zone}`,
            { subnetId, allocationId: "eipalloc-1", ...(natOptions.privateNat ? { connectivityType: "private" } : {}) },
            { provider, dependsOn: [subnet], ...(natOptions.unknownSubnetIds ? { exactOutputs: { subnetId } } : {}) },
        );
    }
    return vpc;
}

const ZONES = ["us-east-1a", "us-east-1b", "us-east-1c"];

describe("platform-ha-in-prod", () => {
    it("passes for a prod VPC over 3 zones with a NAT gateway per zone (also when NAT subnet ids are unknown in preview)", async () => {
        const s = new StackFixture({ stack: "prod" });
        awsNetwork(s, "prod", ZONES, ZONES);
        assert.deepEqual(await run(s), []);
        const preview = new StackFixture({ stack: "prod" });
        awsNetwork(preview, "prod", ZONES, ZONES, { unknownSubnetIds: true });
        assert.deepEqual(await run(preview), []);
    });

    it("does not apply outside prod/dr, or when the stack declares no environment", async () => {
        const dev = new StackFixture({ stack: "dev" });
        awsNetwork(dev, "dev", ["us-east-1a"], ["us-east-1a"]);
        assert.deepEqual(await run(dev), []);
        const unset = new StackFixture({ stack: "prod" });
        unset.custom("aws:ec2/subnet:Subnet", "lonely", { vpcId: "vpc-1", availabilityZone: "us-east-1a" });
        assert.deepEqual(await run(unset), []);
    });

    it("flags a prod VPC in fewer than 3 zones and every zone with a public subnet but no (public) NAT gateway", async () => {
        const s = new StackFixture({ stack: "prod" });
        const vpc = awsNetwork(s, "prod", ["us-east-1a", "us-east-1b"], ["us-east-1a"]);
        assert.deepEqual(await run(s), [
            v(
                vpc.urn,
                `VPC vpc-1 (${vpc.urn}) has subnets in 2 availability zone(s) (us-east-1a, us-east-1b); prod needs at least 3, so add subnets in more zones.`,
            ),
            v(vpc.urn, `VPC vpc-1 (${vpc.urn}) has no NAT gateway in us-east-1b; prod ${NAT_FIX}`),
        ]);
        const privateNat = new StackFixture({ stack: "dr" });
        const drVpc = awsNetwork(privateNat, "dr", ZONES, ["us-east-1a"], { privateNat: true });
        assert.deepEqual(
            await run(privateNat),
            ZONES.map((zone) => v(drVpc.urn, `VPC vpc-1 (${drVpc.urn}) has no NAT gateway in ${zone}; dr ${NAT_FIX}`)),
        );
    });

    it("flags subnets with the zone left unset and subnets of a VPC outside the stack at stack level", async () => {
        const s = new StackFixture({ stack: "prod" });
        s.awsProvider("aws", ownershipTags("prod"));
        s.custom("aws:ec2/subnet:Subnet", "no-zone", { vpcId: "vpc-ext", cidrBlock: "10.1.0.0/24" });
        assert.deepEqual(await run(s), [
            v(
                null,
                "VPC vpc-ext (not in this stack) has subnets in 0 availability zone(s) (none set); prod needs at least 3, so add subnets in more zones.",
            ),
        ]);
    });

    it("requires Cloud NAT in every GCP region with instance subnetworks", async () => {
        const s = new StackFixture({ stack: "prod" });
        const gcp = s.gcpProvider("gcp", ownershipTags("prod"), { region: "us-central1" });
        s.custom("gcp:compute/subnetwork:Subnetwork", "central", { network: "n", region: "us-central1" }, { provider: gcp });
        s.custom("gcp:compute/subnetwork:Subnetwork", "default-region", { network: "n" }, { provider: gcp });
        s.custom("gcp:compute/subnetwork:Subnetwork", "west-a", { network: "n", region: "europe-west1" }, { provider: gcp });
        s.custom(
            "gcp:compute/subnetwork:Subnetwork",
            "west-b",
            { network: "n", region: "europe-west1", purpose: "PRIVATE" },
            { provider: gcp },
        );
        s.custom(
            "gcp:compute/subnetwork:Subnetwork",
            "proxy-east",
            { network: "n", region: "us-east1", purpose: "REGIONAL_MANAGED_PROXY" },
            { provider: gcp },
        );
        s.custom("gcp:compute/router:Router", "router", { name: "central-router", network: "n", region: "us-central1" }, { provider: gcp });
        s.custom(
            "gcp:compute/routerNat:RouterNat",
            "nat",
            { router: "central-router", natIpAllocateOption: "AUTO_ONLY" },
            { provider: gcp },
        );
        s.custom("gcp:compute/subnetwork:Subnetwork", "asia", { network: "n", region: "asia-east1" }, { provider: gcp });
        s.custom("gcp:compute/routerNat:RouterNat", "asia-nat", { router: "other", region: "asia-east1" }, { provider: gcp });
        assert.deepEqual(await run(s), [
            v(
                null,
                "region europe-west1 has subnetworks (west-a, west-b) but no Cloud NAT; prod needs a gcp.compute.RouterNat in every region with subnetworks so instances without external IPs keep egress.",
            ),
        ]);
    });
});
