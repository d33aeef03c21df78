import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { sgDescriptions } from "../../src/policies/sg-descriptions.js";

const GROUP = "aws:ec2/securityGroup:SecurityGroup";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

describe("aws-sg-descriptions", () => {
    it("passes described groups, inline rules and rule resources", async () => {
        const s = new StackFixture();
        s.custom(GROUP, "db", {
            description: "postgres: reached from the nodes only",
            ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, description: "nodes" }],
        });
        s.custom(INGRESS, "db-from-nodes", {
            securityGroupId: "sg",
            ipProtocol: "tcp",
            fromPort: 5432,
            toPort: 5432,
            description: "nodes to postgres",
        });
        assert.deepEqual(await evaluatePack({ name: packName, policies: [sgDescriptions] }, s.build()), []);
    });

    it("flags a group, an inline rule and a rule resource without a description (unset or empty)", async () => {
        const s = new StackFixture();
        const group = s.custom(GROUP, "bare", {
            description: "",
            egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.0.0.0/8"] }],
        });
        const rule = s.custom(INGRESS, "bare-rule", { securityGroupId: "sg", ipProtocol: "tcp", fromPort: 443, toPort: 443 });
        assert.deepEqual(await evaluatePack({ name: packName, policies: [sgDescriptions] }, s.build()), [
            expectedViolation(packName, sgDescriptions, group.urn, "security group bare has no description; say what it is for."),
            expectedViolation(
                packName,
                sgDescriptions,
                group.urn,
                "security group bare's egress rule #1 has no description; say who may connect and why.",
            ),
            expectedViolation(packName, sgDescriptions, rule.urn, "security group rule bare-rule has no description; say what it is for."),
        ]);
    });
});
