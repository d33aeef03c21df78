/**
 * Config problems are collected, not thrown one by one, so a user fixing a stack file sees every
 * mistake in one run. Each issue names the key, the bad value and the fix.
 */

export interface ConfigIssue {
    /** Full config key, e.g. `platform:network.cidr`. */
    readonly key: string;
    /** The value that was rejected (`undefined` when the key is missing). */
    readonly value: unknown;
    /** What is wrong. */
    readonly problem: string;
    /** What to do about it. */
    readonly fix: string;
}

export function describeValue(value: unknown): string {
    if (value === undefined) {
        return "(unset)";
    }
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function formatIssue(issue: ConfigIssue): string {
    return `${issue.key} = ${describeValue(issue.value)}: ${issue.problem}. Fix: ${issue.fix}`;
}

/** Thrown when stack config does not validate; `issues` lists every problem found. */
export class ConfigValidationError extends Error {
    constructor(readonly issues: readonly ConfigIssue[]) {
        super(
            `Invalid platform configuration (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n` +
                issues.map((i) => `  - ${formatIssue(i)}`).join("\n"),
        );
        this.name = "ConfigValidationError";
    }
}
