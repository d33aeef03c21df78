/**
 * What `platform preview|up|drift` hands to CI besides its log: one JSON document (`--json`) and a
 * markdown summary (the job summary, `$GITHUB_STEP_SUMMARY`, and the pull-request comment): per
 * layer the status and change counts, the policy violations, and the drift. Pure: the caller
 * prints or appends them.
 */
import { driftLine, type DriftedResource } from "../engine/drift.js";
import { describeUrn } from "../engine/stack-problems.js";
import type { PolicyViolation, StackOperationResult, StackStatus } from "../engine/stack-run.js";

export type ReportedCommand = "preview" | "up" | "drift";

export interface ResultDocument {
    readonly command: ReportedCommand;
    readonly env: string;
    readonly exitCode: number;
    /** ok, violations, failed, cancelled or drift (drift found): the run as a whole. */
    readonly outcome: string;
    readonly layers: ReadonlyArray<{
        readonly project: string;
        readonly stack: string;
        readonly status: StackStatus;
        readonly summary: string;
        readonly changes: Readonly<Record<string, number>>;
        readonly violations: readonly PolicyViolation[];
        readonly drift?: readonly DriftedResource[];
        /** Milliseconds from opening the stack to its result; absent for a layer that did not run (skipped, not started). */
        readonly durationMs?: number;
    }>;
}

/** The meaning of each exit code of an engine command, for the summary's last line. */
const OUTCOMES: Readonly<Record<number, string>> = {
    0: "ok",
    1: "violations",
    2: "usage",
    3: "failed",
    4: "drift",
};

export function outcomeOf(exitCode: number): string {
    return OUTCOMES[exitCode] ?? "cancelled";
}

/** The `--json` result. */
export function resultDocument(
    command: ReportedCommand,
    env: string,
    results: readonly StackOperationResult[],
    exitCode: number,
): ResultDocument {
    return {
        command,
        env,
        exitCode,
        outcome: outcomeOf(exitCode),
        layers: results.map((r) => ({
            project: r.project,
            stack: r.stack,
            status: r.status,
            summary: r.summary,
            changes: r.changes ?? {},
            violations: r.violations ?? [],
            ...(command === "drift" ? { drift: r.drift ?? [] } : {}),
            ...(r.durationMs !== undefined ? { durationMs: r.durationMs } : {}),
        })),
    };
}

/** The change columns of the summary table; any other engine operation is counted under "other". */
const COLUMNS = ["create", "update", "replace", "delete", "same"] as const;

/** Markdown table cell text: no line breaks, `|` escaped. */
function cell(text: string): string {
    return text.replace(/\s*\n\s*/g, " ").replace(/\|/g, "\\|");
}

const STATUS_TEXT: Readonly<Record<StackStatus, string>> = {
    ok: "ok",
    violations: "policy violations",
    failed: "FAILED",
    cancelled: "cancelled",
    skipped: "skipped",
    "not-started": "not run",
};

const CLOSING: Readonly<Record<string, string>> = {
    ok: "no problems",
    violations: "mandatory policy violations",
    failed: "an engine failure (see the job log)",
    drift: "drift found",
    usage: "a usage or config error",
    cancelled: "cancelled",
};

/** The markdown summary. */
export function markdownSummary(command: ReportedCommand, env: string, results: readonly StackOperationResult[], exitCode: number): string {
    const lines: string[] = [`## platform ${command} --env ${env}`, ""];
    lines.push(`| layer | status | ${COLUMNS.join(" | ")} | other |`, `|---|---|${COLUMNS.map(() => "---:|").join("")}---:|`);
    for (const r of results) {
        const changes = r.changes ?? {};
        const counts = COLUMNS.map((c) => String(changes[c] ?? 0));
        const other = Object.entries(changes)
            .filter(([op]) => !(COLUMNS as readonly string[]).includes(op))
            .reduce((sum, [, n]) => sum + n, 0);
        const status = r.status === "ok" && (r.drift?.length ?? 0) > 0 ? "drift" : STATUS_TEXT[r.status];
        lines.push(`| ${r.project} | ${status} | ${counts.join(" | ")} | ${other} |`);
    }
    const violations = results.flatMap((r) => (r.violations ?? []).map((v) => ({ layer: r.project, ...v })));
    if (violations.length > 0) {
        lines.push(
            "",
            `### Policy violations (${violations.length})`,
            "",
            "| layer | level | policy | resource | message |",
            "|---|---|---|---|---|",
        );
        for (const v of violations) {
            const resource = v.urn === undefined ? "" : `\`${describeUrn(v.urn)}\``;
            lines.push(`| ${v.layer} | ${v.level} | ${cell(`${v.pack}/${v.policy}`)} | ${cell(resource)} | ${cell(v.message)} |`);
        }
    }
    if (command === "drift") {
        const drifted = results.flatMap((r) => (r.drift ?? []).map((d) => `- ${r.project}: ${driftLine(d)}`));
        lines.push(
            "",
            drifted.length > 0 ? `### Drift (${drifted.length})` : "### Drift",
            "",
            ...(drifted.length > 0 ? drifted : ["none: every layer matches its state"]),
        );
    }
    const outcome = outcomeOf(exitCode);
    lines.push("", `exit ${exitCode}: ${CLOSING[outcome] ?? outcome}`, "");
    return lines.join("\n");
}
