import * as assert from "node:assert/strict";
import { parseArgs, UsageError } from "../src/index.js";

describe("platform argument parsing", () => {
    it("parses synth with defaults", () => {
        assert.deepEqual(parseArgs(["synth", "--env", "prod"]), {
            command: "synth",
            env: "prod",
            stack: "all",
            json: false,
            simulate: false,
            root: undefined,
        });
    });

    it("parses every option", () => {
        assert.deepEqual(parseArgs(["synth", "--json", "--stack", "foundation", "--env", "dr", "--root", "/r"]), {
            command: "synth",
            env: "dr",
            stack: "foundation",
            json: true,
            simulate: false,
            root: "/r",
        });
    });

    it("parses the engine commands with --simulate", () => {
        for (const command of ["preview", "up", "destroy"] as const) {
            assert.deepEqual(parseArgs([command, "--env", "prod", "--simulate"]), {
                command,
                env: "prod",
                stack: "all",
                json: false,
                simulate: true,
                root: undefined,
            });
        }
    });

    it("help in any form", () => {
        for (const argv of [[], ["--help"], ["-h"], ["help"], ["synth", "--help"]]) {
            assert.deepEqual(parseArgs(argv), { command: "help" });
        }
    });

    const bad: Array<[string[], string]> = [
        [["synth"], "--env is required: pass --env dev, staging, prod or dr"],
        [["synth", "--env"], "--env needs a value (see platform --help)"],
        [["synth", "--env", "--json"], "--env needs a value (see platform --help)"],
        [["synth", "--env", "prod", "--force"], 'unknown option "--force" (see platform --help)'],
        [["deploy"], 'unknown command "deploy"; use one of synth, preview, up, destroy (see platform --help)'],
        [["up", "--env", "dev", "--json"], "--json is only for synth; up streams the engine's output"],
        [["synth", "--env", "dev", "--simulate"], "synth always runs offline against the simulated cloud; drop --simulate"],
    ];
    for (const [argv, message] of bad) {
        it(`rejects ${argv.join(" ")}`, () => {
            assert.throws(
                () => parseArgs(argv),
                (err: Error) => err instanceof UsageError && err.message === message,
            );
        });
    }
});
