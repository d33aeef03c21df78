/**
 * What a deployment tells whoever shows its progress: which stacks will run, when each starts,
 * the engine's output, and how each ended and how long it took. The engine calls these in order
 * and does not know what draws them (a task list on a terminal, plain lines in CI: cli/progress/).
 */
import type { StackOperationResult } from "./stack-run.js";

export interface DeploymentProgress {
    /** The stacks about to run (`project/stack`), in the order they will run. Called once, before any starts. */
    planned(stacks: readonly string[]): void;
    /** A stack's engine run begins; `headline` says which operation, where, and where the state is. */
    started(stack: string, headline: string): void;
    /** One line of the engine's output for that stack. */
    output(stack: string, line: string): void;
    /** A stack ended (any status but not-started), after `durationMs` milliseconds of engine time. */
    finished(stack: string, result: StackOperationResult, durationMs: number): void;
}

/**
 * Today's plain lines: `==> headline` when a stack starts, then the engine's output indented by
 * four spaces. What CI logs, `--json` (on stderr) and `--plain` show.
 */
export function plainProgress(write: (line: string) => void): DeploymentProgress {
    return {
        planned: () => undefined,
        started: (stack, headline) => write(`==> ${stack}: ${headline}`),
        output: (_stack, line) => write(`    ${line}`),
        finished: () => undefined,
    };
}
