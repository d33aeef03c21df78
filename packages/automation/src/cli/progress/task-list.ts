/**
 * The terminal's progress display: a listr2 task list with one task per stack, pending until its
 * engine run starts, then running with the engine's last lines under it, then done or failed with
 * its change counts and duration (format.ts), or skipped with the reason. The engine keeps its own
 * order (deploy.ts, layers at once where the graph allows); every task runs at once and only waits
 * for the engine's events for its stack, so each stack's lines stay under its own title whatever
 * order the stacks run in.
 *
 * listr2 redraws the list on stdout and holds back other writes to stdout and stderr while it does
 * (they appear when the list ends). Its own SIGINT handling is off: process-io.ts turns Ctrl-C into
 * a clean engine cancel, which the list then shows as a failed task.
 */
import { Listr, ListrLogger, ProcessOutput, type ListrTask } from "listr2";
import type { StackOperationResult } from "../../engine/stack-run.js";
import { finishedTitle } from "./format.js";
import type { ProgressDisplay } from "./display.js";

export interface TaskListOptions {
    /** Where the list is drawn (the terminal's stdout). */
    readonly stdout: NodeJS.WriteStream;
    /** Where writes to stderr go once the list ends. @default process.stderr */
    readonly stderr?: NodeJS.WriteStream;
    /**
     * listr2's renderer: `default` redraws the list in place; `test` logs every task event as a line
     * (the tests read it). @default "default"
     */
    readonly renderer?: "default" | "test";
    /** Engine lines kept under a running task (more would push the list off a small terminal). @default 5 */
    readonly outputLines?: number;
    /**
     * The `test` renderer also logs the task's title with each event, so a test can tell whose
     * event it is when stacks run at once. @default false
     */
    readonly serializeTitles?: boolean;
}

interface StackState {
    readonly stack: string;
    readonly lines: string[];
    /** Set when the stack's engine run starts. */
    headline?: string;
    ended?: { readonly result: StackOperationResult; readonly durationMs: number } | "not-run";
    /** Wakes the stack's task when something it waits for happened. */
    wake: () => void;
    /** The running task, where engine lines go. */
    task?: { output: string };
}

/** How the stack ended so far (a function: the compiler would keep a narrowed `state.ended` across awaits). */
function endOf(state: StackState): StackState["ended"] {
    return state.ended;
}

/** Resolves on the next wake-up. */
function nextWake(state: StackState): Promise<void> {
    return new Promise((resolve) => {
        state.wake = resolve;
    });
}

export function taskListProgress(options: TaskListOptions): ProgressDisplay {
    const states = new Map<string, StackState>();
    let running: Promise<unknown> | undefined;
    const processOutput = new ProcessOutput(options.stdout, options.stderr ?? process.stderr, { leaveEmptyLine: false });

    const taskOf = (state: StackState): ListrTask<unknown> => ({
        title: `${state.stack}: pending`,
        // The default renderer's per-task options (the test renderer takes none).
        rendererOptions: { outputBar: options.outputLines ?? 5, persistentOutput: false },
        task: async (_ctx, task) => {
            while (state.headline === undefined && state.ended === undefined) {
                await nextWake(state);
            }
            if (state.ended === "not-run") {
                task.skip(`${state.stack}: not run`);
                return;
            }
            if (state.ended?.result.status === "skipped") {
                task.skip(`${state.stack}: ${state.ended.result.summary}`);
                return;
            }
            task.title = `${state.stack}: ${state.headline ?? ""}`;
            state.task = task;
            state.lines.slice(-(options.outputLines ?? 5)).forEach((line) => (task.output = line));
            let ended = endOf(state);
            while (ended === undefined) {
                await nextWake(state);
                ended = endOf(state);
            }
            state.task = undefined;
            if (ended === "not-run") {
                task.skip(`${state.stack}: not run`);
                return;
            }
            const title = finishedTitle(state.stack, ended.result, ended.durationMs);
            task.title = title;
            if (ended.result.status !== "ok") {
                throw new Error(title);
            }
        },
    });

    const update = (stack: string, change: (state: StackState) => void): void => {
        const state = states.get(stack);
        if (state !== undefined) {
            change(state);
            state.wake();
        }
    };

    return {
        planned(stacks) {
            for (const stack of stacks) {
                states.set(stack, { stack, lines: [], wake: () => undefined });
            }
            const tasks = [...states.values()].map(taskOf);
            // Concurrent: a stack's task waits for that stack alone, so a later one can start first.
            const common = { concurrent: true, exitOnError: false, registerSignalListeners: false } as const;
            const logger = new ListrLogger({ processOutput });
            const list =
                options.renderer === "test"
                    ? new Listr<unknown, "test">(tasks, {
                          ...common,
                          renderer: "test",
                          rendererOptions: { logger, task: options.serializeTitles === true ? ["title"] : false },
                      })
                    : new Listr<unknown, "default">(tasks, {
                          ...common,
                          // stdout is a terminal here (progressMode), whatever listr2 guesses from the stream.
                          forceTTY: true,
                          renderer: "default",
                          rendererOptions: { logger, collapseErrors: true, showErrorMessage: true },
                      });
            running = list.run().catch(() => undefined);
        },
        started(stack, headline) {
            update(stack, (state) => {
                state.headline = headline;
            });
        },
        output(stack, line) {
            const state = states.get(stack);
            if (state !== undefined) {
                state.lines.push(line);
                if (state.task !== undefined) state.task.output = line;
            }
        },
        finished(stack, result, durationMs) {
            update(stack, (state) => {
                state.ended = { result, durationMs };
            });
        },
        async close() {
            for (const state of states.values()) {
                if (state.ended === undefined) {
                    state.ended = "not-run";
                    state.wake();
                }
            }
            await running;
            // The engine's whole output of a stack that did not end well (the list showed only its last lines).
            for (const state of states.values()) {
                if (state.ended !== "not-run" && state.ended?.result.status !== "ok" && state.headline !== undefined) {
                    const lines = [`==> ${state.stack}: ${state.headline}`, ...state.lines.map((line) => `    ${line}`)];
                    options.stdout.write(lines.map((line) => `${line}\n`).join(""));
                }
            }
        },
    };
}
