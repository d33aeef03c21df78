import * as assert from "node:assert/strict";
import * as path from "node:path";
import { evaluateBothWays, ownershipTags, policyConventionProblems, StackFixture } from "@platform/policy-kit/harness";
import { packName, policies } from "../src/index.js";

const PACK_DIR = path.resolve(__dirname, "../..");

function everyViolation() {
    const s = new StackFixture({ stack: "prod" });
    const provider = s.awsProvider("aws", { ...ownershipTags("prod"), team: "" }, { jsonEncoded: true });
    s.custom("aws:ec2/vpc:Vpc", "vpc", {}, { provider, id: "vpc-1" });
    s.custom("aws:ec2/subnet:Subnet", "a", { vpcId: "vpc-1", availabilityZone: "us-east-1a", tags: { tier: "public" } }, { provider });
    s.custom("aws:route53/zone:Zone", "zone", { name: "example.com" }, { provider, protect: true });
    s.custom("aws:cloudwatch/logGroup:LogGroup", "logs", { retentionInDays: 365 }, { provider });
    s.custom("aws:rds/instance:Instance", "db", { backupRetentionPeriod: 0 }, { provider, protect: true });
    return s.build();
}

describe("platform pack", () => {
    it("exports the stack-level platform policies, all mandatory, with their severities", () => {
        assert.equal(packName, "platform");
        assert.deepEqual(
            policies.map((p) => [p.name, p.enforcementLevel, p.severity]),
            [
                ["platform-required-tags", "mandatory", "medium"],
                ["platform-ha-in-prod", "mandatory", "high"],
                ["platform-protect-stateful-prod", "mandatory", "critical"],
                ["platform-backups-meet-rpo", "mandatory", "high"],
                ["platform-stack-cloud", "mandatory", "high"],
            ],
        );
    });

    it("every policy is named <pack>-… and carries severity, peer checks or seed tags, remediation steps and a url", () => {
        assert.deepEqual(policyConventionProblems(packName, policies), []);
    });

    it("runs as a real policy pack process and reports what evaluatePack reports", async function () {
        this.timeout(30000);
        const viaKit = await evaluateBothWays(PACK_DIR, { name: packName, version: "0.1.0", policies }, everyViolation);
        assert.deepEqual(
            viaKit.map((v) => v.policy),
            [
                "platform-required-tags",
                "platform-required-tags",
                "platform-required-tags",
                "platform-required-tags",
                "platform-required-tags",
                "platform-ha-in-prod",
                "platform-ha-in-prod",
                "platform-protect-stateful-prod",
                "platform-backups-meet-rpo",
                "platform-backups-meet-rpo",
            ],
        );
    });
});
