import * as assert from "node:assert/strict";
import { parseArgs, UsageError } from "../src/index.js";

describe("platform argument parsing", () => {
    it("parses synth with defaults", () => {
        assert.deepEqual(parseArgs(["synth", "--env", "prod"]), { command: "synth", env: "prod", stack: "all", json: false, root: undefined });
    });

    it("parses every option", () => {
        assert.deepEqual(parseArgs(["synth", "--json", "--stack", "foundation", "--env", "dr", "--root", "/r"]), {
            command: "synth",
            env: "dr",
            stack: "foundation",
            json: true,
            root: "/r",
        });
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
        [["up"], 'unknown command "up"; the command is synth (see platform --help)'],
    ];
    for (const [argv, message] of bad) {
        it(`rejects ${argv.join(" ")}`, () => {
            assert.throws(() => parseArgs(argv), (err: Error) => err instanceof UsageError && err.message === message);
        });
    }
});
