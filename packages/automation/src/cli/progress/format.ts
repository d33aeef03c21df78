/**
 * The one-line titles the task list shows for a finished stack: its change counts and how long its
 * engine run took, or what went wrong. Pure, tested exactly.
 */
import type { StackOperationResult } from "../../engine/stack-run.js";

/** The engine's change kinds in the order a reader scans them; others follow alphabetically, `same` last. */
const ORDER = ["create", "update", "replace", "delete"];

/** `create 79, update 2, same 3`; `no changes` when there are no counts. Zero counts are left out. */
export function changeCounts(changes: Readonly<Record<string, number>>): string {
    const rank = (op: string): number => {
        const known = ORDER.indexOf(op);
        return known >= 0 ? known : op === "same" ? ORDER.length + 1 : ORDER.length;
    };
    const parts = Object.entries(changes)
        .filter(([, count]) => count > 0)
        .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
        .map(([op, count]) => `${op} ${count}`);
    return parts.length > 0 ? parts.join(", ") : "no changes";
}

/** `0.4 s`, `12.3 s`, `1 min 05 s`. */
export function duration(ms: number): string {
    const seconds = Math.max(0, ms) / 1000;
    if (seconds < 60) {
        return `${seconds.toFixed(1)} s`;
    }
    const whole = Math.round(seconds);
    return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, "0")} s`;
}

const LABELS: Readonly<Record<StackOperationResult["status"], string>> = {
    ok: "",
    violations: "POLICY: ",
    failed: "FAILED: ",
    cancelled: "CANCELLED: ",
    // Its summary starts with "skipped: ".
    skipped: "",
    "not-started": "NOT RUN: ",
};

/**
 * The title of a stack that ended: `foundation/prod: create 79 (12.3 s)`; drift says what drifted;
 * anything but ok gets its label and the result's summary.
 */
export function finishedTitle(stack: string, result: StackOperationResult, durationMs: number): string {
    const what =
        result.status !== "ok"
            ? `${LABELS[result.status]}${result.summary}`
            : result.drift !== undefined || result.changes === undefined
              ? result.summary
              : changeCounts(result.changes);
    return `${stack}: ${what} (${duration(durationMs)})`;
}
