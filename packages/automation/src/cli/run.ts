/**
 * The `platform` command: parses arguments, runs the command, prints, and returns the exit code.
 * What only synth, export and render need (the offline runner, the cloud SDKs, the policy packs
 * in-process) is imported by those commands: an engine command starts without it (0.2 s less
 * before the first engine starts).
 */
import { ConfigValidationError } from "@platform/core/config";
import * as pulumi from "@pulumi/pulumi";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { cancelStacks } from "../engine/cancel.js";
import { CANCEL_EXIT_CODES, cancelReason } from "../engine/cancellation.js";
import { runDeployment, type StackOperationResult, type StackStatus } from "../engine/deploy.js";
import { EngineUnavailableError, stateDir } from "../engine/environment.js";
import { readStackOutputs } from "../engine/outputs.js";
import { StackStateError } from "../engine/stack-problems.js";
import { MissingTerraformTypeError } from "../export/terraform-types.js";
import { UsageError } from "../workspace/errors.js";
import { discoverProjects, projectOfLayer } from "../workspace/projects.js";
import { parseArgs, type RunCommand, USAGE } from "./args.js";
import { plainDisplay, type ProgressDisplay } from "./progress/display.js";
import { progressMode } from "./progress/mode.js";
import { markdownSummary, type ReportedCommand, resultDocument } from "./result-report.js";

/**
 * Exit codes: 0 ok, 1 mandatory policy violations, 2 usage or config error, 3 engine or internal
 * failure, 4 drift found (platform drift). A cancelled run exits 128 + the signal number (130
 * SIGINT, 143 SIGTERM, 141 a closed stdout).
 */
export const EXIT = { ok: 0, violations: 1, usage: 2, failure: 3, drift: 4 } as const;

export interface Io {
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
    readonly cwd: string;
    /** Aborted (with a CancelReason) to cancel a running engine command cleanly. */
    readonly signal?: AbortSignal;
    /** Receives the markdown summary of preview, up and drift (CI: appended to $GITHUB_STEP_SUMMARY). */
    readonly stepSummary?: (markdown: string) => void;
    /** stdout, when it is a terminal: the engine commands draw their task list there. @default none: plain lines */
    readonly terminal?: NodeJS.WriteStream;
    /** Running in CI (the `CI` variable, progress/mode.ts): plain lines even on a terminal. @default false */
    readonly ci?: boolean;
}

/** The nearest directory at or above `start` that holds both Pulumi.yaml and pnpm-workspace.yaml. */
export function findRepositoryRoot(start: string): string | undefined {
    let dir = path.resolve(start);
    for (;;) {
        if (existsSync(path.join(dir, "Pulumi.yaml")) && existsSync(path.join(dir, "pnpm-workspace.yaml"))) {
            return dir;
        }
        const parent = path.dirname(dir);
        if (parent === dir) {
            return undefined;
        }
        dir = parent;
    }
}

function isUserError(err: unknown): err is Error {
    return (
        err instanceof UsageError ||
        err instanceof ConfigValidationError ||
        err instanceof pulumi.ResourceError ||
        err instanceof EngineUnavailableError
    );
}

const LABELS: Readonly<Record<StackStatus, string>> = {
    ok: "ok",
    violations: "POLICY",
    failed: "FAILED",
    cancelled: "CANCELLED",
    skipped: "SKIPPED",
    "not-started": "NOT RUN",
};

/**
 * Prints one line per stack (and its details): stdout when it went well, stderr otherwise; all of
 * it on stderr with --json, where stdout holds only the JSON document.
 */
function printResults(results: readonly StackOperationResult[], io: Io, json = false): void {
    for (const r of results) {
        const print = r.status === "ok" && !json ? io.stdout : io.stderr;
        print(`${LABELS[r.status].padEnd(9)} ${r.project}/${r.stack}: ${r.summary}`);
        r.details.forEach((line) => print(line));
    }
}

/** The exit code of an engine command's results: a cancel, then a failure, then violations, then drift. */
export function engineExitCode(results: readonly StackOperationResult[], signal: AbortSignal | undefined): number {
    const reason = cancelReason(signal);
    if (reason !== undefined && results.some((r) => r.status === "cancelled" || r.status === "not-started")) {
        return CANCEL_EXIT_CODES[reason];
    }
    if (results.some((r) => r.status === "failed" || r.status === "cancelled")) {
        return EXIT.failure;
    }
    if (results.some((r) => r.status === "violations")) {
        return EXIT.violations;
    }
    return results.some((r) => (r.drift?.length ?? 0) > 0) ? EXIT.drift : EXIT.ok;
}

/** The task list on a terminal outside CI without --plain or --json; plain lines otherwise. */
async function progressDisplay(command: RunCommand, io: Io, write: (line: string) => void): Promise<ProgressDisplay> {
    const mode = progressMode({ stdoutIsTTY: io.terminal !== undefined, ci: io.ci ?? false, plain: command.plain, json: command.json });
    if (mode === "plain" || io.terminal === undefined) {
        return plainDisplay(write);
    }
    // Loaded only here: plain runs (CI, --json, pipes) never load listr2.
    const { taskListProgress } = await import("./progress/task-list.js");
    return taskListProgress({ stdout: io.terminal });
}

async function runEngineCommand(command: RunCommand, root: string, io: Io): Promise<number> {
    if (command.command === "outputs") {
        const results = await readStackOutputs({ root, env: command.env, stack: command.stack, simulate: command.simulate });
        if (command.json) {
            io.stdout(JSON.stringify({ env: command.env, stacks: results }, null, 2));
        } else {
            for (const r of results) {
                io.stdout(`${r.project}/${r.stack}:${r.deployed ? "" : " not deployed"}`);
                Object.entries(r.outputs).forEach(([key, value]) => io.stdout(`  ${key}: ${JSON.stringify(value)}`));
            }
        }
        const missing = results.filter((r) => !r.deployed);
        missing.forEach((r) =>
            io.stderr(
                `platform: ${r.project}/${r.stack} is not in the backend. Fix: platform up --env ${command.env} --stack ${r.project}`,
            ),
        );
        return missing.length === 0 ? EXIT.ok : EXIT.failure;
    }
    if (command.command === "cancel") {
        const results = await cancelStacks({
            root,
            env: command.env,
            stack: command.stack,
            progress: io.stdout,
            rootArgument: command.root,
        });
        printResults(results, io);
        return results.every((r) => r.status === "ok") ? EXIT.ok : EXIT.failure;
    }
    if (command.command === "synth" || command.command === "export") {
        throw new Error(`${command.command} is not an engine command`);
    }
    if (command.command === "render") {
        const out = command.out ? path.resolve(io.cwd, command.out) : path.join(stateDir(root), "rendered", command.env);
        const { renderEnvironment } = await import("../engine/render.js");
        const rendered = await renderEnvironment({
            root,
            env: command.env,
            stack: command.stack,
            out,
            progress: io.stdout,
            warn: io.stderr,
            signal: io.signal,
            rootArgument: command.root,
        });
        printResults(rendered.results, io);
        io.stdout(`rendered ${rendered.files.length} Kubernetes manifests into ${out} (Helm releases are not rendered: docs/addons.md)`);
        return engineExitCode(rendered.results, io.signal);
    }
    // With --json, stdout carries the JSON document only: the engine's output goes to stderr.
    const progress = command.json ? io.stderr : io.stdout;
    const display = await progressDisplay(command, io, progress);
    let results: StackOperationResult[];
    try {
        results = await runDeployment({
            root,
            env: command.env,
            operation: command.command,
            stack: command.stack,
            simulate: command.simulate,
            progress,
            display,
            warn: io.stderr,
            signal: io.signal,
            confirmProduction: command.confirmProduction,
            clearPendingCreates: command.clearPendingCreates,
            rootArgument: command.root,
            parallel: command.parallel,
        });
    } finally {
        await display.close();
    }
    printResults(results, io, command.json);
    const code = engineExitCode(results, io.signal);
    if (isReported(command.command)) {
        io.stepSummary?.(markdownSummary(command.command, command.env, results, code));
        if (command.json) {
            io.stdout(JSON.stringify(resultDocument(command.command, command.env, results, code), null, 2));
        }
    }
    return code;
}

function isReported(command: string): command is ReportedCommand {
    return command === "preview" || command === "up" || command === "drift";
}

export async function runCli(argv: readonly string[], io: Io): Promise<number> {
    try {
        const parsed = parseArgs(argv);
        if (parsed.command === "help") {
            io.stdout(USAGE);
            return EXIT.ok;
        }
        const root = parsed.root ? path.resolve(io.cwd, parsed.root) : findRepositoryRoot(io.cwd);
        if (root === undefined) {
            throw new UsageError(
                `no repository root (Pulumi.yaml + pnpm-workspace.yaml) at or above ${io.cwd}. Fix: run from the repository or pass --root <dir>`,
            );
        }
        // --layer names a layer of the registry: the stack project that holds it (platform: platform-addons).
        const command: RunCommand =
            parsed.layer !== undefined ? { ...parsed, stack: projectOfLayer(discoverProjects(root), parsed.layer) } : parsed;
        if (command.command === "export") {
            const out = command.out ? path.resolve(io.cwd, command.out) : path.join(stateDir(root), "export", command.env);
            const { exportEnvironment } = await import("../export/export-environment.js");
            const exported = await exportEnvironment({ root, env: command.env, stack: command.stack, out });
            for (const e of exported) {
                io.stdout(
                    `${e.project}: ${path.relative(io.cwd, e.planFile)} (${e.planResources} resources), ${e.manifestFiles.length} Kubernetes manifests`,
                );
            }
            io.stdout(`exported ${exported.length} stacks of ${command.env} into ${out}`);
            return EXIT.ok;
        }
        if (command.command !== "synth") {
            return await runEngineCommand(command, root, io);
        }
        const [{ synthesizeEnvironment }, { buildReport, renderText }] = await Promise.all([
            import("../synth/synthesize-environment.js"),
            import("../synth/report.js"),
        ]);
        const result = await synthesizeEnvironment({ root, env: command.env, stack: command.stack });
        const report = buildReport(result);
        io.stdout(command.json ? JSON.stringify(report, null, 2) : renderText(result));
        return report.summary.mandatoryViolations > 0 ? EXIT.violations : EXIT.ok;
    } catch (err) {
        if (isUserError(err)) {
            io.stderr(`platform: ${err.message}`);
            return EXIT.usage;
        }
        if (err instanceof MissingTerraformTypeError) {
            io.stderr(`platform: ${err.message}`);
            return EXIT.failure;
        }
        if (err instanceof StackStateError) {
            err.problems.forEach((p) => io.stderr(`platform: ${p.message}`));
            return EXIT.failure;
        }
        io.stderr(
            `platform: internal failure (a bug: please report it): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
        );
        return EXIT.failure;
    }
}
