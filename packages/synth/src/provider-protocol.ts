/**
 * What a resource provider answers to Check and Diff, as plain data: shared by the Kubernetes
 * object model here and the simulated provider plugins (`packages/simulated-cloud`), which turn
 * it into gRPC messages.
 */

export interface CheckFailure {
    readonly property: string;
    readonly reason: string;
}

export type PropertyDiffKind = "add" | "add-replace" | "delete" | "delete-replace" | "update" | "update-replace";

export interface DiffResult {
    /** Whether anything differs. */
    readonly changes: boolean;
    /** Changed properties that force replacement, sorted. */
    readonly replaces: string[];
    /** Every changed property, sorted. */
    readonly diffs: string[];
    readonly detailedDiff: Record<string, { kind: PropertyDiffKind; inputDiff: boolean }>;
    /** The old resource must be deleted before its replacement is created (kubernetes: a name the program fixed). */
    readonly deleteBeforeReplace?: boolean;
}
