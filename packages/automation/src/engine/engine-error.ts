/**
 * The engine's own account of a failed command. The Automation API wraps a failed `pulumi` run
 * twice (its exec helper catches its own CommandError), so `err.message` starts with
 * `code: -2 ... Command failed with exit code 1` and the real exit code and stderr sit on the
 * inner execa error. This digs them out, whole: nothing is cut to a few lines.
 */
import { CommandError, ConcurrentUpdateError } from "@pulumi/pulumi/automation/index.js";

export interface EngineFailure {
    /** The pulumi process's exit code, when it exited. */
    readonly exitCode: number | undefined;
    /** The signal that ended it, when one did. */
    readonly signal: string | undefined;
    /** Everything the engine wrote on stderr (trimmed). */
    readonly stderr: string;
    /** True when the backend refused the stack because of another lock. */
    readonly locked: boolean;
}

interface ExecaLike {
    readonly stderr?: unknown;
    readonly exitCode?: unknown;
    readonly signal?: unknown;
}

function isExecaLike(value: unknown): value is ExecaLike {
    return typeof value === "object" && value !== null && "stderr" in value;
}

/** The engine's exit code, signal and stderr behind an Automation API error (any other error: its message). */
export function engineFailure(err: unknown): EngineFailure {
    if (err instanceof CommandError) {
        // commandResult is private in the SDK's typings, and public at run time.
        const result = (err as unknown as { commandResult?: { stderr?: unknown; code?: unknown; err?: unknown } }).commandResult;
        const inner = result?.err;
        const source: ExecaLike = isExecaLike(inner) ? inner : { stderr: result?.stderr, exitCode: result?.code };
        const stderr = typeof source.stderr === "string" ? source.stderr.trim() : "";
        return {
            exitCode: typeof source.exitCode === "number" && source.exitCode >= 0 ? source.exitCode : undefined,
            signal: typeof source.signal === "string" ? source.signal : undefined,
            stderr,
            locked: err instanceof ConcurrentUpdateError || stderr.includes("the stack is currently locked by"),
        };
    }
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    return { exitCode: undefined, signal: undefined, stderr: message, locked: false };
}

/**
 * A one-line headline: how the engine ended, then the first `error:` line of its stderr, else the
 * first line of its first error diagnostic (a program's exception reaches only its diagnostics),
 * else the first line of its stderr.
 */
export function headline(failure: EngineFailure, errorDiagnostics: readonly string[] = []): string {
    const lines = failure.stderr.split("\n").map((l) => l.trim());
    const error = lines.find((l) => l.startsWith("error:"))?.replace(/^error:\s*/, "");
    const diagnostic = errorDiagnostics.map((d) => d.split("\n")[0].trim()).find((l) => l !== "");
    const how =
        failure.signal !== undefined
            ? `the engine was stopped by ${failure.signal}`
            : `the engine exited with code ${failure.exitCode ?? "unknown"}`;
    return `${how}: ${error ?? diagnostic ?? lines.find((l) => l !== "") ?? "(no message)"}`;
}
