import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { pdbNotZeroDisruption } from "../../src/policies/pdb-not-zero-disruption.js";
import { run, violation } from "../fixtures.js";

const pdb = (s: StackFixture, name: string, spec: Record<string, unknown>) =>
    s.custom("kubernetes:policy/v1:PodDisruptionBudget", name, {
        metadata: { name, namespace: "apps" },
        spec: { selector: { matchLabels: { app: name } }, ...spec },
    });

describe("kubernetes-pdb-not-zero-disruption", () => {
    it("maxUnavailable 1 and minAvailable 1 or 50% pass; maxUnavailable 0, minAvailable 100% and neither set are flagged", async () => {
        const s = new StackFixture({ stack: "prod" });
        pdb(s, "one", { maxUnavailable: 1 });
        pdb(s, "min", { minAvailable: 1 });
        pdb(s, "half", { minAvailable: "50%" });
        const zero = pdb(s, "zero", { maxUnavailable: 0 });
        const zeroPercent = pdb(s, "zero-percent", { maxUnavailable: "0%" });
        const all = pdb(s, "all", { minAvailable: "100%" });
        const unset = pdb(s, "unset", {});
        const drain = "which blocks every node drain; allow at least one disruption.";
        assert.deepEqual(await run(pdbNotZeroDisruption, s), [
            violation(pdbNotZeroDisruption, zero, `PodDisruptionBudget apps/zero sets maxUnavailable: 0, ${drain}`),
            violation(pdbNotZeroDisruption, zeroPercent, `PodDisruptionBudget apps/zero-percent sets maxUnavailable: 0, ${drain}`),
            violation(pdbNotZeroDisruption, all, `PodDisruptionBudget apps/all sets minAvailable: 100%, ${drain}`),
            violation(
                pdbNotZeroDisruption,
                unset,
                "PodDisruptionBudget apps/unset sets neither maxUnavailable nor minAvailable; set maxUnavailable: 1.",
            ),
        ]);
    });
});
