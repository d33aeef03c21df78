/** Wall-clock timing of a step, and runs of it. */
import { performance } from "node:perf_hooks";

export async function timed(step: () => Promise<unknown>): Promise<number> {
    const start = performance.now();
    await step();
    return performance.now() - start;
}

/** `runs` timings of `step`, each after its untimed `prepare` (a fresh state, say); `cleanup` always runs. */
export async function timeRuns<T>(
    runs: number,
    prepare: () => Promise<T>,
    step: (prepared: T) => Promise<unknown>,
    cleanup: (prepared: T) => Promise<void> | void = () => undefined,
): Promise<number[]> {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
        const prepared = await prepare();
        try {
            times.push(await timed(() => step(prepared)));
        } finally {
            await cleanup(prepared);
        }
    }
    return times;
}
