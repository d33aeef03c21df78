/**
 * Simulated drift: a change made in the cloud behind the engine's back (a console edit, a deleted
 * resource), so `pulumi refresh` and `platform drift` can be rehearsed. `PLATFORM_SIMULATED_DRIFT`
 * (in the environment of the engine) names a JSON file read at every Read:
 *
 *   { "<resource URN>": { "set": { "<property>": <value>, ... } },   // those properties changed
 *     "<resource URN>": "deleted" }                                   // the resource is gone
 *
 * `set` replaces top-level properties in what Read returns (outputs, and inputs when the engine
 * sent them, as a console edit changes both). Unset: no drift, as before.
 */
import { readFileSync } from "node:fs";
import type { WireObject, WireValue } from "./values.js";

export const DRIFT_VARIABLE = "PLATFORM_SIMULATED_DRIFT";

export type DriftEntry = "deleted" | { readonly set: Readonly<Record<string, WireValue>> };
export type Drift = Readonly<Record<string, DriftEntry>>;

export interface ReadResult {
    readonly id: string;
    readonly properties: WireObject;
    readonly inputs?: WireObject;
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses the drift file's text; a clear error, naming the variable and the fix, for anything else. */
export function parseDrift(text: string, file: string): Drift {
    const fail = (problem: string): never => {
        throw new Error(
            `${DRIFT_VARIABLE} = ${JSON.stringify(file)}: ${problem}. Fix: write {"<urn>": {"set": {"<property>": <value>}}} or {"<urn>": "deleted"}, or unset ${DRIFT_VARIABLE}`,
        );
    };
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (err) {
        return fail(`not JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    if (!isRecord(parsed)) return fail("not a JSON object");
    const drift: Record<string, DriftEntry> = {};
    for (const [urn, entry] of Object.entries(parsed)) {
        if (!urn.startsWith("urn:pulumi:")) fail(`key ${JSON.stringify(urn)} is not a resource URN`);
        if (entry === "deleted") {
            drift[urn] = "deleted";
        } else if (isRecord(entry) && isRecord(entry["set"]) && Object.keys(entry).length === 1) {
            drift[urn] = { set: entry["set"] as Record<string, WireValue> };
        } else {
            fail(`the entry of ${urn} is neither "deleted" nor {"set": {...}}`);
        }
    }
    return drift;
}

/** The drift file named by the environment, or no drift. Read each time: a test edits it between runs. */
export function driftFromEnvironment(env: NodeJS.ProcessEnv = process.env): Drift {
    const file = env[DRIFT_VARIABLE];
    if (file === undefined || file === "") return {};
    let text: string;
    try {
        text = readFileSync(file, "utf8");
    } catch (err) {
        throw new Error(
            `${DRIFT_VARIABLE} = ${JSON.stringify(file)}: cannot read it (${err instanceof Error ? err.message : String(err)}). Fix: point it at a drift file, or unset it`,
        );
    }
    return parseDrift(text, file);
}

/** What Read returns for `urn` once the drift is applied: an empty id tells the engine the resource is gone. */
export function applyDrift(drift: Drift, urn: string, result: ReadResult): ReadResult {
    const entry = drift[urn];
    if (entry === undefined) return result;
    if (entry === "deleted") return { id: "", properties: {} };
    return {
        id: result.id,
        properties: { ...result.properties, ...entry.set },
        ...(result.inputs !== undefined ? { inputs: { ...result.inputs, ...entry.set } } : {}),
    };
}
