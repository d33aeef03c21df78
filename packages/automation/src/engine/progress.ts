/**
 * What a deployment tells whoever shows its progress: which stacks will run, when each starts,
 * the engine's output, and how each ended and how long it took. Layers can run at once, so calls
 * for different stacks interleave; the engine does not know what draws them (a task list on a
 * terminal, plain lines in CI: cli/progress/).
 */
import type { StackOperationResult } from "./stack-run.js";

export interface DeploymentProgress {
    /** The stacks about to run (`project/stack`), in the order they are preferred in (the registry's; reversed for destroy). Called once, before any starts. */
    planned(stacks: readonly string[]): void;
    /** A stack's engine run begins; `headline` says which operation, where, and where the state is. */
    started(stack: string, headline: string): void;
    /** One line of the engine's output for that stack. */
    output(stack: string, line: string): void;
    /** A stack ended (any status but not-started; skipped ones never started and take 0 ms), after `durationMs` milliseconds of engine time. */
    finished(stack: string, result: StackOperationResult, durationMs: number): void;
}

/**
 * Plain lines: `==> stack: headline` when a stack starts, then each line of the engine's output
 * after its stack's name, padded to the longest planned name (`foundation/dev | ...`), so the
 * lines of layers running at once can be told apart. What CI logs, `--json` (on stderr) and
 * `--plain` show.
 */
export function plainProgress(write: (line: string) => void): DeploymentProgress {
    let width = 0;
    return {
        planned: (stacks) => {
            width = Math.max(0, ...stacks.map((s) => s.length));
        },
        started: (stack, headline) => write(`==> ${stack}: ${headline}`),
        output: (stack, line) => write(`${stack.padEnd(width)} | ${line}`.trimEnd()),
        finished: () => undefined,
    };
}
