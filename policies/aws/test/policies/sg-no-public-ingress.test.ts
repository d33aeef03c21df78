import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { sgNoPublicIngress } from "../../src/policies/sg-no-public-ingress.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [sgNoPublicIngress] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, sgNoPublicIngress, urn, detail);
const FIX =
    "restrict the source CIDRs; only tcp/80 and tcp/443 on a security group tagged exposure: internet-facing-lb may be open to the internet.";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const tcp = (port: number, cidrs: string[], ipv6: string[] = []) => ({
    protocol: "tcp",
    fromPort: port,
    toPort: port,
    cidrBlocks: cidrs,
    ipv6CidrBlocks: ipv6,
});
const LB_TAGS = { exposure: "internet-facing-lb" };

describe("aws-sg-no-public-ingress", () => {
    it("passes for private sources, unset ingress, and web ports on a load balancer group in all three rule forms", async () => {
        const s = new StackFixture();
        s.custom(SG, "internal", { ingress: [tcp(5432, ["10.0.0.0/16"])] }, { id: "sg-internal" });
        s.custom(SG, "no-rules", {}, { id: "sg-none" });
        const lb = s.custom(
            SG,
            "alb",
            { ingress: [tcp(443, ["0.0.0.0/0"], ["::/0"]), tcp(80, ["0.0.0.0/0"])], tags: LB_TAGS },
            { id: "sg-alb" },
        );
        s.custom(RULE, "alb-https", {
            type: "ingress",
            protocol: "tcp",
            fromPort: 443,
            toPort: 443,
            cidrBlocks: ["0.0.0.0/0"],
            securityGroupId: "sg-alb",
        });
        s.custom(
            INGRESS_RULE,
            "alb-http",
            { ipProtocol: "tcp", fromPort: 80, toPort: 80, cidrIpv6: "::/0", securityGroupId: "sg-alb" },
            { propertyDependencies: { securityGroupId: [lb] } },
        );
        s.custom(RULE, "egress-any", {
            type: "egress",
            protocol: "-1",
            fromPort: 0,
            toPort: 0,
            cidrBlocks: ["0.0.0.0/0"],
            securityGroupId: "sg-internal",
        });
        assert.deepEqual(await run(s), []);
    });

    it("flags public ingress on inline rules: other ports, all traffic, port ranges spanning 80-443, and web ports on a group that is not a load balancer's", async () => {
        const s = new StackFixture();
        const ssh = s.custom(SG, "bastion", { ingress: [tcp(22, ["0.0.0.0/0"], ["::/0"])] }, { id: "sg-bastion" });
        const all = s.custom(
            SG,
            "open",
            { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] },
            { id: "sg-open" },
        );
        const range = s.custom(
            SG,
            "range-lb",
            { tags: LB_TAGS, ingress: [{ protocol: "tcp", fromPort: 80, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] },
            { id: "sg-range" },
        );
        const web = s.custom(SG, "web-not-lb", { ingress: [tcp(443, ["0.0.0.0/0"])] }, { id: "sg-web" });
        assert.deepEqual(await run(s), [
            v(ssh.urn, `security group sg-bastion (${ssh.urn}) allows ingress from 0.0.0.0/0, ::/0 on tcp/22; ${FIX}`),
            v(all.urn, `security group sg-open (${all.urn}) allows ingress from 0.0.0.0/0 on all traffic; ${FIX}`),
            v(range.urn, `security group sg-range (${range.urn}) allows ingress from 0.0.0.0/0 on tcp/80-443; ${FIX}`),
            v(web.urn, `security group sg-web (${web.urn}) allows ingress from 0.0.0.0/0 on tcp/443; ${FIX}`),
        ]);
    });

    it("flags public standalone rules, naming their group, and gives no exception when the group is not in the stack", async () => {
        const s = new StackFixture();
        const db = s.custom(SG, "db", {}, { id: "sg-db" });
        s.custom(SG, "alb", { tags: LB_TAGS }, { id: "sg-alb" });
        const rule = s.custom(RULE, "db-open", {
            type: "ingress",
            protocol: "tcp",
            fromPort: 5432,
            toPort: 5432,
            cidrBlocks: ["0.0.0.0/0"],
            securityGroupId: "sg-db",
        });
        const albSsh = s.custom(INGRESS_RULE, "alb-ssh", {
            ipProtocol: "tcp",
            fromPort: 22,
            toPort: 22,
            cidrIpv4: "0.0.0.0/0",
            securityGroupId: "sg-alb",
        });
        const foreign = s.custom(INGRESS_RULE, "foreign-https", {
            ipProtocol: "tcp",
            fromPort: 443,
            toPort: 443,
            cidrIpv4: "0.0.0.0/0",
            securityGroupId: "sg-not-here",
        });
        const allProto = s.custom(INGRESS_RULE, "all", { ipProtocol: "-1", cidrIpv6: "::/0", securityGroupId: "sg-db" });
        assert.deepEqual(await run(s), [
            v(
                rule.urn,
                `security group rule db-open-id (${rule.urn}) opens security group sg-db (${db.urn}) to 0.0.0.0/0 on tcp/5432; ${FIX}`,
            ),
            v(
                albSsh.urn,
                `security group rule alb-ssh-id (${albSsh.urn}) opens security group sg-alb (urn:pulumi:dev::platform::${SG}::alb) to 0.0.0.0/0 on tcp/22; ${FIX}`,
            ),
            v(
                foreign.urn,
                `security group rule foreign-https-id (${foreign.urn}) opens its security group to 0.0.0.0/0 on tcp/443; ${FIX}`,
            ),
            v(
                allProto.urn,
                `security group rule all-id (${allProto.urn}) opens security group sg-db (${db.urn}) to ::/0 on all traffic; ${FIX}`,
            ),
        ]);
    });
});
