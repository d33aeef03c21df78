import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { eipAttached } from "../../src/policies/eip-attached.js";

const EIP = "aws:ec2/eip:Eip";

describe("aws-eip-attached", () => {
    it("passes an address of a NAT gateway, one of an instance, and a non-VPC address; flags an unattached VPC address", async () => {
        const s = new StackFixture();
        const nat = s.custom(EIP, "nat", { domain: "vpc" }, { id: "eipalloc-nat" });
        s.custom(
            "aws:ec2/natGateway:NatGateway",
            "gw",
            { allocationId: "eipalloc-nat", subnetId: "s" },
            { propertyDependencies: { allocationId: [nat] } },
        );
        s.custom(EIP, "instance", { domain: "vpc", instance: "i-1" });
        s.custom(EIP, "classic", {});
        const spare = s.custom(EIP, "spare", { domain: "vpc" }, { id: "eipalloc-spare" });
        assert.deepEqual(await evaluatePack({ name: packName, policies: [eipAttached] }, s.build()), [
            expectedViolation(
                packName,
                eipAttached,
                spare.urn,
                `Elastic IP eipalloc-spare (${spare.urn}) is attached to nothing; give it to a NAT gateway or an instance, or remove it.`,
            ),
        ]);
    });
});
