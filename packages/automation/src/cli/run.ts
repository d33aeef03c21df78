/** The `platform` command: parses arguments, runs synth, prints, and returns the exit code. */
import { ConfigValidationError } from "@platform/core";
import * as pulumi from "@pulumi/pulumi";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { EngineUnavailableError } from "../engine/environment.js";
import { runDeployment } from "../engine/deploy.js";
import { buildReport, renderText } from "../synth/report.js";
import { synthesizeEnvironment } from "../synth/synthesize-environment.js";
import { UsageError } from "../workspace/errors.js";
import { parseArgs, USAGE } from "./args.js";

export const EXIT = { ok: 0, violations: 1, usage: 2, failure: 3 } as const;

export interface Io {
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
    readonly cwd: string;
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

export async function runCli(argv: readonly string[], io: Io): Promise<number> {
    try {
        const command = parseArgs(argv);
        if (command.command === "help") {
            io.stdout(USAGE);
            return EXIT.ok;
        }
        const root = command.root ? path.resolve(io.cwd, command.root) : findRepositoryRoot(io.cwd);
        if (root === undefined) {
            throw new UsageError(`no repository root (Pulumi.yaml + pnpm-workspace.yaml) at or above ${io.cwd}; pass --root <dir>`);
        }
        if (command.command !== "synth") {
            const results = await runDeployment({
                root,
                env: command.env,
                operation: command.command,
                stack: command.stack,
                simulate: command.simulate,
                progress: io.stdout,
            });
            for (const r of results) {
                io.stdout(`${r.ok ? "ok    " : "FAILED"} ${r.project}/${r.stack}: ${r.summary}`);
            }
            return results.every((r) => r.ok) ? EXIT.ok : EXIT.violations;
        }
        const result = await synthesizeEnvironment({ root, env: command.env, stack: command.stack });
        const report = buildReport(result);
        io.stdout(command.json ? JSON.stringify(report, null, 2) : renderText(result));
        return report.summary.mandatoryViolations > 0 ? EXIT.violations : EXIT.ok;
    } catch (err) {
        if (isUserError(err)) {
            io.stderr(`platform: ${err.message}`);
            return EXIT.usage;
        }
        io.stderr(`platform: synthesis failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        return EXIT.failure;
    }
}
