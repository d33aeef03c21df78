import * as assert from "node:assert/strict";
import { at, listAt } from "../src/index.js";

describe("at / listAt (typed reads into resource inputs)", () => {
    const manifest = { spec: { template: { spec: { containers: [{ name: "app", ports: [{ containerPort: 80 }] }] } } }, n: null };

    it("walks objects by key and arrays by index", () => {
        assert.equal(at(manifest, "spec", "template", "spec", "containers", 0, "ports", 0, "containerPort"), 80);
        assert.deepEqual(at(manifest, "spec", "template", "spec", "containers", 0, "name"), "app");
        assert.equal(at(manifest), manifest);
    });

    it("is undefined past a missing step, a null or a scalar (the unset case)", () => {
        assert.equal(at(manifest, "status", "phase"), undefined);
        assert.equal(at(manifest, "n", "x"), undefined);
        assert.equal(at(manifest, "spec", "template", "spec", "containers", 3, "name"), undefined);
        assert.equal(at(undefined, "a"), undefined);
    });

    it("listAt returns the array and names the path when it is not one", () => {
        assert.deepEqual(listAt(manifest, "spec", "template", "spec", "containers").length, 1);
        assert.throws(() => listAt(manifest, "spec", "template"), /^Error: \["spec"\]\["template"\] is \{"spec":.*\}, not an array$/);
        assert.throws(() => listAt(manifest, "spec", "missing"), /\["spec"\]\["missing"\] is undefined, not an array/);
    });
});
