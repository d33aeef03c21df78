import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { subnetNoAutoPublicIp } from "../../src/policies/subnet-no-auto-public-ip.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [subnetNoAutoPublicIp] }, s.build());
const SUBNET = "aws:ec2/subnet:Subnet";

describe("aws-subnet-no-auto-public-ip", () => {
    it("passes for a public-tier subnet mapping public IPs, and for subnets that do not (false or unset)", async () => {
        const s = new StackFixture();
        s.custom(SUBNET, "public-a", { mapPublicIpOnLaunch: true, tags: { tier: "public" } });
        s.custom(SUBNET, "private-a", { mapPublicIpOnLaunch: false, tags: { tier: "private" } });
        s.custom(SUBNET, "unset", { tags: { tier: "isolated" } });
        assert.deepEqual(await run(s), []);
    });

    it("counts a tier tag that comes from the provider's default tags", async () => {
        const s = new StackFixture();
        const provider = s.awsProvider("edge", { tier: "public" }, { jsonEncoded: true });
        s.custom(SUBNET, "public-b", { mapPublicIpOnLaunch: true }, { provider });
        assert.deepEqual(await run(s), []);
    });

    it("flags a non-public subnet and an untagged subnet that map public IPs", async () => {
        const s = new StackFixture();
        const privateSubnet = s.custom(SUBNET, "private-a", { mapPublicIpOnLaunch: true, tags: { tier: "private" } });
        const untagged = s.custom(SUBNET, "untagged", { mapPublicIpOnLaunch: true });
        const v = (urn: string, detail: string) => expectedViolation(packName, subnetNoAutoPublicIp, urn, detail);
        assert.deepEqual(await run(s), [
            v(
                privateSubnet.urn,
                "subnet private-a sets mapPublicIpOnLaunch: true but is tagged tier: private; set mapPublicIpOnLaunch: false, or tag it tier: public if it really is a public subnet.",
            ),
            v(
                untagged.urn,
                "subnet untagged sets mapPublicIpOnLaunch: true but has no tier tag; set mapPublicIpOnLaunch: false, or tag it tier: public if it really is a public subnet.",
            ),
        ]);
    });
});
