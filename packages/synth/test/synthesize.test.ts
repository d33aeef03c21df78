import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { synthesize, UnmodelledInvokeError } from "../src/index.js";

class Box extends pulumi.ComponentResource {
    readonly inner: pulumi.CustomResource;
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("test:index:Box", name, {}, opts);
        const leaf = new Leaf(`${name}-leaf`, { size: 3, secret: pulumi.secret("s3cr3t") }, { parent: this, protect: true });
        this.inner = leaf;
        this.registerOutputs({});
    }
}

class Leaf extends pulumi.CustomResource {
    declare readonly size: pulumi.Output<number>;
    constructor(name: string, args: { size: number; secret: pulumi.Input<string> }, opts?: pulumi.CustomResourceOptions) {
        super("test:index:Leaf", name, { ...args, size: args.size }, opts);
    }
}

describe("synthesize", () => {
    it("records what components and the root stack register as outputs (secrets unwrapped); {} when a component registers nothing", async () => {
        class Named extends pulumi.ComponentResource {
            constructor(name: string, outputs?: pulumi.Inputs) {
                super("test:index:Named", name, {}, {});
                if (outputs) this.registerOutputs(outputs);
            }
        }
        const result = await synthesize({
            project: "proj",
            stack: "dev",
            program: () => {
                new Named("with", { size: pulumi.output(3), token: pulumi.secret("t0k") });
                new Named("without");
                return { answer: 42 };
            },
        });
        assert.deepEqual(
            result.resources.map((r) => [r.name, r.outputs]),
            [
                ["proj-dev", { answer: 42 }],
                ["with", { size: 3, token: "t0k" }],
                ["without", {}],
            ],
        );
    });

    it("records every resource with engine-accurate URNs, parents, protect and secrets", async () => {
        const result = await synthesize({
            project: "proj",
            stack: "dev",
            program: () => {
                const box = new Box("b");
                return { leafUrn: box.inner.urn };
            },
        });
        assert.deepEqual(
            result.resources.map((r) => [r.urn, r.parent, r.protect]),
            [
                ["urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev", null, false],
                ["urn:pulumi:dev::proj::test:index:Box::b", "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev", false],
                ["urn:pulumi:dev::proj::test:index:Box$test:index:Leaf::b-leaf", "urn:pulumi:dev::proj::test:index:Box::b", true],
            ],
        );
        const leaf = result.resources[2];
        assert.deepEqual(leaf.inputs, { size: 3, secret: "s3cr3t" });
        assert.deepEqual(leaf.secretInputs, ["secret"]);
        assert.deepEqual(leaf.propertyDependencies, {});
        assert.equal(leaf.custom, true);
        assert.equal(result.outputs["leafUrn"], leaf.urn);
    });

    it("records which resources each input came from", async () => {
        const result = await synthesize({
            project: "p",
            stack: "s",
            program: () => {
                const a = new Leaf("a", { size: 1, secret: "x" });
                new Leaf("b", { size: 2, secret: a.urn });
            },
        });
        const b = result.resources.find((r) => r.name === "b")!;
        assert.deepEqual(b.propertyDependencies, { secret: ["urn:pulumi:s::p::test:index:Leaf::a"] });
        assert.deepEqual(b.dependencies, ["urn:pulumi:s::p::test:index:Leaf::a"]);
    });

    it("isolates config and state between runs in one process", async () => {
        const read = () => ({ env: new pulumi.Config("platform").get("environment") ?? "unset" });
        const first = await synthesize({ project: "p", stack: "a", config: { "platform:environment": "prod" }, program: read });
        const second = await synthesize({ project: "p", stack: "b", program: read });
        assert.deepEqual(first.outputs, { env: "prod" });
        assert.deepEqual(second.outputs, { env: "unset" });
        assert.equal(second.resources.length, 1);
    });

    it("fails loudly on an invoke the simulated cloud does not model", async () => {
        await assert.rejects(
            synthesize({
                project: "p",
                stack: "s",
                program: () => pulumi.runtime.invoke("aws:ec2/getAmi:getAmi", {}) as Promise<unknown>,
            }),
            (err: Error) => err instanceof UnmodelledInvokeError && /invoke aws:ec2\/getAmi:getAmi is not modelled/.test(err.message),
        );
    });
});

describe("synthesize: failing programs", () => {
    it("rejects with the program's error and leaves no unhandled rejection behind", async () => {
        const unhandled: unknown[] = [];
        const listener = (reason: unknown) => unhandled.push(reason);
        process.on("unhandledRejection", listener);
        try {
            await assert.rejects(
                synthesize({
                    project: "p",
                    stack: "s",
                    program: () => {
                        throw new Error("boom");
                    },
                }),
                /^Error: boom$/,
            );
            await new Promise((resolve) => setImmediate(resolve));
            await new Promise((resolve) => setImmediate(resolve));
        } finally {
            process.off("unhandledRejection", listener);
        }
        assert.deepEqual(unhandled, []);
    });
});
