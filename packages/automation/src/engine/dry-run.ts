/**
 * Engine settings for the operations that record nothing: `preview` and drift's
 * `refresh --preview-only`.
 *
 * The 3.276 engine keeps a snapshot manager even in a preview: after every step it serializes the
 * whole deployment and checks its integrity, then hands it to a persister that discards it
 * (`backend/diy/backend.go`: `DiscardPersister` for dry runs; the service backend attaches the
 * same). The cost grows with the stack, so a preview is quadratic in its size: for 2,000 resources
 * two thirds of the engine's CPU (Go pprof) and 68 s of wall time against 16 s without it.
 * `PULUMI_SKIP_CHECKPOINTS` makes the manager apply each step in memory and save once at the end;
 * what it gives up, a checkpoint to resume from after a crash, a dry run never writes. Updates,
 * refreshes and destroys keep their checkpoints.
 */
import type { EngineOperation } from "./stack-run.js";

/** The engine's variable that skips the per-step snapshot (see above). */
export const SKIP_CHECKPOINTS_VARIABLE = "PULUMI_SKIP_CHECKPOINTS";

/** The operations that never write state. */
export const DRY_RUN_OPERATIONS: readonly EngineOperation[] = ["preview", "drift"];

/** Variables for the engine of one operation: {@link SKIP_CHECKPOINTS_VARIABLE} for a dry run, nothing otherwise. */
export function dryRunEnvironment(operation: EngineOperation): Readonly<Record<string, string>> {
    return DRY_RUN_OPERATIONS.includes(operation) ? { [SKIP_CHECKPOINTS_VARIABLE]: "true" } : {};
}
