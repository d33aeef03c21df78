import * as assert from "node:assert/strict";
import * as path from "node:path";
import { loadPackRuntime, modulesNotAllowedAtPackRuntime } from "@platform/policy-kit/harness";
import { packName, policies } from "../src/index.js";

const PACK_DIR = path.resolve(__dirname, "../..");

describe("kubernetes pack at run time", () => {
    it("its entry point builds the pack from the kit's runtime helpers and loads no harness, gRPC, protobuf, synth or SDK module", function () {
        this.timeout(30000);
        const runtime = loadPackRuntime(PACK_DIR);
        assert.deepEqual(runtime.constructed, [{ name: packName, policies: policies.map((p) => p.name) }]);
        assert.deepEqual(modulesNotAllowedAtPackRuntime(runtime.modules), []);
        assert.ok(runtime.modules.includes(require.resolve("@platform/policy-kit")), "the kit's runtime entry point is loaded");
    });
});
