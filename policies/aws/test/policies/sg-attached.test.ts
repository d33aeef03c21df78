import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { sgAttached } from "../../src/policies/sg-attached.js";

const GROUP = "aws:ec2/securityGroup:SecurityGroup";

describe("aws-sg-attached", () => {
    it("passes groups used by a database (by dependency) and a proxy (by id); flags a group only its own rules name", async () => {
        const s = new StackFixture();
        const db = s.custom(GROUP, "db", { description: "db" }, { id: "sg-db" });
        s.custom(
            "aws:rds/instance:Instance",
            "postgres",
            { vpcSecurityGroupIds: ["sg-db"] },
            { propertyDependencies: { vpcSecurityGroupIds: [db] } },
        );
        s.custom(GROUP, "proxy", { description: "proxy" }, { id: "sg-proxy" });
        s.custom("aws:rds/proxy:Proxy", "proxy", { vpcSecurityGroupIds: ["sg-proxy"] });
        const spare = s.custom(GROUP, "spare", { description: "spare" }, { id: "sg-spare" });
        s.custom(
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            "spare-in",
            { securityGroupId: "sg-spare" },
            { propertyDependencies: { securityGroupId: [spare] } },
        );
        assert.deepEqual(await evaluatePack({ name: packName, policies: [sgAttached] }, s.build()), [
            expectedViolation(
                packName,
                sgAttached,
                spare.urn,
                `security group sg-spare (${spare.urn}) is attached to nothing; attach it to the resource it protects or remove it.`,
            ),
        ]);
    });
});
