#!/usr/bin/env node
// `pnpm platform ...` runs this file.
import { runCli } from "./run.js";

runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
    cwd: process.env["INIT_CWD"] ?? process.cwd(),
}).then(
    (code) => {
        process.exitCode = code;
    },
    (err: unknown) => {
        process.stderr.write(`platform: ${String(err)}\n`);
        process.exitCode = 3;
    },
);
