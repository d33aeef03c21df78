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

    it("lists the stacks a program read through StackReferences, once each, in the order read; not in the resources", async () => {
        const result = await synthesize({
            project: "platform",
            stack: "dev",
            cloud: { stackOutputs: { "foundation/dev": { vpcId: "vpc-1" }, "cluster/dev": { name: "c" } } },
            program: () => {
                const cluster = new pulumi.StackReference("cluster", { name: "organization/cluster/dev" });
                const foundation = new pulumi.StackReference("foundation", { name: "organization/foundation/dev" });
                const again = new pulumi.StackReference("foundation-again", { name: "organization/foundation/dev" });
                return {
                    name: cluster.requireOutput("name"),
                    vpcId: foundation.requireOutput("vpcId"),
                    same: again.requireOutput("vpcId"),
                };
            },
        });
        assert.deepEqual(result.stackReferences, ["organization/cluster/dev", "organization/foundation/dev"]);
        assert.deepEqual(
            result.resources.map((r) => r.type),
            ["pulumi:pulumi:Stack"],
        );
        const none = await synthesize({ project: "foundation", stack: "dev", program: () => ({}) });
        assert.deepEqual(none.stackReferences, []);
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
