/**
 * The table `pnpm bench` prints: one markdown row per measurement with its target and PASS or
 * MISS. Pure, tested exactly.
 */

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

export function verdict(row: Row): string {
    if (row.target === undefined) {
        return "-";
    }
    return row.value < row.target ? "PASS" : "MISS";
}

export function renderTable(rows: readonly Row[]): string {
    const lines = ["| measurement | setup | medians | result | target | verdict | note |", "|---|---|---|---:|---:|---|---|"];
    for (const row of rows) {
        const target = row.target === undefined ? "-" : `< ${formatNumber(row.target)} ${row.unit}`;
        lines.push(
            `| ${row.name} | ${row.setup} | ${row.medians.map(formatMs).join(" / ")} | ${formatNumber(row.value)} ${row.unit} | ${target} | ${verdict(row)} | ${row.note ?? ""} |`,
        );
    }
    return lines.join("\n");
}
