import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { synthesize } from "../src/index.js";

describe("synthesize: the organization of a self-managed backend", () => {
    it("getOrganization answers `organization`, and a reference organization/<project>/<stack> reads the outputs of <project>/<stack>", async () => {
        const result = await synthesize({
            project: "data",
            stack: "dev",
            cloud: { stackOutputs: { "foundation/dev": { vpcId: "vpc-1" } } },
            program: () => {
                const ref = new pulumi.StackReference("foundation", { name: `${pulumi.getOrganization()}/foundation/dev` });
                return { organization: pulumi.getOrganization(), vpcId: ref.requireOutput("vpcId") };
            },
        });
        assert.deepEqual(result.outputs, { organization: "organization", vpcId: "vpc-1" });
    });

    it("another organization is not the simulated one, and fails naming the reference", async () => {
        await assert.rejects(
            synthesize({
                project: "data",
                stack: "dev",
                cloud: { stackOutputs: { "foundation/dev": {} } },
                program: () => new pulumi.StackReference("foundation", { name: "acme/foundation/dev" }).getOutput("x"),
            }),
            /stack reference acme\/foundation\/dev: the simulated cloud has no outputs for it/,
        );
    });
});
