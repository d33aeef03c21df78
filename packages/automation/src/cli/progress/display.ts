/**
 * The CLI's side of {@link DeploymentProgress}: a display it can close once the deployment is over
 * (the task list stops redrawing and lets held-back output through).
 */
import { type DeploymentProgress, plainProgress } from "../../engine/progress.js";

export interface ProgressDisplay extends DeploymentProgress {
    /** The deployment is over (finished, failed or cancelled): stacks that never ran show as not run. */
    close(): Promise<void>;
}

/** Today's plain lines (engine/progress.ts), with nothing to close. */
export function plainDisplay(write: (line: string) => void): ProgressDisplay {
    return { ...plainProgress(write), close: () => Promise.resolve() };
}
