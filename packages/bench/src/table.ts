/**
 * The table `pnpm bench` prints: one markdown row per measurement with its target and PASS or
 * MISS, or UNCLEAR when the row's confidence interval holds the target. Pure, tested exactly.
 */
import type { Interval } from "./stats.js";

export interface Row {
    readonly name: string;
    /** What was measured, e.g. `100 / 500 / 2000 resources, 3 runs`. */
    readonly setup: string;
    /** The median times, in the order of `setup`. */
    readonly medians: readonly number[];
    /** The value judged against the target, in `unit`. */
    readonly value: number;
    readonly unit: "ms/resource" | "ms" | "s";
    /** The value must be below it; none: reported only. */
    readonly target?: number;
    /**
     * The value's confidence interval, for a value whose noise is near its target (the command's
     * overhead, a difference of two noisy runs): the verdict is then PASS only when the whole
     * interval is below the target, MISS only when it is all at or above it, UNCLEAR otherwise
     * (and always with too few runs to be {@link VERDICT_CONFIDENCE} sure).
     */
    readonly interval?: Interval;
    /** Extra words for the last column (e.g. the fixed cost of a run). */
    readonly note?: string;
}

/** `12.3` for values under 100, `123` above: the noise here is larger than a tenth anyway. */
export function formatNumber(value: number): string {
    return Math.abs(value) < 100 ? value.toFixed(1) : Math.round(value).toString();
}

/** `1.23 s` for a duration in milliseconds. */
export function formatMs(ms: number): string {
    return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/**
 * The least confidence an interval needs to decide a verdict: fewer than 5 runs cannot give it
 * (their [min, max] holds the median with 87.5% at 4 runs, 0% at one), and UNCLEAR says so.
 */
export const VERDICT_CONFIDENCE = 0.9;

export function verdict(row: Row): string {
    if (row.target === undefined) {
        return "-";
    }
    if (row.interval !== undefined) {
        if (row.interval.confidence < VERDICT_CONFIDENCE) return "UNCLEAR";
        if (row.interval.high < row.target) return "PASS";
        return row.interval.low >= row.target ? "MISS" : "UNCLEAR";
    }
    return row.value < row.target ? "PASS" : "MISS";
}

/** `2138 ms`, or `2138 ms (97% CI 410 to 3020)` for a row with an interval. */
export function formatResult(row: Row): string {
    const value = `${formatNumber(row.value)} ${row.unit}`;
    if (row.interval === undefined) return value;
    const { low, high, confidence } = row.interval;
    return `${value} (${Math.floor(confidence * 100)}% CI ${formatNumber(low)} to ${formatNumber(high)})`;
}

export function renderTable(rows: readonly Row[]): string {
    const lines = ["| measurement | setup | medians | result | target | verdict | note |", "|---|---|---|---:|---:|---|---|"];
    for (const row of rows) {
        const target = row.target === undefined ? "-" : `< ${formatNumber(row.target)} ${row.unit}`;
        lines.push(
            `| ${row.name} | ${row.setup} | ${row.medians.map(formatMs).join(" / ")} | ${formatResult(row)} | ${target} | ${verdict(row)} | ${row.note ?? ""} |`,
        );
    }
    return lines.join("\n");
}
