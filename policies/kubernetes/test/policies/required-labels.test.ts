import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { requiredLabels } from "../../src/policies/required-labels.js";
import { addWorkload, KINDS, LABELS, podSpec, run, violation } from "../fixtures.js";

describe("kubernetes-required-labels", () => {
    for (const kind of KINDS) {
        it(`${kind}: app, version, environment and team pass; missing or empty ones are flagged where they are missing`, async () => {
            const ok = new StackFixture({ stack: "prod" });
            addWorkload(ok, kind);
            assert.deepEqual(await run(requiredLabels, ok), []);
            const bad = new StackFixture({ stack: "prod" });
            const r = addWorkload(bad, kind, podSpec(), { app: "api", version: "", team: "platform" });
            const detail = "lacks version, environment in";
            assert.deepEqual(
                await run(requiredLabels, bad),
                (kind === "Pod" ? ["metadata.labels"] : ["metadata.labels", "the pod template's labels"]).map((where) =>
                    violation(requiredLabels, r, `${kind} apps/api ${detail} ${where}; set app, version, environment and team.`),
                ),
            );
        });
    }

    it("unset labels: every key is missing", async () => {
        const s = new StackFixture({ stack: "prod" });
        const r = s.custom("kubernetes:core/v1:Pod", "bare", { metadata: { name: "bare", namespace: "apps" }, spec: podSpec() });
        assert.deepEqual(await run(requiredLabels, s), [
            violation(
                requiredLabels,
                r,
                "Pod apps/bare lacks app, version, environment, team in metadata.labels; set app, version, environment and team.",
            ),
        ]);
        void LABELS;
    });
});
