import * as assert from "node:assert/strict";
import { fitLine, median, medianInterval } from "../src/stats.js";

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

    it("medianInterval: [min, max] for 6 samples (1 - 2/64), whatever the order", () => {
        assert.deepEqual(medianInterval([5, -1, 3, 9, 0, 2]), { low: -1, high: 9, confidence: 62 / 64 });
    });

    it("medianInterval: the narrowest interval with at least 95%: 2nd and 9th of 10, 3rd and 10th of 12", () => {
        const ten = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
        // [x(3), x(8)] would cover 1 - 2 * 56/1024 = 89%: too little.
        assert.deepEqual(medianInterval(ten), { low: 2, high: 9, confidence: 1 - (2 * 11) / 1024 });
        assert.deepEqual(medianInterval(ten, 0.85), { low: 3, high: 8, confidence: 1 - (2 * 56) / 1024 });
        const twelve = [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
        assert.deepEqual(medianInterval(twelve), { low: 3, high: 10, confidence: 1 - (2 * 79) / 4096 });
    });

    it("medianInterval: too few samples give [min, max] with the lower confidence they have", () => {
        assert.deepEqual(medianInterval([4, 1, 2, 3, 5]), { low: 1, high: 5, confidence: 30 / 32 });
        assert.deepEqual(medianInterval([7, 3]), { low: 3, high: 7, confidence: 0.5 });
        assert.deepEqual(medianInterval([7]), { low: 7, high: 7, confidence: 0 });
        assert.throws(() => medianInterval([]), { message: "median interval of no samples" });
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
