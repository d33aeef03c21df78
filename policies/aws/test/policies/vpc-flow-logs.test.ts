import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { vpcFlowLogs } from "../../src/policies/vpc-flow-logs.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [vpcFlowLogs] }, s.build());
const violation = (urn: string, detail: string) => expectedViolation(packName, vpcFlowLogs, urn, detail);

describe("aws-vpc-flow-logs", () => {
    it("passes when every VPC has a flow log (matched by id)", async () => {
        const s = new StackFixture();
        s.custom("aws:ec2/vpc:Vpc", "main", { cidrBlock: "10.0.0.0/16" }, { id: "vpc-0abc" });
        s.custom("aws:ec2/flowLog:FlowLog", "main-flow", { vpcId: "vpc-0abc", trafficType: "ALL" });
        assert.deepEqual(await run(s), []);
    });

    it("passes when the flow log's vpcId is unknown (preview) but it depends on the VPC", async () => {
        const s = new StackFixture();
        const vpc = s.custom("aws:ec2/vpc:Vpc", "main", {}, { exactOutputs: {} });
        s.custom(
            "aws:ec2/flowLog:FlowLog",
            "main-flow",
            { vpcId: pulumi.unknown },
            { dependsOn: [vpc], exactOutputs: { vpcId: pulumi.unknown } },
        );
        assert.deepEqual(await run(s), []);
    });

    it("flags a VPC without any flow log, and one whose flow log points at another VPC", async () => {
        const s = new StackFixture();
        const a = s.custom("aws:ec2/vpc:Vpc", "a", {}, { id: "vpc-0abc" });
        const b = s.custom("aws:ec2/vpc:Vpc", "b", {}, { id: "vpc-0def" });
        s.custom("aws:ec2/flowLog:FlowLog", "other", { vpcId: "vpc-elsewhere" });
        assert.deepEqual(await run(s), [
            violation(a.urn, `VPC vpc-0abc (${a.urn}) has no flow log; add an aws.ec2.FlowLog with vpcId set to this VPC's id.`),
            violation(b.urn, `VPC vpc-0def (${b.urn}) has no flow log; add an aws.ec2.FlowLog with vpcId set to this VPC's id.`),
        ]);
    });

    it("flags a VPC whose only flow log leaves vpcId unset (a subnet-level flow log)", async () => {
        const s = new StackFixture();
        const vpc = s.custom("aws:ec2/vpc:Vpc", "main", {}, { id: "vpc-0abc" });
        s.custom("aws:ec2/flowLog:FlowLog", "subnet-flow", { subnetId: "subnet-1" });
        assert.deepEqual(await run(s), [
            violation(vpc.urn, `VPC vpc-0abc (${vpc.urn}) has no flow log; add an aws.ec2.FlowLog with vpcId set to this VPC's id.`),
        ]);
    });
});
