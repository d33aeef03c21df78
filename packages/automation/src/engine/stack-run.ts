/**
 * One engine operation on one staged stack, with what the caller needs to report it: the change
 * summary, mandatory policy violations, the operations that finished before a cancel, and the
 * engine's whole stderr when it failed.
 */
import type { EngineEvent, OpType, Stack } from "@pulumi/pulumi/automation/index.js";
import { cancelReason } from "./cancellation.js";
import { type DriftedResource, driftedResource, driftLine, driftSummary } from "./drift.js";
import { engineFailure, type EngineFailure, headline } from "./engine-error.js";
import type { AttachedPacks } from "./policy-packs.js";
import { describeUrn } from "./stack-problems.js";

export const ENGINE_OPERATIONS = ["preview", "up", "destroy", "refresh", "drift"] as const;
export type EngineOperation = (typeof ENGINE_OPERATIONS)[number];

/** `skipped`: not run because a layer it needs did not succeed; `not-started`: not run because the run was cancelled first. */
export type StackStatus = "ok" | "violations" | "failed" | "cancelled" | "skipped" | "not-started";

export interface StackOperationResult {
    readonly project: string;
    readonly stack: string;
    readonly status: StackStatus;
    /** One line: the change summary, or what went wrong. */
    readonly summary: string;
    /** More lines for the user: the engine's stderr, what a destroy left, the next command. */
    readonly details: readonly string[];
    /** The engine's change counts (with `same`), when it finished. */
    readonly changes?: Readonly<Record<string, number>>;
    /** The policy violations the packs reported (mandatory and advisory). */
    readonly violations?: readonly PolicyViolation[];
    /** drift: the resources that differ from the state. */
    readonly drift?: readonly DriftedResource[];
    /** How long the stack's run took, from opening the stack to its result; unset for a stack that never started. */
    readonly durationMs?: number;
}

export interface PolicyViolation {
    readonly policy: string;
    readonly pack: string;
    readonly level: "mandatory" | "warning";
    /** The resource's URN, when the policy judged one. */
    readonly urn?: string;
    readonly message: string;
}

export interface StackRunOptions {
    readonly operation: EngineOperation;
    readonly stack: Stack;
    /** Pack directories and their config files (none, or one per pack in the same order). */
    readonly policyPacks: AttachedPacks;
    readonly signal?: AbortSignal;
    readonly clearPendingCreates?: boolean;
    /** Engine output, line by line, as the engine wrote it. */
    readonly progress: (line: string) => void;
}

/** The outcome of a run, before the caller adds state checks and leftovers. */
export interface StackRunOutcome {
    readonly status: Exclude<StackStatus, "skipped" | "not-started">;
    readonly summary: string;
    readonly details: string[];
    /** Set when the engine failed (to tell a lock conflict from other failures). */
    readonly failure?: EngineFailure;
    readonly changes?: Readonly<Record<string, number>>;
    readonly violations: readonly PolicyViolation[];
    readonly drift?: readonly DriftedResource[];
}

function countChanges(changes: Partial<Record<string, number>>): string {
    return JSON.stringify(Object.fromEntries(Object.entries(changes).filter(([op]) => op !== "same")));
}

/** Runs the operation; never throws for an engine failure (it becomes the outcome). */
export async function runStackOperation(options: StackRunOptions): Promise<StackRunOutcome> {
    const finished: Partial<Record<OpType, number>> = {};
    // The engine's own count at the end, when it gets to write one (it does on a clean cancel).
    let summarized: Partial<Record<string, number>> | undefined;
    let mandatory = 0;
    const violations: PolicyViolation[] = [];
    const drift: DriftedResource[] = [];
    // The engine's error diagnostics, whole (a program's exception, a provider's error).
    const errors: string[] = [];
    // The SIGINT must reach the engine after it can take it. The Automation API listens for an
    // abort only once the engine process exists (an earlier abort would be lost), and the engine
    // handles SIGINT only once its update has begun (pulumi's cancellation scope, set up after the
    // stack is locked and before its first engine event): a SIGINT before that kills it at once
    // and leaves the lock. So the API gets its own signal, aborted when ours is and the engine
    // has sent its first event.
    const engineAbort = new AbortController();
    let engineListening = false;
    const forwardAbort = (): void => {
        if (engineListening && options.signal?.aborted === true && !engineAbort.signal.aborted) {
            engineAbort.abort(options.signal.reason);
        }
    };
    options.signal?.addEventListener("abort", forwardAbort);
    const onEvent = (event: EngineEvent): void => {
        engineListening = true;
        forwardAbort();
        if (event.summaryEvent !== undefined) {
            summarized = event.summaryEvent.resourceChanges;
        }
        const step = event.resOutputsEvent;
        if (step !== undefined && step.planning !== true && step.metadata.op !== "same") {
            finished[step.metadata.op] = (finished[step.metadata.op] ?? 0) + 1;
        }
        const policy = event.policyEvent;
        if (policy !== undefined) {
            mandatory += policy.enforcementLevel === "mandatory" ? 1 : 0;
            violations.push({
                policy: policy.policyName,
                pack: policy.policyPackName,
                level: policy.enforcementLevel,
                ...(policy.resourceUrn === undefined || policy.resourceUrn === "" ? {} : { urn: policy.resourceUrn }),
                message: policy.message.trimEnd(),
            });
        }
        const drifted = driftedResource(event);
        if (drifted !== undefined) {
            drift.push(drifted);
        }
        const diagnostic = event.diagnosticEvent;
        if (diagnostic?.severity === "error") {
            errors.push(
                `${diagnostic.urn === undefined || diagnostic.urn === "" ? "" : `${describeUrn(diagnostic.urn)}: `}${diagnostic.message.trimEnd()}`,
            );
        }
    };
    const onOutput = (out: string): void => {
        for (const line of out.replace(/\n$/, "").split("\n")) {
            options.progress(line);
        }
    };
    const common = { onOutput, onEvent, color: "never" as const, signal: engineAbort.signal };
    const packs = {
        policyPacks: [...options.policyPacks.packs],
        ...(options.policyPacks.configs.length === 0 ? {} : { policyPackConfigs: [...options.policyPacks.configs] }),
    };
    try {
        switch (options.operation) {
            case "preview": {
                const result = await options.stack.preview({ ...common, ...packs });
                return {
                    status: "ok",
                    summary: JSON.stringify(result.changeSummary),
                    details: [],
                    changes: result.changeSummary,
                    violations,
                };
            }
            case "up": {
                const result = await options.stack.up({ ...common, ...packs });
                const changes = result.summary.resourceChanges ?? {};
                return { status: "ok", summary: JSON.stringify(changes), details: [], changes, violations };
            }
            case "destroy": {
                // Never touches protected resources or what they depend on; leftovers are listed by the caller.
                const result = await options.stack.destroy({ ...common, excludeProtected: true });
                // With nothing unprotected the CLI records no update, and the Automation API hands back
                // the stack's previous update (an `up`): report that nothing was deleted instead.
                const changes = result.summary.kind === "destroy" ? (result.summary.resourceChanges ?? {}) : {};
                return { status: "ok", summary: JSON.stringify(changes), details: [], changes, violations };
            }
            case "refresh": {
                const result = await options.stack.refresh({ ...common, clearPendingCreates: options.clearPendingCreates === true });
                const changes = result.summary.resourceChanges ?? {};
                return { status: "ok", summary: JSON.stringify(changes), details: [], changes, violations };
            }
            case "drift": {
                // `pulumi refresh --preview-only`: reads every resource back, records nothing.
                const result = await options.stack.previewRefresh(common);
                const sorted = [...drift].sort((a, b) => a.urn.localeCompare(b.urn));
                return {
                    status: "ok",
                    summary: driftSummary(sorted),
                    details: sorted.map((r) => `    ${driftLine(r)}`),
                    changes: result.changeSummary,
                    violations,
                    drift: sorted,
                };
            }
        }
        throw new Error(`unknown engine operation ${String(options.operation)}`);
    } catch (err) {
        const failure = engineFailure(err);
        const reason = cancelReason(options.signal);
        if (reason !== undefined) {
            return {
                status: "cancelled",
                summary: `cancelled (${reason}): the engine stopped cleanly; operations that finished first: ${countChanges(summarized ?? finished)}`,
                details: [],
                failure,
                violations,
            };
        }
        if (mandatory > 0) {
            return {
                status: "violations",
                summary: `${mandatory} mandatory policy violation${mandatory === 1 ? "" : "s"} (listed above) stopped the engine; operations that finished first: ${countChanges(summarized ?? finished)}`,
                details: [],
                failure,
                violations,
            };
        }
        return {
            status: "failed",
            summary: headline(failure, errors),
            details: [
                ...(errors.length > 0 ? ["engine errors:", ...errors.flatMap((e) => e.split("\n")).map((l) => `    ${l}`)] : []),
                ...(failure.stderr === "" ? [] : ["engine stderr:", ...failure.stderr.split("\n").map((l) => `    ${l}`)]),
            ],
            failure,
            violations,
        };
    } finally {
        options.signal?.removeEventListener("abort", forwardAbort);
    }
}
