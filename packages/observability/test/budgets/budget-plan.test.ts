import * as assert from "node:assert/strict";
import { BUDGET_THRESHOLDS, usdAmount, usdMoney, validateBudget } from "../../src/index.js";

describe("budget thresholds and amounts", () => {
    it("seed 003: 50 and 80 percent of actual spend, 100 percent forecasted and actual", () => {
        assert.deepEqual(BUDGET_THRESHOLDS, [
            { percent: 50, basis: "actual" },
            { percent: 80, basis: "actual" },
            { percent: 100, basis: "forecasted" },
            { percent: 100, basis: "actual" },
        ]);
    });

    it("amounts keep cents and nothing below them", () => {
        assert.equal(usdAmount(15000), "15000.00");
        assert.equal(usdAmount(2500.5), "2500.50");
        assert.equal(usdAmount(0.1 + 0.2), "0.30");
        assert.deepEqual(usdMoney(15000), { currencyCode: "USD", units: "15000", nanos: 0 });
        assert.deepEqual(usdMoney(2500.5), { currencyCode: "USD", units: "2500", nanos: 500_000_000 });
        assert.deepEqual(usdMoney(0.07), { currencyCode: "USD", units: "0", nanos: 70_000_000 });
    });

    it("validates the limit and the recipients, every problem at once", () => {
        assert.deepEqual(validateBudget(100, ["a@example.com"], 5), []);
        assert.deepEqual(
            validateBudget(0, [], 5).map((i) => [i.field, i.problem]),
            [
                ["monthlyLimitUsd", "must be more than 0"],
                ["recipients", "must list 1 to 5 addresses"],
            ],
        );
        assert.deepEqual(
            validateBudget(Number.NaN, ["a@example.com", "a@example.com"], 1).map((i) => [i.field, i.problem]),
            [
                ["monthlyLimitUsd", "must be more than 0"],
                ["recipients", "must list 1 to 1 addresses"],
                ["recipients", "lists an address twice"],
            ],
        );
    });
});
