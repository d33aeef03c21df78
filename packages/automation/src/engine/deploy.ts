/**
 * `platform preview|up|destroy|refresh|drift`: drives the real engine through the Automation API, one
 * stack project after another in the layer registry's order (destroy in reverse). With
 * `simulate`, the engine is the pinned CLI and the cloud is the simulated one, with a local file
 * backend: a full rehearsal, offline.
 *
 * Before the engine starts, every selected stack's backend state is read (a lock, a corrupted
 * checkpoint, pending operations: each stops the run with the exact repair command) and, for
 * preview and up, its config is validated as synth validates it.
 */
import * as path from "node:path";
import { LocalWorkspace, type LocalWorkspaceOptions, type Stack, StackAlreadyExistsError } from "@pulumi/pulumi/automation/index.js";
import { checkEnvironment } from "../workspace/environments.js";
import { discoverProjects, selectProjects, type StackProject } from "../workspace/projects.js";
import { backendDirectory, inspectStackState } from "./backend-state.js";
import { cancelReason } from "./cancellation.js";
import { checkStackConfig } from "./config-check.js";
import { PLATFORM_REPOSITORY, realEngineEnvironment, simulatedEngineEnvironment } from "./environment.js";
import { launchedEngine } from "./launcher.js";
import { leftoversOf } from "./leftovers.js";
import { checkDestroyConfirmation } from "./production-guard.js";
import { type DeploymentProgress, plainProgress } from "./progress.js";
import { blockingProblems, fixCommands, type StackProblem, stackProblems, StackStateError } from "./stack-problems.js";
import { type EngineOperation, runStackOperation, type StackOperationResult } from "./stack-run.js";
import { stageWorkspace } from "./workspace.js";

export { ENGINE_OPERATIONS, type EngineOperation, type StackOperationResult, type StackStatus } from "./stack-run.js";

/**
 * The policy packs every preview and update runs with: the aws, gcp, platform and kubernetes packs
 * this package depends on (the same ones synth evaluates), wherever --root points.
 */
export function policyPackDirs(): string[] {
    return ["@platform/policy-aws", "@platform/policy-gcp", "@platform/policy-platform", "@platform/policy-kubernetes"].map((pack) =>
        path.dirname(require.resolve(`${pack}/package.json`)),
    );
}

export interface DeploymentOptions {
    readonly root: string;
    readonly env: string;
    readonly operation: EngineOperation;
    /** A stack project, or `all` for every layer stack with config for the environment. */
    readonly stack: string;
    /** Run against the simulated cloud with the pinned engine. Real clouds are not driven from here yet. */
    readonly simulate: boolean;
    /** Progress and engine output, line by line (stdout), when no {@link DeploymentOptions.display} is given. */
    readonly progress: (line: string) => void;
    /** Shows the stacks' progress (the CLI's task list or plain lines). @default plainProgress(progress): today's lines */
    readonly display?: DeploymentProgress;
    /** Warnings, line by line (stderr). @default progress */
    readonly warn?: (line: string) => void;
    /** Aborting it cancels the engine cleanly (its reason: a {@link CancelReason}). */
    readonly signal?: AbortSignal;
    /** destroy: the environment named again, required for prod and dr. */
    readonly confirmProduction?: string;
    /** refresh: drop creates an interrupted run left pending. */
    readonly clearPendingCreates?: boolean;
    /** `--root` as the user typed it, repeated in the repair commands messages print. */
    readonly rootArgument?: string;
    /** Variables over this process's environment for the engine (e.g. another PLATFORM_STATE_DIR). */
    readonly environment?: Readonly<Record<string, string>>;
    /** Variables for one stack's engine run only (render mode's per-project folder). */
    readonly stackEnvironment?: (project: StackProject) => Readonly<Record<string, string>>;
}

/**
 * The stack, created when the file backend has no checkpoint for it (`absent`): createOrSelect
 * would first run a `pulumi stack select` that can only fail, one engine start (0.2 s idle, seconds
 * on a loaded machine) per new stack. Created meanwhile by another run: selected.
 */
async function openStack(
    args: { readonly stackName: string; readonly workDir: string },
    workspace: LocalWorkspaceOptions,
    absent: boolean,
): Promise<Stack> {
    if (!absent) {
        return LocalWorkspace.createOrSelectStack({ ...args }, workspace);
    }
    try {
        return await LocalWorkspace.createStack({ ...args }, workspace);
    } catch (err) {
        if (err instanceof StackAlreadyExistsError) {
            return LocalWorkspace.selectStack({ ...args }, workspace);
        }
        throw err;
    }
}

function notStarted(project: StackProject, env: string): StackOperationResult {
    return { project: project.name, stack: env, status: "not-started", summary: "not started", details: [] };
}

export async function runDeployment(options: DeploymentOptions): Promise<StackOperationResult[]> {
    const env = checkEnvironment(options.env);
    const { operation, root } = options;
    const warn = options.warn ?? options.progress;
    if (operation === "destroy") {
        checkDestroyConfirmation(env, options.confirmProduction, options.stack === "all" ? "" : ` --stack ${options.stack}`);
    }
    const base = { ...process.env, ...options.environment };
    const engine = options.simulate
        ? simulatedEngineEnvironment(PLATFORM_REPOSITORY, base)
        : realEngineEnvironment(PLATFORM_REPOSITORY, base);
    const selected = selectProjects(discoverProjects(root), options.stack, env);
    // selectProjects returns the registry's deployment order; destroy takes dependents down first.
    const projects = operation === "destroy" ? [...selected].reverse() : selected;
    // Locks and pending operations are read from a file backend; other backends report them through the engine.
    const backend = engine.backendUrl.startsWith("file://") ? backendDirectory(engine.backendUrl) : undefined;
    const problemsOf = (project: StackProject): StackProblem[] =>
        backend === undefined
            ? []
            : stackProblems(inspectStackState(backend, project.name, env), fixCommands(env, project.name, options.rootArgument));

    const problems = projects.flatMap(problemsOf);
    const blocking = blockingProblems(problems, operation);
    if (blocking.length > 0) {
        throw new StackStateError(blocking);
    }
    if (!(operation === "refresh" && options.clearPendingCreates === true)) {
        problems.forEach((p) => warn(`warning: ${p.message}`));
    }
    // `pulumi version` (launchedEngine) runs while the programs run offline: it starts no stack
    // operation, and a config error still stops everything before the engine touches a stack.
    const launching = launchedEngine(engine);
    launching.catch(() => undefined);
    if (operation === "preview" || operation === "up") {
        await checkStackConfig(root, selected, env);
    }
    const launched = await launching;
    const display = options.display ?? plainProgress(options.progress);
    display.planned(projects.map((p) => `${p.name}/${env}`));
    const results: StackOperationResult[] = [];
    for (const [index, project] of projects.entries()) {
        const name = `${project.name}/${env}`;
        // Locks can appear while earlier stacks run; a cancel can come at any time.
        const blockingNow = blockingProblems(problemsOf(project), operation);
        if (cancelReason(options.signal) !== undefined || blockingNow.length > 0) {
            if (blockingNow.length > 0) {
                const blocked: StackOperationResult = {
                    project: project.name,
                    stack: env,
                    status: "failed",
                    summary: blockingNow[0].message,
                    details: blockingNow.slice(1).map((p) => p.message),
                };
                results.push(blocked);
                display.finished(name, blocked, 0);
            }
            results.push(...projects.slice(index + (blockingNow.length > 0 ? 1 : 0)).map((p) => notStarted(p, env)));
            break;
        }
        const staged = stageWorkspace(PLATFORM_REPOSITORY, project, env);
        const startedAt = performance.now();
        display.started(
            name,
            `pulumi ${operation === "drift" ? "refresh --preview-only" : operation} ${options.simulate ? `(simulated cloud, rehearsal only: nothing is created in AWS or GCP; state in ${engine.backendUrl})` : `(REAL CLOUD: credentials from the environment; state in ${engine.backendUrl})`}`,
        );
        const stack = await openStack(
            { stackName: env, workDir: staged.workDir },
            {
                envVars: { ...launched.env, ...options.stackEnvironment?.(project) },
                pulumiCommand: launched.command,
                projectSettings: staged.projectSettings,
                stackSettings: staged.stackSettings,
            },
            backend !== undefined && inspectStackState(backend, project.name, env).checkpoint.status === "absent",
        );
        const outcome = await runStackOperation({
            operation,
            stack,
            policyPacks: operation === "preview" || operation === "up" ? policyPackDirs() : [],
            signal: options.signal,
            clearPendingCreates: options.clearPendingCreates,
            progress: (line) => display.output(name, line),
        });
        let summary = outcome.summary;
        let details = [...outcome.details];
        const after = problemsOf(project);
        if (outcome.failure?.locked === true) {
            // Another run took the lock between our check and the engine's: say who, as the check would have.
            const lock = after.find((p) => p.kind === "running-lock" || p.kind === "foreign-lock" || p.kind === "stale-lock");
            summary = lock?.message ?? summary;
            details = lock === undefined ? details : [];
        } else if (outcome.status === "ok" && operation === "destroy") {
            details.push(...(await leftoversOf(name, stack)));
        } else if (outcome.status === "cancelled" || outcome.status === "failed") {
            // What the run left behind, with the repair command, or that it left nothing.
            details.push(
                ...(after.length > 0 ? after.map((p) => p.message) : [`${name}: the stack is unlocked and has no pending operations`]),
            );
        } else if (operation === "refresh") {
            details.push(...after.filter((p) => p.kind === "pending-operations").map((p) => p.message));
        }
        const result: StackOperationResult = {
            project: project.name,
            stack: env,
            status: outcome.status,
            summary,
            details,
            violations: outcome.violations,
            ...(outcome.changes === undefined ? {} : { changes: outcome.changes }),
            ...(outcome.drift === undefined ? {} : { drift: outcome.drift }),
        };
        results.push(result);
        display.finished(name, result, performance.now() - startedAt);
        if (outcome.status !== "ok") {
            results.push(...projects.slice(index + 1).map((p) => notStarted(p, env)));
            break;
        }
    }
    return results;
}
