/**
 * One error format for every bad input the platform rejects, in config and in component
 * arguments alike: `<field> = <value>: <problem>. Fix: <fix>`. Problems are collected, not thrown
 * one by one, so whoever fixes them sees every mistake in one run.
 */

export interface Issue {
    /** Where: a config key (`platform:network.cidr`) or a component argument (`cidrBlock`). */
    readonly field: string;
    /** The rejected value (`undefined` when the field is missing). */
    readonly value: unknown;
    /** What is wrong. */
    readonly problem: string;
    /** What to do about it. */
    readonly fix: string;
}

/** A value as messages show it: JSON, cut at 80 characters; `(unset)` when missing. */
export function describeValue(value: unknown): string {
    if (value === undefined) {
        return "(unset)";
    }
    const text = JSON.stringify(value) ?? `(${typeof value})`;
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function formatIssue(issue: Issue): string {
    return `${issue.field} = ${describeValue(issue.value)}: ${issue.problem}. Fix: ${issue.fix}`;
}

/** `<title> (N problems):` and one indented line per issue. */
export function formatIssues(title: string, issues: readonly Issue[]): string {
    const count = `${issues.length} problem${issues.length === 1 ? "" : "s"}`;
    return `${title} (${count}):\n${issues.map((i) => `  - ${formatIssue(i)}`).join("\n")}`;
}

/** `issue` with its field moved under `prefix` (`cidr` -> `platform:network.cidr`). */
export function withFieldPrefix(prefix: string, issues: readonly Issue[]): Issue[] {
    return issues.map((i) => ({ ...i, field: `${prefix}${i.field}` }));
}
