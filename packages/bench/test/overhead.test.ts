import * as assert from "node:assert/strict";
import { OVERHEAD_TARGET_MS, overheadRows } from "../src/overhead.js";
import { verdict } from "../src/table.js";

// Six rounds: the interval of the median difference is [min, max] at 96.9%.
const foundation = {
    platform: [6500, 6400, 6600, 6450, 6550, 6700],
    raw: [6000, 6000, 6000, 6000, 6000, 6000],
    outside: [380, 390, 400, 385, 395, 410],
};
const cluster = {
    platform: [9000, 9100, 10_300, 9050, 9200, 9150],
    raw: [8500, 8600, 8700, 8400, 8450, 8500],
    outside: [400, 400, 400, 400, 400, 400],
};
const environment = {
    platform: [16_100, 16_300, 16_200, 16_000, 16_400, 16_250],
    raw: [15_000, 15_100, 15_200, 15_000, 15_100, 15_000],
    outside: [390, 400, 410, 395, 405, 400],
};

describe("bench overhead rows", () => {
    it("judges each layer against the 1 s target by its own interval", () => {
        const rows = overheadRows({
            env: "prod",
            stacks: [
                { layer: "foundation", runs: foundation },
                { layer: "cluster", runs: cluster },
            ],
        });
        assert.equal(rows.length, 2);
        assert.deepEqual(rows[0], {
            name: "platform preview --env prod --stack foundation over raw pulumi preview of the same stack",
            setup: "6 runs each in turn after one untimed, platform / raw",
            medians: [6525, 6000],
            value: 525,
            interval: { low: 400, high: 700, confidence: 0.96875 },
            unit: "ms",
            target: OVERHEAD_TARGET_MS,
            note: "median of per-run differences; platform's own time outside its layers' runs: median 393 ms, 380 to 410 ms",
        });
        assert.equal(verdict(rows[0]), "PASS");
        // cluster: differences 500, 500, 1600, 650, 750, 650: the median is under 1 s, the interval is not.
        assert.equal(rows[1].value, 650);
        assert.deepEqual(rows[1].interval, { low: 500, high: 1600, confidence: 0.96875 });
        assert.equal(verdict(rows[1]), "UNCLEAR");
    });

    it("adds the whole environment without a target, with the per-layer cost beyond the command's start", () => {
        const rows = overheadRows({
            env: "prod",
            stacks: [
                { layer: "foundation", runs: foundation },
                { layer: "cluster", runs: cluster },
            ],
            environment,
        });
        assert.equal(rows.length, 3);
        const whole = rows[2];
        assert.equal(whole.name, "platform preview --env prod over raw pulumi preview (2 stacks in one command)");
        assert.equal(whole.target, undefined);
        assert.equal(verdict(whole), "-");
        // Differences 1100, 1200, 1000, 1000, 1300, 1250: median 1150; outside median 400; (1150 - 400) / 2 = 375.
        assert.equal(whole.value, 1150);
        assert.deepEqual(whole.medians, [16_225, 15_050]);
        assert.deepEqual(whole.interval, { low: 1000, high: 1300, confidence: 0.96875 });
        assert.equal(
            whole.note,
            "no target (the target is per stack, rows above): the command's start once and each layer's own cost, about 375 ms a layer beyond the 400 ms outside them; platform's own time outside its layers' runs: median 400 ms, 390 to 410 ms",
        );
    });

    it("reports one run as one run, with the interval it has: too few to judge", () => {
        const rows = overheadRows({
            env: "dev",
            stacks: [{ layer: "foundation", runs: { platform: [6400], raw: [6000], outside: [390] } }],
        });
        assert.equal(rows[0].setup, "1 run each in turn after one untimed, platform / raw");
        assert.deepEqual(rows[0].interval, { low: 400, high: 400, confidence: 0 });
        assert.equal(verdict(rows[0]), "UNCLEAR");
    });

    it("refuses unpaired or missing measurements, naming the layer", () => {
        assert.throws(() => overheadRows({ env: "prod", stacks: [] }), /^Error: overhead rows for prod: no layer was measured$/);
        assert.throws(
            () => overheadRows({ env: "prod", stacks: [{ layer: "data", runs: { platform: [1, 2], raw: [1], outside: [0, 0] } }] }),
            /^Error: data\/prod: 2 platform, 1 raw and 2 outside times: the rows need as many of each, at least one$/,
        );
        assert.throws(
            () => overheadRows({ env: "prod", stacks: [{ layer: "data", runs: { platform: [], raw: [], outside: [] } }] }),
            /^Error: data\/prod: 0 platform, 0 raw and 0 outside times/,
        );
        assert.throws(
            () =>
                overheadRows({
                    env: "prod",
                    stacks: [{ layer: "foundation", runs: foundation }],
                    environment: { ...environment, outside: [] },
                }),
            /^Error: prod \(all layers\): 6 platform, 6 raw and 0 outside times/,
        );
    });
});
