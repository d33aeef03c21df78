import * as assert from "node:assert/strict";
import * as path from "node:path";
import { evaluateBothWays, ownershipTags, StackFixture } from "@platform/policy-kit/harness";
import { packName, policies } from "../src/index.js";

const PACK_DIR = path.resolve(__dirname, "../..");

function everyViolation() {
    const s = new StackFixture({ stack: "prod" });
    const provider = s.awsProvider("aws", { ...ownershipTags("prod"), team: "" }, { jsonEncoded: true });
    s.custom("aws:ec2/vpc:Vpc", "vpc", {}, { provider, id: "vpc-1" });
    s.custom("aws:ec2/subnet:Subnet", "a", { vpcId: "vpc-1", availabilityZone: "us-east-1a", tags: { tier: "public" } }, { provider });
    return s.build();
}

describe("platform pack", () => {
    it("exports the stack-level platform policies, all mandatory", () => {
        assert.equal(packName, "platform");
        assert.deepEqual(
            policies.map((p) => [p.name, p.enforcementLevel]),
            [
                ["required-tags", "mandatory"],
                ["ha-in-prod", "mandatory"],
            ],
        );
    });

    it("runs as a real policy pack process and reports what evaluatePack reports", async function () {
        this.timeout(30000);
        const viaKit = await evaluateBothWays(PACK_DIR, { name: packName, version: "0.1.0", policies }, everyViolation);
        assert.deepEqual(
            viaKit.map((v) => v.policy),
            ["required-tags", "required-tags", "ha-in-prod", "ha-in-prod"],
        );
    });
});
