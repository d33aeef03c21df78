/** Whether a process still runs, for telling a live stack lock from one a dead run left behind. */
import { readFileSync } from "node:fs";

/**
 * True while `pid` runs on this machine. A zombie (ended, not yet reaped by its parent) counts as
 * ended: it will never release a lock. Without /proc, falls back to signal 0.
 */
export function processIsRunning(pid: number): boolean {
    if (!Number.isInteger(pid) || pid <= 0) {
        return false;
    }
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        // The state follows the command name, which is in parentheses and may itself contain ") ".
        return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
    } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ENOENT" || existsProc()) {
            return false;
        }
    }
    try {
        process.kill(pid, 0);
        return true;
    } catch (err) {
        return (err as NodeJS.ErrnoException).code === "EPERM";
    }
}

function existsProc(): boolean {
    try {
        readFileSync("/proc/self/stat");
        return true;
    } catch {
        return false;
    }
}
