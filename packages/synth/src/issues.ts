/** Assertion helpers for bad-input tests: the issues a program's config or component error lists. */

/** An issue as `@platform/core` reports one (field, value, problem, fix). */
export interface ReportedIssue {
    readonly field: string;
    readonly value: unknown;
    readonly problem: string;
    readonly fix: string;
}

/**
 * The issues of the error `run` rejects with (a `ConfigValidationError` or a component's argument
 * error: anything with an `issues` list). Fails when `run` resolves or rejects with anything else.
 */
export async function rejectedIssues(run: Promise<unknown>): Promise<ReportedIssue[]> {
    let error: unknown;
    try {
        await run;
    } catch (err) {
        error = err;
    }
    if (error === undefined) {
        throw new Error("expected a rejection with issues, but it resolved");
    }
    const issues = (error as { issues?: unknown }).issues;
    if (!Array.isArray(issues)) {
        throw new Error(`expected an error with issues, got: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
    }
    return issues as ReportedIssue[];
}

/** `[field, problem]` pairs, the usual shape of a compact assertion. */
export function fieldsAndProblems(issues: readonly ReportedIssue[]): Array<[string, string]> {
    return issues.map((i) => [i.field, i.problem]);
}
