/**
 * Real-engine runs for the benchmark: the pinned CLI (pnpm engine:setup) with the simulated cloud's
 * plugins, each run in a state folder of its own (so an `up` always creates everything).
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { PLATFORM_REPOSITORY, simulatedEngineEnvironment } from "@platform/automation";
import { COUNT_KEY } from "./program.js";

const run = promisify(execFile);

export interface EngineState {
    /** The temp folder holding the backend (PLATFORM_STATE_DIR) and the project. */
    readonly dir: string;
    readonly env: Record<string, string>;
    readonly pulumi: string;
}

/** A fresh state folder and the engine environment for it. */
export function freshState(prefix: string): EngineState {
    const dir = mkdtempSync(path.join(tmpdir(), `platform-bench-${prefix}-`));
    const engine = simulatedEngineEnvironment(PLATFORM_REPOSITORY, { ...process.env, PLATFORM_STATE_DIR: dir });
    return { dir, env: { ...engine.env, PULUMI_SKIP_CONFIRMATIONS: "true" }, pulumi: engine.pulumi };
}

export function removeState(state: EngineState): void {
    rmSync(state.dir, { recursive: true, force: true });
}

/** Runs the pinned CLI (with `extraEnv` over the state's variables); rejects with its output when it fails. */
export async function pulumi(
    state: EngineState,
    cwd: string,
    args: readonly string[],
    extraEnv: Readonly<Record<string, string>> = {},
): Promise<string> {
    try {
        const { stdout } = await run(state.pulumi, [...args, "--non-interactive", "--color", "never"], {
            cwd,
            env: { ...state.env, ...extraEnv },
            maxBuffer: 256 * 1024 * 1024,
        });
        return stdout;
    } catch (err) {
        const e = err as { stdout?: string; stderr?: string; message: string };
        throw new Error(`pulumi ${args.join(" ")} failed in ${cwd}: ${e.message}\n${e.stdout ?? ""}\n${e.stderr ?? ""}`);
    }
}

/** The generated project with N keys in `state`, its stack `bench` created. Returns its folder. */
export async function keysProject(state: EngineState, count: number): Promise<string> {
    const dir = path.join(state.dir, "project");
    mkdirSync(dir, { recursive: true });
    // The program resolves @pulumi/pulumi and @pulumi/aws from this package's node_modules.
    symlinkSync(path.resolve(__dirname, "..", "..", "node_modules"), path.join(dir, "node_modules"), "dir");
    writeFileSync(
        path.join(dir, "Pulumi.yaml"),
        `name: bench\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: ${path.relative(dir, path.resolve(__dirname, "stack-main.js"))}\n`,
    );
    writeFileSync(path.join(dir, "Pulumi.bench.yaml"), `config:\n  ${COUNT_KEY}: "${count}"\n  aws:region: us-east-1\n`);
    await pulumi(state, dir, ["stack", "init", "bench"]);
    return dir;
}
