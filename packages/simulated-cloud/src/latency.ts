/**
 * Simulated latency: real clouds take seconds to create a NAT gateway; the model answers at once.
 * `PLATFORM_SIMULATED_LATENCY_MS` delays every create, update and delete (not previews, reads or
 * checks) by that many milliseconds, so an interrupted run has operations in flight, as it would
 * against AWS. Unset or 0: no delay.
 */

export const LATENCY_VARIABLE = "PLATFORM_SIMULATED_LATENCY_MS";

/** The delay from the environment; a clear error for a value that is not a whole number of milliseconds. */
export function latencyFromEnvironment(env: NodeJS.ProcessEnv = process.env): number {
    const raw = env[LATENCY_VARIABLE];
    if (raw === undefined || raw === "") {
        return 0;
    }
    if (!/^\d+$/.test(raw) || Number(raw) > 600_000) {
        throw new Error(
            `${LATENCY_VARIABLE} = ${JSON.stringify(raw)}: not a delay in milliseconds. Fix: set it to a whole number from 0 to 600000, or unset it`,
        );
    }
    return Number(raw);
}
