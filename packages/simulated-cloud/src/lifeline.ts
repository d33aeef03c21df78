/**
 * A plugin lives only as long as the engine that started it. The engine stops its plugins when it
 * ends normally, but when it is killed (SIGKILL, a crash, a closed pipe) nobody does, and each
 * orphaned plugin would keep its gRPC server, and about 60 MB, for good. The engine is the
 * plugin's parent process (bin/pulumi-resource-<name> execs node), so a new parent means the
 * engine is gone.
 */

/** How often the parent is checked: orphans go within about a second. */
export const LIFELINE_INTERVAL_MS = 500;

/**
 * Calls `onOrphaned` once the parent process changes from `parent` (the process was re-parented to
 * init or a subreaper because its parent ended). The timer does not keep the process alive.
 */
export function watchParent(
    onOrphaned: () => void,
    parent: number = process.ppid,
    currentParent: () => number = () => process.ppid,
    intervalMs: number = LIFELINE_INTERVAL_MS,
): NodeJS.Timeout {
    const timer = setInterval(() => {
        if (currentParent() !== parent) {
            clearInterval(timer);
            onOrphaned();
        }
    }, intervalMs);
    timer.unref();
    return timer;
}
