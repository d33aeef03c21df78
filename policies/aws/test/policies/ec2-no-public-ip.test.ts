import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { ec2NoPublicIp } from "../../src/policies/ec2-no-public-ip.js";

const TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
const INSTANCE = "aws:ec2/instance:Instance";

describe("aws-ec2-no-public-ip", () => {
    it("passes no public IP (false or unset) on templates and instances; flags true (and the string) on either", async () => {
        const s = new StackFixture();
        s.custom(TEMPLATE, "private", { networkInterfaces: [{ associatePublicIpAddress: "false" }] });
        s.custom(TEMPLATE, "unset", {});
        s.custom(INSTANCE, "private-instance", { associatePublicIpAddress: false });
        const template = s.custom(TEMPLATE, "public", { networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: "true" }] });
        const instance = s.custom(INSTANCE, "public-instance", { associatePublicIpAddress: true });
        assert.deepEqual(await evaluatePack({ name: packName, policies: [ec2NoPublicIp] }, s.build()), [
            expectedViolation(
                packName,
                ec2NoPublicIp,
                template.urn,
                "launch template public asks for a public IP (associatePublicIpAddress); remove it.",
            ),
            expectedViolation(
                packName,
                ec2NoPublicIp,
                instance.urn,
                "instance public-instance asks for a public IP (associatePublicIpAddress); remove it.",
            ),
        ]);
    });
});
