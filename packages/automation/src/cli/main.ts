#!/usr/bin/env node
// `pnpm platform ...` runs this file.
// First: the compile cache must be on before the other modules load.
import "./compile-cache.js";
import { ENGINE_COMMANDS } from "./args.js";
import { processIo } from "./process-io.js";
import { runCli } from "./run.js";

const argv = process.argv.slice(2);
const envIndex = argv.indexOf("--env");
const io = processIo({
    cwd: process.env["INIT_CWD"] ?? process.cwd(),
    cancellable: (ENGINE_COMMANDS as readonly string[]).includes(argv[0] ?? ""),
    env: envIndex >= 0 ? argv[envIndex + 1] : undefined,
    stepSummaryFile: process.env["GITHUB_STEP_SUMMARY"],
});

runCli(argv, io).then(
    (code) => {
        process.exitCode = code;
    },
    (err: unknown) => {
        io.stderr(`platform: ${String(err)}`);
        process.exitCode = 3;
    },
);
