import * as assert from "node:assert/strict";
import { expectedViolation, ownershipTags, StackFixture } from "../src/harness/index.js";

describe("StackFixture", () => {
    it("builds an engine-shaped inventory: root stack first, nested URNs, provider references, outputs", () => {
        const s = new StackFixture({ project: "proj", stack: "prod" });
        const p = s.awsProvider("aws", ownershipTags("prod"), { jsonEncoded: true });
        const net = s.component("platform:network:AwsNetwork", "net");
        const vpc = s.custom(
            "aws:ec2/vpc:Vpc",
            "net-vpc",
            { cidrBlock: "10.0.0.0/16" },
            { parent: net, provider: p, outputs: { arn: "arn:vpc" }, protect: true },
        );
        const { resources, outputs } = s.withOutputs({ a: 1 }).build();
        assert.deepEqual(
            resources.map((r) => [r.urn, r.parent, r.custom, r.id]),
            [
                ["urn:pulumi:prod::proj::pulumi:pulumi:Stack::proj-prod", null, false, null],
                [
                    "urn:pulumi:prod::proj::pulumi:providers:aws::aws",
                    "urn:pulumi:prod::proj::pulumi:pulumi:Stack::proj-prod",
                    true,
                    "aws-provider-id",
                ],
                [
                    "urn:pulumi:prod::proj::platform:network:AwsNetwork::net",
                    "urn:pulumi:prod::proj::pulumi:pulumi:Stack::proj-prod",
                    false,
                    null,
                ],
                ["urn:pulumi:prod::proj::platform:network:AwsNetwork$aws:ec2/vpc:Vpc::net-vpc", net.urn, true, "net-vpc-id"],
            ],
        );
        assert.equal(vpc.provider, "urn:pulumi:prod::proj::pulumi:providers:aws::aws::aws-provider-id");
        assert.deepEqual(vpc.outputs, { cidrBlock: "10.0.0.0/16", arn: "arn:vpc" });
        assert.equal(vpc.protect, true);
        assert.equal(typeof p.inputs["defaultTags"], "string");
        assert.deepEqual(outputs, { a: 1 });
    });

    it("expectedViolation composes the engine message", () => {
        assert.deepEqual(expectedViolation("pk", { name: "n", description: "desc", enforcementLevel: "mandatory" }, null, "detail"), {
            pack: "pk",
            policy: "n",
            enforcementLevel: "mandatory",
            urn: null,
            message: "desc\ndetail",
        });
    });
});
