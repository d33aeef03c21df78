/**
 * `platform cancel --env E`: removes the lock a run that no longer exists left on a stack, with
 * the engine's own `pulumi cancel` (for a file backend it deletes the stack's lock files). A lock
 * held by a run that is still going is left alone: cancelling it would let a second run write the
 * same state at the same time. Afterwards it says what is left to repair (pending operations).
 */
import { LocalWorkspace } from "@pulumi/pulumi/automation/index.js";
import { checkEnvironment } from "../workspace/environments.js";
import { discoverProjects, selectProjects, type StackProject } from "../workspace/projects.js";
import { backendDirectory, inspectStackState } from "./backend-state.js";
import { PLATFORM_REPOSITORY, simulatedEngineEnvironment } from "./environment.js";
import { launchedEngine } from "./launcher.js";
import { fixCommands, lockProblem, stackProblems, StackStateError } from "./stack-problems.js";
import type { StackOperationResult } from "./stack-run.js";
import { stageProject } from "./workspace.js";

export interface CancelOptions {
    readonly root: string;
    readonly env: string;
    /** A stack project, or `all`. */
    readonly stack: string;
    readonly progress: (line: string) => void;
    /** `--root` as the user typed it, repeated in the repair commands messages print. */
    readonly rootArgument?: string;
}

export async function cancelStacks(options: CancelOptions): Promise<StackOperationResult[]> {
    const env = checkEnvironment(options.env);
    const engine = simulatedEngineEnvironment(PLATFORM_REPOSITORY);
    const backend = backendDirectory(engine.backendUrl);
    const projects = selectProjects(discoverProjects(options.root), options.stack, env);
    const stateOf = (project: StackProject) => inspectStackState(backend, project.name, env);
    const fixOf = (project: StackProject) => fixCommands(env, project.name, options.rootArgument);

    const running = projects.flatMap((p) =>
        stateOf(p)
            .locks.filter((lock) => lock.running === true)
            .map((lock) => lockProblem(`${p.name}/${env}`, lock, fixOf(p))),
    );
    if (running.length > 0) {
        throw new StackStateError(running);
    }
    const launched = await launchedEngine(engine);
    const results: StackOperationResult[] = [];
    for (const project of projects) {
        const name = `${project.name}/${env}`;
        const locks = stateOf(project).locks;
        if (locks.length === 0) {
            results.push({ project: project.name, stack: env, status: "ok", summary: "not locked; nothing to cancel", details: [] });
            continue;
        }
        const { workDir, projectSettings } = stageProject(PLATFORM_REPOSITORY, project);
        const stack = await LocalWorkspace.selectStack(
            { stackName: env, workDir },
            { envVars: launched.env, pulumiCommand: launched.command, projectSettings },
        );
        options.progress(`==> ${name}: pulumi cancel (removes the stale lock)`);
        await stack.cancel();
        const after = stateOf(project);
        const remaining = stackProblems(after, fixOf(project));
        results.push({
            project: project.name,
            stack: env,
            status: after.locks.length === 0 ? "ok" : "failed",
            summary:
                after.locks.length === 0
                    ? `removed ${locks.length === 1 ? "the stale lock" : `${locks.length} stale locks`} left by ${locks.map((l) => `pid ${l.pid ?? "unknown"} (${l.username}@${l.hostname}, since ${l.timestamp})`).join(", ")}`
                    : `pulumi cancel left ${after.locks.length} lock files in place`,
            details: remaining.length > 0 ? ["next:", ...remaining.map((p) => `    ${p.message}`)] : [],
        });
    }
    return results;
}
