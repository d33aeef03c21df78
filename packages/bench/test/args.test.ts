import * as assert from "node:assert/strict";
import { DEFAULTS, KINDS, parseBenchArgs } from "../src/args.js";

describe("pnpm bench arguments (node:util parseArgs)", () => {
    it("defaults: 100 / 500 / 2000 resources, 3 runs, 2 of platform synth, 6 pairs of the cli row, every row", () => {
        assert.deepEqual(parseBenchArgs([]), {
            help: false,
            sizes: [100, 500, 2000],
            runs: 3,
            envRuns: 2,
            cliRuns: 6,
            kinds: ["synth", "engine", "env-synth", "cli"],
            env: "prod",
            stack: "all",
        });
        assert.deepEqual(DEFAULTS.kinds, KINDS);
    });

    it("--quick: small sizes, one run, the overhead row on foundation only", () => {
        assert.deepEqual(parseBenchArgs(["--quick"]), {
            ...DEFAULTS,
            sizes: [50, 100, 200],
            runs: 1,
            envRuns: 1,
            cliRuns: 1,
            stack: "foundation",
        });
    });

    it("explicit options win over --quick; --runs sets every run count; sizes sorted and deduplicated", () => {
        assert.deepEqual(
            parseBenchArgs(["--quick", "--runs", "5", "--sizes", "300, 10,300", "--only", "cli,synth", "--env", "dev", "--stack", "all"]),
            {
                help: false,
                sizes: [10, 300],
                runs: 5,
                envRuns: 5,
                cliRuns: 5,
                kinds: ["synth", "cli"],
                env: "dev",
                stack: "all",
            },
        );
        assert.equal(parseBenchArgs(["-h"]).help, true);
    });

    it("refuses bad values with the flag, the value and the fix", () => {
        const bad: Array<[string[], string]> = [
            [["--runs", "0"], '--runs = "0": not a whole number from 1 to 50. Fix: --runs 3'],
            [["--runs", "2.5"], '--runs = "2.5": not a whole number from 1 to 50. Fix: --runs 3'],
            [["--sizes", "100"], '--sizes = "100": a slope needs two different sizes. Fix: --sizes 100,500'],
            [["--sizes", "100,100"], '--sizes = "100,100": a slope needs two different sizes. Fix: --sizes 100,500'],
            [["--sizes", "100,x"], '--sizes = "x": not a whole number from 1 to 100000. Fix: --sizes 100,500'],
            [["--only", "engine,gpu"], '--only = "engine,gpu": unknown row gpu. Fix: --only synth,engine,env-synth,cli'],
        ];
        for (const [argv, message] of bad) {
            assert.throws(() => parseBenchArgs(argv), { message }, argv.join(" "));
        }
        assert.throws(() => parseBenchArgs(["--fast"]), /^Error: Unknown option '--fast'.*Fix: see pnpm bench --help$/s);
        assert.throws(() => parseBenchArgs(["extra"]), /Unexpected argument 'extra'.*Fix: see pnpm bench --help$/s);
    });
});
