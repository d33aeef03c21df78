import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { formatPropertyPath, parsePropertyPath, redactPaths, SECRET_SIG, secretPaths, synthesize, valuesAtPaths } from "../src/index.js";

const secret = (value: unknown) => ({ [pulumi.runtime.specialSigKey]: SECRET_SIG, value });

class Thing extends pulumi.CustomResource {
    constructor(name: string, args: Record<string, pulumi.Input<unknown>>) {
        super("test:index:Thing", name, args);
    }
}

describe("secret paths", () => {
    it("finds secrets at any depth of a wire value, in Pulumi's path syntax", () => {
        const wire = {
            top: secret("a"),
            tags: { token: secret("b"), plain: "x", "a.b": secret("c") },
            list: ["p", secret("d"), [secret("e")]],
            whole: secret({ inner: secret("f") }),
        };
        assert.deepEqual(secretPaths(wire), ["top", "tags.token", 'tags["a.b"]', "list[1]", "list[2][0]", "whole"]);
        assert.deepEqual(secretPaths({ plain: 1, none: null }), []);
    });

    it("formats and parses paths both ways", () => {
        const paths: Array<Array<string | number>> = [
            ["a"],
            ["a", "b", 0, "c"],
            ["labels", "kubernetes.io/name"],
            ["x", 3, 4],
            ["$ref", "_id-2"],
        ];
        for (const p of paths) {
            assert.deepEqual(parsePropertyPath(formatPropertyPath(p)), p);
        }
        assert.equal(formatPropertyPath(["labels", "kubernetes.io/name"]), 'labels["kubernetes.io/name"]');
        assert.throws(() => parsePropertyPath("a..b"), /"a\.\.b" is not a property path/);
    });

    it("redacts the values at the paths, copying (never changing) the input; unknown paths are ignored", () => {
        const value = { a: "s", b: { c: ["x", "y"] }, d: 1 };
        assert.deepEqual(redactPaths(value, ["a", "b.c[1]", "missing.path", "b.c[9]"]), {
            a: "[secret]",
            b: { c: ["x", "[secret]"] },
            d: 1,
        });
        assert.deepEqual(value, { a: "s", b: { c: ["x", "y"] }, d: 1 });
        assert.deepEqual(valuesAtPaths(value, ["a", "b.c[1]", "missing"]), ["s", "y"]);
    });

    it("synthesize records the paths of secret inputs and of secret stack outputs", async () => {
        const result = await synthesize({
            project: "p",
            stack: "s",
            program: () => {
                new Thing("t", {
                    password: pulumi.secret("pw"),
                    tags: { token: pulumi.secret("tk"), plain: "x" },
                    list: ["a", pulumi.secret("b")],
                });
                return { out: pulumi.secret("o"), nested: { deep: pulumi.secret("d"), plain: 1 } };
            },
        });
        const thing = result.resources.find((r) => r.name === "t")!;
        assert.deepEqual(thing.secretPaths, ["list[1]", "password", "tags.token"]);
        assert.deepEqual(thing.secretInputs, ["password"]);
        assert.deepEqual(thing.inputs, { password: "pw", tags: { token: "tk", plain: "x" }, list: ["a", "b"] });
        assert.deepEqual(result.secretOutputPaths, ["nested.deep", "out"]);
        assert.deepEqual(result.outputs, { out: "o", nested: { deep: "d", plain: 1 } });
    });
});
