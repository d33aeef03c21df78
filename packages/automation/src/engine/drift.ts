/**
 * `platform drift`: what a preview-only refresh found changed in the cloud behind the engine's
 * back, per layer. The engine reports each resource it would rewrite in the state as an output
 * event with the change it would record (`update` with the properties that differ, `delete` when
 * the resource is gone); `same` and the `refresh` steps themselves are no drift.
 */
import type { EngineEvent } from "@pulumi/pulumi/automation/index.js";
import { describeUrn } from "./stack-problems.js";

export interface DriftedResource {
    readonly urn: string;
    /** The change a refresh would record: `update`, `delete` (gone from the cloud), ... */
    readonly change: string;
    /** The top-level properties that differ (empty for a deleted resource). */
    readonly properties: readonly string[];
}

/** The operations that are not drift in a refresh preview. */
const NO_DRIFT: ReadonlySet<string> = new Set(["same", "refresh", "read"]);

/** The drifted resource one engine event of a refresh preview reports, if any. */
export function driftedResource(event: EngineEvent): DriftedResource | undefined {
    const step = event.resOutputsEvent;
    if (step === undefined || NO_DRIFT.has(step.metadata.op)) return undefined;
    return { urn: step.metadata.urn, change: step.metadata.op, properties: [...(step.metadata.diffs ?? [])].sort() };
}

const CHANGE_WORDS: Readonly<Record<string, string>> = {
    update: "changed outside Pulumi",
    delete: "deleted outside Pulumi",
};

/** One line per drifted resource: `aws:ec2/vpc:Vpc network-vpc: changed outside Pulumi (tags)`. */
export function driftLine(resource: DriftedResource): string {
    const what = CHANGE_WORDS[resource.change] ?? `${resource.change} on refresh`;
    const properties = resource.properties.length > 0 ? ` (${resource.properties.join(", ")})` : "";
    return `${describeUrn(resource.urn)}: ${what}${properties}`;
}

/** The one-line summary of a layer's drift. */
export function driftSummary(resources: readonly DriftedResource[]): string {
    if (resources.length === 0) return "no drift";
    const counts = new Map<string, number>();
    resources.forEach((r) => counts.set(r.change, (counts.get(r.change) ?? 0) + 1));
    const shown = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([change, n]) => `${n} ${change}`);
    return `drift: ${resources.length} ${resources.length === 1 ? "resource differs" : "resources differ"} from the state (${shown.join(", ")})`;
}
