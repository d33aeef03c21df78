/**
 * The overhead rows from their measurements: what `platform preview` adds to a raw `pulumi
 * preview` of the same stack (issue 13's target, judged per stack), and the same for the whole
 * environment in one command, reported without a target. Pure, tested exactly.
 */
import { median, medianInterval } from "./stats.js";
import type { Row } from "./table.js";

/** The target: the `platform` command adds under 1 s to the engine's preview of a stack. */
export const OVERHEAD_TARGET_MS = 1000;

/** Paired runs, `platform[i]` beside `raw[i]`; `outside[i]`: that platform run's time outside its layers' engine runs. */
export interface PairedRuns {
    readonly platform: readonly number[];
    readonly raw: readonly number[];
    readonly outside: readonly number[];
}

export interface OverheadMeasurements {
    readonly env: string;
    /** Per layer, in the registry's order: `platform preview --stack <layer>` against a raw preview of that stack. */
    readonly stacks: ReadonlyArray<{ readonly layer: string; readonly runs: PairedRuns }>;
    /** `platform preview` of every layer in one command against the raw previews of all of them; absent for one layer. */
    readonly environment?: PairedRuns;
}

function checkPaired(what: string, runs: PairedRuns): void {
    if (runs.platform.length === 0 || runs.platform.length !== runs.raw.length || runs.platform.length !== runs.outside.length) {
        throw new Error(
            `${what}: ${runs.platform.length} platform, ${runs.raw.length} raw and ${runs.outside.length} outside times: the rows need as many of each, at least one`,
        );
    }
}

function differences(runs: PairedRuns): number[] {
    return runs.platform.map((p, i) => p - runs.raw[i]);
}

function setup(runs: PairedRuns): string {
    const n = runs.platform.length;
    return `${n} run${n === 1 ? "" : "s"} each in turn after one untimed, platform / raw`;
}

function outsideNote(runs: PairedRuns): string {
    const outside = runs.outside;
    return `platform's own time outside its layers' runs: median ${Math.round(median(outside))} ms, ${Math.round(Math.min(...outside))} to ${Math.round(Math.max(...outside))} ms`;
}

/**
 * One row per layer, judged against {@link OVERHEAD_TARGET_MS} by the confidence interval of the
 * median difference; then, when measured, the whole environment's row: the command's start once
 * and each layer's own cost, with the per-layer estimate `(difference - outside) / layers` beside it.
 */
export function overheadRows(measured: OverheadMeasurements): Row[] {
    if (measured.stacks.length === 0) {
        throw new Error(`overhead rows for ${measured.env}: no layer was measured`);
    }
    const rows: Row[] = measured.stacks.map(({ layer, runs }) => {
        checkPaired(`${layer}/${measured.env}`, runs);
        const diff = differences(runs);
        return {
            name: `platform preview --env ${measured.env} --stack ${layer} over raw pulumi preview of the same stack`,
            setup: setup(runs),
            medians: [median(runs.platform), median(runs.raw)],
            value: median(diff),
            // A difference of two noisy runs: the verdict reads the interval, not the median alone.
            interval: medianInterval(diff),
            unit: "ms",
            target: OVERHEAD_TARGET_MS,
            note: `median of per-run differences; ${outsideNote(runs)}`,
        };
    });
    const whole = measured.environment;
    if (whole !== undefined) {
        checkPaired(`${measured.env} (all layers)`, whole);
        const diff = differences(whole);
        const layers = measured.stacks.length;
        const perLayer = (median(diff) - median(whole.outside)) / layers;
        rows.push({
            name: `platform preview --env ${measured.env} over raw pulumi preview (${layers} stacks in one command)`,
            setup: setup(whole),
            medians: [median(whole.platform), median(whole.raw)],
            value: median(diff),
            interval: medianInterval(diff),
            unit: "ms",
            note: `no target (the target is per stack, rows above): the command's start once and each layer's own cost, about ${Math.round(perLayer)} ms a layer beyond the ${Math.round(median(whole.outside))} ms outside them; ${outsideNote(whole)}`,
        });
    }
    return rows;
}
