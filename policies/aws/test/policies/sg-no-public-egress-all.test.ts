import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { sgNoPublicEgressAll } from "../../src/policies/sg-no-public-egress-all.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [sgNoPublicEgressAll] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, sgNoPublicEgressAll, urn, detail);
const FIX =
    "name the protocols and ports (e.g. tcp/443) or the destination CIDRs the hosts need; only a security group tagged egress: internet may send all traffic to the internet.";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const all = (cidrs: string[], ipv6: string[] = []) => ({ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: cidrs, ipv6CidrBlocks: ipv6 });

describe("aws-sg-no-public-egress-all", () => {
    it("passes port-specific egress to the internet, all traffic to private ranges, no egress, and all traffic from a group tagged egress: internet", async () => {
        const s = new StackFixture();
        s.custom(SG, "web", { egress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] }, { id: "sg-web" });
        s.custom(SG, "internal", { egress: [all(["10.0.0.0/16"])] }, { id: "sg-internal" });
        s.custom(SG, "closed", {}, { id: "sg-closed" });
        const nodes = s.custom(SG, "nodes", { egress: [all(["0.0.0.0/0"], ["::/0"])], tags: { egress: "internet" } }, { id: "sg-nodes" });
        s.custom(
            EGRESS_RULE,
            "nodes-out",
            { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0", securityGroupId: "sg-nodes" },
            { propertyDependencies: { securityGroupId: [nodes] } },
        );
        s.custom(RULE, "nodes-out-legacy", {
            type: "egress",
            protocol: "-1",
            fromPort: 0,
            toPort: 0,
            cidrBlocks: ["0.0.0.0/0"],
            securityGroupId: "sg-nodes",
        });
        s.custom(RULE, "ingress-all", {
            type: "ingress",
            protocol: "-1",
            fromPort: 0,
            toPort: 0,
            cidrBlocks: ["0.0.0.0/0"],
            securityGroupId: "sg-web",
        });
        s.custom(EGRESS_RULE, "tcp-range", {
            ipProtocol: "tcp",
            fromPort: 0,
            toPort: 65535,
            cidrIpv4: "0.0.0.0/0",
            securityGroupId: "sg-web",
        });
        assert.deepEqual(await run(s), []);
    });

    it("flags all-traffic egress to 0.0.0.0/0 or ::/0 in all three rule forms, protocol -1 or all, and a rule whose group is not in the stack", async () => {
        const s = new StackFixture();
        const inline = s.custom(SG, "inline", { egress: [all(["0.0.0.0/0"], ["::/0"])], tags: { egress: "vpc" } }, { id: "sg-inline" });
        const web = s.custom(SG, "web", {}, { id: "sg-web" });
        const legacy = s.custom(RULE, "legacy", { type: "egress", protocol: "all", cidrBlocks: ["0.0.0.0/0"], securityGroupId: "sg-web" });
        const v6 = s.custom(
            EGRESS_RULE,
            "v6",
            { ipProtocol: "-1", cidrIpv6: "::/0", securityGroupId: "sg-web" },
            { propertyDependencies: { securityGroupId: [web] } },
        );
        const foreign = s.custom(EGRESS_RULE, "foreign", { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0", securityGroupId: "sg-elsewhere" });
        assert.deepEqual(await run(s), [
            v(inline.urn, `security group sg-inline (${inline.urn}) sends all traffic to 0.0.0.0/0, ::/0; ${FIX}`),
            v(
                legacy.urn,
                `security group rule legacy-id (${legacy.urn}) lets security group sg-web (${web.urn}) send all traffic to 0.0.0.0/0; ${FIX}`,
            ),
            v(v6.urn, `security group rule v6-id (${v6.urn}) lets security group sg-web (${web.urn}) send all traffic to ::/0; ${FIX}`),
            v(foreign.urn, `security group rule foreign-id (${foreign.urn}) lets its security group send all traffic to 0.0.0.0/0; ${FIX}`),
        ]);
    });
});
