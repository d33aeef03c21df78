/**
 * What a run must not ignore in a stack's backend state, and the exact command that repairs it:
 * a lock (a run in progress, or a dead run's stale lock), a corrupted checkpoint, and operations
 * an interrupted run left pending.
 */
import type { StackLock, StackState } from "./backend-state.js";

/** The `platform` command lines a message may tell the user to run. */
export interface FixCommands {
    cancel(): string;
    clearPendingCreates(): string;
}

/** Builds the fix commands for one stack (`pnpm platform ...`, as the README runs it). */
export function fixCommands(env: string, project: string, root?: string): FixCommands {
    const tail = ` --env ${env} --stack ${project}${root === undefined ? "" : ` --root ${root}`}`;
    return {
        cancel: () => `pnpm platform cancel${tail}`,
        clearPendingCreates: () => `pnpm platform refresh${tail} --simulate --clear-pending-creates`,
    };
}

/**
 * `running-lock`: a run on this machine holds the stack; `foreign-lock`: a run on another machine
 * does (it cannot be checked from here); `stale-lock`: the run that took the lock is gone.
 */
export type StackProblemKind = "running-lock" | "foreign-lock" | "stale-lock" | "corrupted-checkpoint" | "pending-operations";

export interface StackProblem {
    readonly kind: StackProblemKind;
    readonly message: string;
}

/** `aws:ec2/subnet:Subnet acme-dev-private-a` for a URN. */
export function describeUrn(urn: string): string {
    const parts = urn.split("::");
    if (parts.length < 4) {
        return urn;
    }
    const type = parts[2].split("$").pop() ?? parts[2];
    return `${type} ${parts.slice(3).join("::")}`;
}

function holder(lock: StackLock): string {
    return `${lock.username}@${lock.hostname}, pid ${lock.pid ?? "unknown"}, since ${lock.timestamp}`;
}

/** The problem a lock is for a run that wants the stack. */
export function lockProblem(name: string, lock: StackLock, fix: FixCommands): StackProblem {
    if (lock.running === true) {
        return {
            kind: "running-lock",
            message:
                `${name}: stack is locked by ${holder(lock)}: another run is in progress. ` +
                `Fix: wait for it to finish, or cancel it cleanly with kill -INT ${lock.pid ?? "<pid>"} (the engine then finishes what is in flight and unlocks)`,
        };
    }
    if (lock.running === undefined) {
        return {
            kind: "foreign-lock",
            message:
                `${name}: stack is locked by ${holder(lock)}, a run on another machine that cannot be checked from here. ` +
                `Fix: wait for it to finish; if that run is gone for sure, ${fix.cancel()}`,
        };
    }
    return {
        kind: "stale-lock",
        message:
            `${name}: stale lock: the run that locked the stack (${holder(lock)}) no longer exists (it was killed or crashed), ` +
            `and the engine refuses the stack until the lock is removed. Fix: ${fix.cancel()}`,
    };
}

/** The lock, checkpoint and pending-operation problems of a stack, in that order. */
export function stackProblems(state: StackState, fix: FixCommands): StackProblem[] {
    const name = `${state.project}/${state.stack}`;
    const problems = state.locks.map((lock) => lockProblem(name, lock, fix));
    const checkpoint = state.checkpoint;
    if (checkpoint.status === "corrupted") {
        const restore =
            checkpoint.lastGood === undefined
                ? `Fix: no readable copy of it was found beside it or under the backend's backups folder; restore ${state.checkpointFile} from your own backup of the state`
                : `Fix: restore the newest readable copy (${checkpoint.lastGood.resources} resources, written ${checkpoint.lastGood.time}): ` +
                  `cp '${checkpoint.lastGood.file}' '${state.checkpointFile}'`;
        problems.push({
            kind: "corrupted-checkpoint",
            message:
                `${name}: the checkpoint ${state.checkpointFile} is corrupted: ${checkpoint.problem}. The engine would take it for a stack ` +
                `without resources and plan to create every resource again, so nothing was run. ${restore}`,
        });
    }
    if (checkpoint.status === "ok" && checkpoint.pendingOperations.length > 0) {
        const ops = checkpoint.pendingOperations;
        const shown = ops.slice(0, 5).map((op) => `${op.type} ${describeUrn(op.urn)}`);
        const more = ops.length > shown.length ? `, and ${ops.length - shown.length} more` : "";
        problems.push({
            kind: "pending-operations",
            message:
                `${name}: an interrupted run left ${ops.length} operation${ops.length === 1 ? "" : "s"} pending (${shown.join("; ")}${more}). ` +
                `The engine cannot know whether they happened, and an up would create them again. ` +
                `Fix: ${fix.clearPendingCreates()} (against a real cloud, first check whether those resources exist: cleared creates are forgotten, not deleted)`,
        });
    }
    return problems;
}

/** Problems bar an operation, except the ones that operation exists to repair (or that it may safely ignore). */
export function blockingProblems(
    problems: readonly StackProblem[],
    operation: "preview" | "up" | "destroy" | "refresh" | "drift" | "cancel",
): StackProblem[] {
    switch (operation) {
        case "cancel":
            // cancel removes stale locks; it must not break a run in progress.
            return problems.filter((p) => p.kind === "running-lock");
        case "refresh":
            // refresh is how pending operations are cleared.
            return problems.filter((p) => p.kind !== "pending-operations");
        case "preview":
        case "drift":
            // a preview (of an update or a refresh) changes nothing; it shows the pending operations as a warning.
            return problems.filter((p) => p.kind !== "pending-operations");
        case "up":
        case "destroy":
            return [...problems];
    }
}

/** Backend state that stops a command before the engine starts (a lock, a corrupted checkpoint, pending operations). */
export class StackStateError extends Error {
    constructor(readonly problems: readonly StackProblem[]) {
        super(problems.map((p) => p.message).join("\n"));
        this.name = "StackStateError";
    }
}
