import * as assert from "node:assert/strict";
import { dryRunEnvironment, ENGINE_OPERATIONS } from "../src/index.js";

describe("dryRunEnvironment", () => {
    it("skips the per-step snapshot for preview and drift only: updates, refreshes and destroys keep their checkpoints", () => {
        assert.deepEqual(
            ENGINE_OPERATIONS.map((operation) => [operation, dryRunEnvironment(operation)]),
            [
                ["preview", { PULUMI_SKIP_CHECKPOINTS: "true" }],
                ["up", {}],
                ["destroy", {}],
                ["refresh", {}],
                ["drift", { PULUMI_SKIP_CHECKPOINTS: "true" }],
            ],
        );
    });
});
