import * as assert from "node:assert/strict";
import { resolvePolicyConfig } from "../src/harness/index.js";

describe("resolvePolicyConfig (engine ReconcilePolicyPackConfig + SDK normalizeConfig)", () => {
    const policies = [
        {
            name: "a",
            enforcementLevel: "mandatory" as const,
            configSchema: {
                properties: { days: { type: "integer" as const, default: 7 }, mode: { type: "string" as const, enum: ["x", "y"] } },
                required: ["mode"],
            },
        },
        { name: "b" },
    ];

    it("starts from each policy's level (else the pack's) and schema defaults, applies 'all', then per-policy config", () => {
        const resolved = resolvePolicyConfig(policies, "advisory", {
            all: "disabled",
            a: { mode: "x", days: 30 },
            b: { enforcementLevel: "mandatory", extra: true },
        });
        assert.deepEqual(Object.fromEntries(resolved), {
            a: { enforcementLevel: "disabled", properties: { days: 30, mode: "x" } },
            b: { enforcementLevel: "mandatory", properties: { extra: true } },
            all: { enforcementLevel: "disabled", properties: {} },
        });
    });

    it("validates required properties, types and enums against the policy's schema", () => {
        assert.throws(() => resolvePolicyConfig(policies, "advisory", {}), /policy pack configuration is invalid:\na: mode is required/);
        assert.throws(
            () => resolvePolicyConfig(policies, "advisory", { a: { mode: "z", days: 1.5 } }),
            /a: days: Invalid type\. Expected: integer, given: number\na: mode must be one of \["x","y"\]/,
        );
        assert.throws(
            () => resolvePolicyConfig(policies, "advisory", { b: 3 }),
            /policy pack config b: expected an enforcement level or an object, got 3/,
        );
    });
});
