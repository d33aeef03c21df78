/**
 * Shared set-up of the real-engine suites: the pinned `pulumi` CLI (pnpm engine:setup) with the
 * simulated cloud's provider plugins, a local file backend in a temp dir, and helpers to stage a
 * stack project and to run the plain CLI. A suite is skipped, with the reason printed, when no
 * engine has been built.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import {
    type EngineEnvironment,
    EngineUnavailableError,
    simulatedEngineEnvironment,
    type StackProject,
    stageWorkspace,
} from "@platform/automation";
import { LocalWorkspace, PulumiCommand, type Stack } from "@pulumi/pulumi/automation/index.js";
import { REPO_ROOT } from "../paths.js";

const run = promisify(execFile);

export interface EngineHarness {
    /** The engine environment (valid inside tests, after the suite's `before`). */
    readonly engine: EngineEnvironment;
    /** Creates (or selects) the stack in a staged workspace, so the plain CLI can run there. */
    stage(this: void, project: StackProject, env: string): Promise<{ stack: Stack; workDir: string }>;
    /** Runs the pinned CLI in a workspace; never rejects. */
    pulumi(this: void, workDir: string, args: string[]): Promise<{ code: number; output: string }>;
}

/**
 * Registers the suite's `before` / `after` hooks (call it inside `describe`): a temp state folder
 * as `PLATFORM_STATE_DIR` for the suite, the engine environment, and the Automation API's
 * `PulumiCommand` for the pinned CLI; skips the suite when the engine is not built.
 */
export function useSimulatedEngine(): EngineHarness {
    let state: string | undefined;
    let engine: EngineEnvironment | undefined;
    let pulumiCommand: PulumiCommand | undefined;
    const previousStateDir = process.env["PLATFORM_STATE_DIR"];

    before(async function () {
        state = mkdtempSync(path.join(tmpdir(), "platform-engine-test-"));
        process.env["PLATFORM_STATE_DIR"] = state;
        try {
            engine = simulatedEngineEnvironment(REPO_ROOT);
        } catch (err) {
            if (err instanceof EngineUnavailableError) {
                console.log(`    skipped: ${err.message}`);
                this.skip();
            }
            throw err;
        }
        pulumiCommand = await PulumiCommand.get({ root: path.dirname(path.dirname(engine.pulumi)), skipVersionCheck: true });
    });

    after(() => {
        if (previousStateDir === undefined) {
            delete process.env["PLATFORM_STATE_DIR"];
        } else {
            process.env["PLATFORM_STATE_DIR"] = previousStateDir;
        }
        if (state) {
            rmSync(state, { recursive: true, force: true });
        }
    });

    const ready = (): { engine: EngineEnvironment; pulumiCommand: PulumiCommand } => {
        if (engine === undefined || pulumiCommand === undefined) {
            throw new Error("the engine harness is used outside its suite's tests (before its before hook ran)");
        }
        return { engine, pulumiCommand };
    };

    return {
        get engine() {
            return ready().engine;
        },
        async stage(project, env) {
            const { engine: environment, pulumiCommand: command } = ready();
            const staged = stageWorkspace(REPO_ROOT, project, env, "rehearsal");
            const stack = await LocalWorkspace.createOrSelectStack(
                { stackName: env, workDir: staged.workDir },
                {
                    envVars: environment.env,
                    pulumiCommand: command,
                    projectSettings: staged.projectSettings,
                    stackSettings: staged.stackSettings,
                },
            );
            return { stack, workDir: staged.workDir };
        },
        async pulumi(workDir, args) {
            const { engine: environment } = ready();
            try {
                const { stdout, stderr } = await run(environment.pulumi, args, {
                    cwd: workDir,
                    env: environment.env,
                    maxBuffer: 64 * 1024 * 1024,
                });
                return { code: 0, output: stdout + stderr };
            } catch (err) {
                const e = err as { code?: number; stdout?: string; stderr?: string };
                return { code: typeof e.code === "number" ? e.code : 1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
            }
        },
    };
}
