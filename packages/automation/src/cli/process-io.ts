/**
 * The `platform` process's side of {@link Io}: stdout and stderr that survive a closed pipe, and
 * SIGINT / SIGTERM turned into a clean cancel of the running engine command.
 *
 * - A reader that goes away (`platform synth --json | head -1`) makes writes fail with EPIPE. Node
 *   reports that as an 'error' event, unhandled by default: a stack trace and exit 1, which would
 *   read as "policy violation". Here the output is dropped quietly and the command still returns
 *   its own exit code; an engine command is cancelled cleanly (there is nobody left to watch it).
 * - The first SIGINT or SIGTERM aborts the command's AbortController; the Automation API forwards
 *   it to the engine as one SIGINT, and the engine finishes what is in flight, writes its
 *   checkpoint and unlocks the stack. Later signals only say that the cancel is under way: a
 *   second SIGINT to the engine would make it stop at once and leave a lock.
 */
import { appendFileSync } from "node:fs";
import type { CancelReason } from "../engine/cancellation.js";
import { isCi } from "./progress/mode.js";
import type { Io } from "./run.js";

export interface ProcessIoOptions {
    readonly cwd: string;
    /** Install the signal handlers (only engine commands can be cancelled; others keep Node's default). */
    readonly cancellable: boolean;
    /** Named in the message shown while a cancel is under way. */
    readonly env?: string;
    /** GitHub Actions' job summary file ($GITHUB_STEP_SUMMARY): preview, up and drift append their markdown summary. */
    readonly stepSummaryFile?: string;
}

type Stream = Pick<NodeJS.WriteStream, "write" | "on">;

/** A line writer that drops everything once its stream reports EPIPE, calling `onClosed` once. */
export function pipeSafeWriter(stream: Stream, onClosed: () => void): (text: string) => void {
    let closed = false;
    stream.on("error", (err: NodeJS.ErrnoException) => {
        if (err.code !== "EPIPE") {
            throw err;
        }
        if (!closed) {
            closed = true;
            onClosed();
        }
    });
    return (text: string) => {
        if (!closed) {
            stream.write(`${text}\n`);
        }
    };
}

export function processIo(options: ProcessIoOptions): Io {
    const summaryFile = options.stepSummaryFile;
    const controller = new AbortController();
    let stderrOpen = true;
    const stderr = pipeSafeWriter(process.stderr, () => (stderrOpen = false));
    const cancel = (reason: CancelReason, message: string): void => {
        if (!options.cancellable) {
            return;
        }
        if (controller.signal.aborted) {
            stderr(
                `platform: ${reason}: still cancelling, waiting for the engine to stop (a SIGKILL now would leave the stack locked; ` +
                    `then: pnpm platform cancel --env ${options.env ?? "<env>"})`,
            );
            return;
        }
        stderr(`platform: ${message}: cancelling cleanly; the engine finishes the operations in flight, then unlocks the stack`);
        controller.abort(reason);
    };
    const stdout = pipeSafeWriter(process.stdout, () => cancel("SIGPIPE", "stdout was closed (EPIPE)"));
    if (options.cancellable) {
        process.on("SIGINT", () => cancel("SIGINT", "SIGINT received"));
        process.on("SIGTERM", () => cancel("SIGTERM", "SIGTERM received"));
    }
    return {
        stdout,
        stderr: (text) => (stderrOpen ? stderr(text) : undefined),
        cwd: options.cwd,
        signal: controller.signal,
        ...(process.stdout.isTTY ? { terminal: process.stdout } : {}),
        ci: isCi(process.env),
        ...(summaryFile === undefined || summaryFile === ""
            ? {}
            : { stepSummary: (markdown: string) => appendFileSync(summaryFile, `${markdown}\n`) }),
    };
}
