/**
 * `platform preview|up|destroy|refresh|drift`: drives the real engine through the Automation API over
 * the layer registry's graph: a layer starts once the layers it depends on have succeeded, up to
 * `parallel` at once (destroy in reverse: once the layers depending on it are destroyed), and a
 * layer whose dependency did not succeed is skipped while the others run on (schedule.ts). With
 * `simulate`, the engine is the pinned CLI and the cloud is the simulated one, with a local file
 * backend: a full rehearsal, offline.
 *
 * Before the engine starts, every selected stack's backend state is read (a lock, a corrupted
 * checkpoint, pending operations: each stops the run with the exact repair command) and, for
 * preview and up, its config is validated as synth validates it; its cloud then picks the policy
 * packs its preview or up runs with (policy-packs.ts).
 */
import * as path from "node:path";
import { checkEnvironment } from "../workspace/environments.js";
import type { LayerName } from "../workspace/layers.js";
import { discoverProjects, projectGraph, selectProjects, type StackProject } from "../workspace/projects.js";
import { backendDirectory, inspectStackState } from "./backend-state.js";
import { cancelReason } from "./cancellation.js";
import { checkStackConfig } from "./config-check.js";
import { dryRunEnvironment } from "./dry-run.js";
import { PLATFORM_REPOSITORY, realEngineEnvironment, simulatedEngineEnvironment } from "./environment.js";
import { launchedEngine } from "./launcher.js";
import { leftoversOf } from "./leftovers.js";
import { attachedPolicyPacks } from "./policy-packs.js";
import { type KnownStack, openStack } from "./open-stack.js";
import { checkDestroyConfirmation } from "./production-guard.js";
import { type DeploymentProgress, plainProgress } from "./progress.js";
import { blockingProblems, fixCommands, type StackProblem, stackProblems, StackStateError } from "./stack-problems.js";
import { type Direction, runScheduled } from "./schedule.js";
import { type EngineOperation, runStackOperation, type StackOperationResult, type StackStatus } from "./stack-run.js";
import { missingDataKeyWarning, placeholderWarning } from "./stack-secrets.js";
import { readStagedStackFile, stageWorkspace } from "./workspace.js";

export { ENGINE_OPERATIONS, type EngineOperation, type StackOperationResult, type StackStatus } from "./stack-run.js";

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
    /**
     * The most layers whose engines run at once (each is a pulumi engine with its language host
     * and, for preview and up, four policy pack processes). 1 runs them one after another in the
     * registry's order. @default {@link DEFAULT_PARALLEL_LAYERS}
     */
    readonly parallel?: number;
    /**
     * The layers a layer depends on. @default the registry's (`dependenciesOf`, workspace/layers.ts); the
     * real-engine tests give a fixture's layers another graph to run them at once.
     */
    readonly dependencies?: (layer: LayerName) => readonly LayerName[];
}

/**
 * Layers run at once unless `--parallel` says otherwise: 2, because a layer's engine, language
 * host and policy packs already keep about a core busy, and the machines this runs on (CI runners,
 * this repository's 2-core build machine) have few.
 */
export const DEFAULT_PARALLEL_LAYERS = 2;

function notStarted(project: StackProject, env: string): StackOperationResult {
    return { project: project.name, stack: env, status: "not-started", summary: "not started", details: [] };
}

/** How a blocker's status reads after "which" (forward) or "and" (destroy). */
const BLOCKED_BY: Readonly<Record<StackStatus, string>> = {
    ok: "succeeded",
    violations: "stopped on mandatory policy violations",
    failed: "failed",
    cancelled: "was cancelled",
    skipped: "was skipped",
    "not-started": "did not start",
};

/**
 * A layer not run because what it needs did not end well: `skipped: needs cluster/dev, which
 * failed`; for destroy, the layers depending on it: `skipped: data/dev depends on it and failed`.
 */
export function skippedResult(
    project: string,
    env: string,
    blockers: readonly StackOperationResult[],
    direction: Direction,
): StackOperationResult {
    const reasons = blockers.map((b) =>
        direction === "forward"
            ? `${b.project}/${b.stack}, which ${BLOCKED_BY[b.status]}`
            : `${b.project}/${b.stack} depends on it and ${BLOCKED_BY[b.status]}`,
    );
    const summary = direction === "forward" ? `skipped: needs ${reasons.join("; ")}` : `skipped: ${reasons.join("; ")}`;
    return { project, stack: env, status: "skipped", summary, details: [] };
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

    const knownStack = (project: StackProject): KnownStack => {
        if (backend === undefined) {
            return "unknown";
        }
        const status = inspectStackState(backend, project.name, env).checkpoint.status;
        return status === "ok" ? "present" : status === "absent" ? "absent" : "unknown";
    };

    const problems = projects.flatMap(problemsOf);
    const blocking = blockingProblems(problems, operation);
    if (blocking.length > 0) {
        throw new StackStateError(blocking);
    }
    if (!(operation === "refresh" && options.clearPendingCreates === true)) {
        problems.forEach((p) => warn(`warning: ${p.message}`));
    }
    // The layers share one stack file: what is wrong with it is said once.
    const warned = new Set<string>();
    const warnOnce = (message: string | undefined): void => {
        if (message !== undefined && !warned.has(message)) {
            warned.add(message);
            warn(`warning: ${message}`);
        }
    };
    // Staged before any engine starts: a bad secrets setting in a stack file stops the run here (exit 2).
    const stagedByName = new Map(
        projects.map((p) => [p.name, stageWorkspace(PLATFORM_REPOSITORY, p, env, options.simulate ? "rehearsal" : "real")]),
    );
    stagedByName.forEach((staged) => warnOnce(placeholderWarning(staged.stackFile, staged.placeholders)));
    // `pulumi version` (launchedEngine) runs while the programs run offline: it starts no stack
    // operation, and a config error still stops everything before the engine touches a stack.
    const launching = launchedEngine(engine);
    launching.catch(() => undefined);
    // Each layer's cloud chooses its policy packs (preview and up only: the others run none).
    const clouds = operation === "preview" || operation === "up" ? await checkStackConfig(root, selected, env) : undefined;
    const launched = await launching;
    const display = options.display ?? plainProgress(options.progress);
    display.planned(projects.map((p) => `${p.name}/${env}`));

    const runOne = async (project: StackProject): Promise<StackOperationResult> => {
        const name = `${project.name}/${env}`;
        // Locks can appear while earlier stacks run.
        const blockingNow = blockingProblems(problemsOf(project), operation);
        if (blockingNow.length > 0) {
            const blocked: StackOperationResult = {
                project: project.name,
                stack: env,
                status: "failed",
                summary: blockingNow[0].message,
                details: blockingNow.slice(1).map((p) => p.message),
            };
            display.finished(name, blocked, 0);
            return blocked;
        }
        const staged = stagedByName.get(project.name)!;
        const startedAt = performance.now();
        display.started(
            name,
            `pulumi ${operation === "drift" ? "refresh --preview-only" : operation} ${options.simulate ? `(simulated cloud, rehearsal only: nothing is created in AWS or GCP; state in ${engine.backendUrl})` : `(REAL CLOUD: credentials from the environment; state in ${engine.backendUrl})`}`,
        );
        const stack = await openStack(
            { stackName: env, workDir: staged.workDir },
            {
                envVars: { ...launched.env, ...dryRunEnvironment(operation), ...options.stackEnvironment?.(project) },
                pulumiCommand: launched.command,
                projectSettings: staged.projectSettings,
                stackSettings: staged.stackSettings,
                ...(staged.secretsProvider === undefined ? {} : { secretsProvider: staged.secretsProvider }),
            },
            knownStack(project),
        );
        const outcome = await runStackOperation({
            operation,
            stack,
            policyPacks:
                clouds === undefined
                    ? { packs: [], configs: [] }
                    : attachedPolicyPacks(clouds.get(project.name), path.join(staged.workDir, "policy-pack-config")),
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
        if (!options.simulate) {
            warnOnce(missingDataKeyWarning(staged.stackFile, readStagedStackFile(staged.workDir, env)));
        }
        const durationMs = Math.round(performance.now() - startedAt);
        const result: StackOperationResult = {
            project: project.name,
            stack: env,
            status: outcome.status,
            summary,
            details,
            violations: outcome.violations,
            ...(outcome.changes === undefined ? {} : { changes: outcome.changes }),
            ...(outcome.drift === undefined ? {} : { drift: outcome.drift }),
            durationMs,
        };
        display.finished(name, result, durationMs);
        return result;
    };

    const direction = operation === "destroy" ? "reverse" : "forward";
    const byName = new Map(projects.map((p) => [p.name, p]));
    const results = new Map<string, StackOperationResult>();
    const scheduled = await runScheduled({
        nodes: projectGraph(selected, options.dependencies),
        direction,
        parallel: options.parallel ?? DEFAULT_PARALLEL_LAYERS,
        run: async (name) => {
            const result = await runOne(byName.get(name)!);
            results.set(name, result);
            return result;
        },
        succeeded: (result) => result.status === "ok",
        // A cancel can come at any time: nothing starts after it.
        mayStart: () => cancelReason(options.signal) === undefined,
        onSkipped: (name, blockers) => {
            const result = skippedResult(
                name,
                env,
                blockers.map((b) => results.get(b)!),
                direction,
            );
            results.set(name, result);
            display.finished(`${name}/${env}`, result, 0);
        },
    });
    for (const { name, outcome } of scheduled) {
        if (outcome.kind === "not-started") {
            results.set(name, notStarted(byName.get(name)!, env));
        }
    }
    // Listed in the order they were planned (the registry's; reversed for destroy), whatever order they ended in.
    return projects.map((p) => results.get(p.name)!);
}
