#!/usr/bin/env node
/**
 * `pnpm bench`: measures, then prints a markdown table (stdout) with each target and PASS or MISS;
 * progress and the machine's load go to stderr. The machine is shared: read the load with the numbers.
 */
import * as os from "node:os";
import { checkEnvironment } from "@platform/automation";
import { parseBenchArgs, USAGE } from "./args.js";
import { engineRows, envSynthRow, overheadMeasurements, synthRow } from "./measure.js";
import { overheadRows } from "./overhead.js";
import { renderTable, type Row } from "./table.js";

function load(): string {
    return os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ");
}

async function main(argv: readonly string[]): Promise<number> {
    const options = parseBenchArgs(argv);
    if (options.help) {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }
    checkEnvironment(options.env);
    const log = (line: string): void => void process.stderr.write(`bench: ${line}\n`);
    const startLoad = load();
    log(`${os.availableParallelism()} cores, load ${startLoad}`);
    const rows: Row[] = [];
    if (options.kinds.includes("synth")) rows.push(await synthRow(options.sizes, options.runs, log));
    if (options.kinds.includes("engine")) rows.push(...(await engineRows(options.sizes, options.runs, log)));
    if (options.kinds.includes("env-synth")) rows.push(await envSynthRow(options.env, options.envRuns, log));
    if (options.kinds.includes("cli"))
        rows.push(...overheadRows(await overheadMeasurements(options.env, options.stack, options.cliRuns, log)));
    process.stdout.write(
        `${renderTable(rows)}\n\n${new Date().toISOString()}, ${os.availableParallelism()} cores, load average (1/5/15 min) ${startLoad} before, ${load()} after\n`,
    );
    // A benchmark, not a test: a MISS is reported, not failed (the shared machine makes the numbers noisy).
    return 0;
}

main(process.argv.slice(2)).then(
    (code) => {
        process.exitCode = code;
    },
    (err: unknown) => {
        process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exitCode = 2;
    },
);
