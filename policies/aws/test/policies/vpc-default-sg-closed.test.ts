import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { vpcDefaultSgClosed } from "../../src/policies/vpc-default-sg-closed.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [vpcDefaultSgClosed] }, s.build());
const rule = { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] };

describe("aws-vpc-default-sg-closed", () => {
    it("passes with empty rule lists, and with the rules left unset (adoption removes them)", async () => {
        const s = new StackFixture();
        s.custom("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "explicit", { vpcId: "vpc-1", ingress: [], egress: [] });
        s.custom("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "unset", { vpcId: "vpc-2" });
        assert.deepEqual(await run(s), []);
    });

    it("flags ingress rules and egress rules separately", async () => {
        const s = new StackFixture();
        const ingress = s.custom("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "in", { ingress: [rule, rule] });
        const egress = s.custom("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "out", { egress: [rule] });
        const both = s.custom("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "both", { ingress: [rule], egress: [rule] });
        const v = (urn: string, detail: string) => expectedViolation(packName, vpcDefaultSgClosed, urn, detail);
        assert.deepEqual(await run(s), [
            v(ingress.urn, "default security group in has 2 ingress rule(s); set ingress: [] so nothing can use the default group."),
            v(egress.urn, "default security group out has 1 egress rule(s); set egress: [] so nothing can use the default group."),
            v(both.urn, "default security group both has 1 ingress rule(s); set ingress: [] so nothing can use the default group."),
            v(both.urn, "default security group both has 1 egress rule(s); set egress: [] so nothing can use the default group."),
        ]);
    });
});
