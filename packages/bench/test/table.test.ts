import * as assert from "node:assert/strict";
import { formatMs, formatNumber, formatResult, renderTable, type Row, verdict } from "../src/table.js";

const preview: Row = {
    name: "engine preview",
    setup: "100 / 500 resources, 3 runs",
    medians: [3000, 11000],
    value: 20,
    unit: "ms/resource",
    target: 15,
    note: "fixed 1000 ms per run",
};

describe("bench table", () => {
    it("formats numbers to a tenth under 100, whole above", () => {
        assert.equal(formatNumber(14.96), "15.0");
        assert.equal(formatNumber(0.04), "0.0");
        assert.equal(formatNumber(-3.25), "-3.3");
        assert.equal(formatNumber(99.94), "99.9");
        assert.equal(formatNumber(100), "100");
        assert.equal(formatNumber(1234.5), "1235");
    });

    it("formats durations as ms under a second, seconds above", () => {
        assert.equal(formatMs(999.4), "999 ms");
        assert.equal(formatMs(1000), "1.00 s");
        assert.equal(formatMs(41_234), "41.23 s");
    });

    it("judges below the target as PASS, at or above as MISS, none as -", () => {
        assert.equal(verdict(preview), "MISS");
        assert.equal(verdict({ ...preview, value: 14.99 }), "PASS");
        assert.equal(verdict({ ...preview, value: 15 }), "MISS");
        assert.equal(verdict({ ...preview, target: undefined }), "-");
    });

    const overhead: Row = {
        name: "platform over raw",
        setup: "6 runs",
        medians: [33_000, 32_000],
        value: 900,
        unit: "ms",
        target: 1000,
        interval: { low: 400, high: 1200, confidence: 0.96875 },
    };

    it("with an interval: PASS only when all of it is below the target, MISS only when all is at or above", () => {
        // The median alone (900 ms) would pass: the interval reaches past the target.
        assert.equal(verdict(overhead), "UNCLEAR");
        assert.equal(verdict({ ...overhead, interval: { low: 400, high: 999, confidence: 0.97 } }), "PASS");
        assert.equal(verdict({ ...overhead, interval: { low: 400, high: 1000, confidence: 0.97 } }), "UNCLEAR");
        assert.equal(verdict({ ...overhead, value: 1500, interval: { low: 1000, high: 2000, confidence: 0.97 } }), "MISS");
        assert.equal(verdict({ ...overhead, value: 1500, interval: { low: 999, high: 2000, confidence: 0.97 } }), "UNCLEAR");
        assert.equal(verdict({ ...overhead, target: undefined }), "-");
    });

    it("with too few runs to be 90% sure, UNCLEAR whatever the interval says", () => {
        // 4 runs: [min, max] holds the median with 87.5%; 5 runs: 93.75%.
        assert.equal(verdict({ ...overhead, interval: { low: 400, high: 500, confidence: 0.875 } }), "UNCLEAR");
        assert.equal(verdict({ ...overhead, value: 1500, interval: { low: 1400, high: 1600, confidence: 0.875 } }), "UNCLEAR");
        assert.equal(verdict({ ...overhead, interval: { low: 400, high: 500, confidence: 0.9375 } }), "PASS");
        assert.equal(verdict({ ...overhead, interval: { low: 400, high: 500, confidence: 0.9 } }), "PASS");
    });

    it("prints the interval and its confidence (rounded down) beside the value", () => {
        assert.equal(formatResult(overhead), "900 ms (96% CI 400 to 1200)");
        assert.equal(formatResult({ ...overhead, interval: undefined }), "900 ms");
        assert.equal(formatResult({ ...overhead, interval: { low: -250.4, high: 80, confidence: 0.5 } }), "900 ms (50% CI -250 to 80.0)");
    });

    it("renders the markdown table exactly", () => {
        const synth: Row = { name: "synth", setup: "prod, 1 run", medians: [4200], value: 4.2, unit: "s", target: 5 };
        const up: Row = {
            name: "engine up",
            setup: "100 / 500 resources, 3 runs",
            medians: [5000, 20000],
            value: 37.5,
            unit: "ms/resource",
        };
        assert.equal(
            renderTable([preview, synth, up, overhead]),
            [
                "| measurement | setup | medians | result | target | verdict | note |",
                "|---|---|---|---:|---:|---|---|",
                "| engine preview | 100 / 500 resources, 3 runs | 3.00 s / 11.00 s | 20.0 ms/resource | < 15.0 ms/resource | MISS | fixed 1000 ms per run |",
                "| synth | prod, 1 run | 4.20 s | 4.2 s | < 5.0 s | PASS |  |",
                "| engine up | 100 / 500 resources, 3 runs | 5.00 s / 20.00 s | 37.5 ms/resource | - | - |  |",
                "| platform over raw | 6 runs | 33.00 s / 32.00 s | 900 ms (96% CI 400 to 1200) | < 1000 ms | UNCLEAR |  |",
            ].join("\n"),
        );
    });
});
