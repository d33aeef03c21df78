/**
 * Which progress display a `platform` engine command uses: a live task list on a terminal, plain
 * lines everywhere else. Pure, so the whole TTY x CI x flags table is tested.
 */

export type ProgressMode = "tasks" | "plain";

export interface ProgressContext {
    /** stdout is a terminal (a task list redraws itself there; in a file or pipe it would be noise). */
    readonly stdoutIsTTY: boolean;
    /** A CI runner: its log keeps every line, so plain lines read better than a redrawn list. */
    readonly ci: boolean;
    /** `--plain`: the user asked for plain lines. */
    readonly plain: boolean;
    /** `--json`: stdout holds only the JSON document and progress goes to stderr, as plain lines. */
    readonly json: boolean;
}

/**
 * Whether the environment is a CI runner: `CI` set to anything but empty, `0` or `false` (GitHub
 * Actions, GitLab, Buildkite and CircleCI set `CI=true`; `CI=false` is how a user says "not CI").
 */
export function isCi(env: NodeJS.ProcessEnv): boolean {
    const value = (env["CI"] ?? "").trim().toLowerCase();
    return value !== "" && value !== "0" && value !== "false";
}

/** The task list only on a terminal, outside CI, without --plain or --json. */
export function progressMode(context: ProgressContext): ProgressMode {
    return context.stdoutIsTTY && !context.ci && !context.plain && !context.json ? "tasks" : "plain";
}
