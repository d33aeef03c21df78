/**
 * Why a run was asked to stop. The platform command turns SIGINT, SIGTERM and a closed stdout
 * (EPIPE, the SIGPIPE of a Node process) into an abort of one AbortController with one of these
 * reasons; the Automation API forwards it to the engine as a single SIGINT (a clean cancel).
 */
export const CANCEL_REASONS = ["SIGINT", "SIGTERM", "SIGPIPE"] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

/** The exit code of a command cancelled for `reason`: 128 + the signal number, as a shell reports it. */
export const CANCEL_EXIT_CODES: Readonly<Record<CancelReason, number>> = { SIGINT: 130, SIGTERM: 143, SIGPIPE: 141 };

/** The cancel reason an aborted signal carries (undefined while it is not aborted). */
export function cancelReason(signal: AbortSignal | undefined): CancelReason | undefined {
    if (signal?.aborted !== true) {
        return undefined;
    }
    const reason: unknown = signal.reason;
    return CANCEL_REASONS.find((r) => r === reason) ?? "SIGINT";
}
