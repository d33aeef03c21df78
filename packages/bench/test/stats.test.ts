import * as assert from "node:assert/strict";
import { fitLine, median } from "../src/stats.js";

describe("bench statistics", () => {
    it("median: the middle sample, or the mean of the middle two, whatever the order", () => {
        assert.equal(median([5]), 5);
        assert.equal(median([9, 1, 5]), 5);
        assert.equal(median([4, 1, 3, 2]), 2.5);
        assert.equal(median([10, 10, 1000]), 10);
        assert.throws(() => median([]), { message: "median of no samples" });
    });

    it("median does not reorder its input", () => {
        const samples = [3, 1, 2];
        median(samples);
        assert.deepEqual(samples, [3, 1, 2]);
    });

    /** Equal to 1e-9: the sums in floating point are exact only up to rounding. */
    const near = (actual: number, expected: number): void => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} != ${expected}`);

    it("fitLine: slope and intercept of exact lines", () => {
        const line = fitLine([
            [100, 3000],
            [500, 11000],
            [2000, 41000],
        ]);
        near(line.slope, 20);
        near(line.intercept, 1000);
        assert.deepEqual(
            fitLine([
                [10, 5],
                [20, 5],
            ]),
            { slope: 0, intercept: 5 },
        );
    });

    it("fitLine: least squares through noisy points (not the slope of the last two)", () => {
        const line = fitLine([
            [0, 0],
            [1, 1],
            [2, 0],
            [3, 1],
        ]);
        near(line.slope, 0.2);
        near(line.intercept, 0.2);
    });

    it("fitLine needs two different sizes", () => {
        assert.throws(
            () =>
                fitLine([
                    [100, 1],
                    [100, 2],
                ]),
            { message: "a slope needs two different sizes, got 100" },
        );
        assert.throws(() => fitLine([]), { message: "a slope needs two different sizes, got none" });
    });
});
