/**
 * `kubernetes:helm.sh/v3:Release` in the simulated cloud: the release as Helm records it, without
 * the chart. Check names the release (`<logical name>-<8 hex>`, stable per URN, when `name` is unset)
 * and defaults its namespace; Create reports it `deployed` at revision 1 with the id
 * `<namespace>/<name>`; Update counts revisions (a `helm upgrade`); a change of `name` or
 * `namespace` replaces it. Nothing renders the chart: the objects it would install (Deployments,
 * CRDs...) are not modelled, so a rehearsal proves the release's place in the graph and its
 * inputs, not what the chart does.
 */
import { stableHex } from "./hash.js";
import type { DiffResult, PropertyDiffKind } from "./provider-protocol.js";
import { containsUnknowns, deepEqual, isUnset, plain, UNKNOWN, type WireObject, type WireValue } from "./wire-values.js";

export const HELM_RELEASE_TYPE = "kubernetes:helm.sh/v3:Release";

/** Inputs whose change replaces the release (Helm cannot rename or move a release). */
export const HELM_RELEASE_REPLACE_ON_CHANGE: readonly string[] = ["name", "namespace"];

/** Check: `name` (autonamed, or adopted from the previous inputs) and `namespace` (the provider's, else `default`). */
export function helmReleaseCheck(
    defaultNamespace: string | undefined,
    request: { urn: string; logicalName: string; olds: WireObject; news: WireObject },
): WireObject {
    const out: WireObject = { ...request.news };
    if (isUnset(out["name"])) {
        const previous = request.olds["name"];
        out["name"] = typeof previous === "string" ? previous : `${request.logicalName}-${stableHex(8, "helm-release", request.urn)}`;
    }
    if (isUnset(out["namespace"])) {
        out["namespace"] = defaultNamespace ?? "default";
    }
    return out;
}

function text(value: WireValue | undefined): WireValue {
    const p = plain(value);
    return p === undefined ? null : p;
}

/** A name as text (names are strings; anything else is shown as JSON). */
function label(value: WireValue | undefined): string {
    const p = plain(value);
    return typeof p === "string" ? p : JSON.stringify(p ?? null);
}

/** The release's state: the inputs as given (wire forms kept) and Helm's `status`. */
export function helmReleaseLive(
    inputs: WireObject,
    options: { preview: boolean; priorRevision?: number },
): { id: string; properties: WireObject } {
    const identity = [inputs["name"], inputs["namespace"], inputs["chart"], inputs["version"]];
    const known = !identity.some((v) => containsUnknowns(v));
    const id = known ? `${label(inputs["namespace"])}/${label(inputs["name"])}` : "";
    const status: WireValue =
        options.preview || !known
            ? UNKNOWN
            : {
                  name: text(inputs["name"]),
                  namespace: text(inputs["namespace"]),
                  chart: text(inputs["chart"]),
                  version: text(inputs["version"]),
                  appVersion: text(inputs["version"]),
                  revision: (options.priorRevision ?? 0) + 1,
                  status: "deployed",
              };
    return { id: options.preview ? "" : id, properties: { ...inputs, status } };
}

/** The revision recorded in a release's state (0 when unknown). */
export function helmReleaseRevision(olds: WireObject): number {
    const status = plain(olds["status"]);
    const revision = typeof status === "object" && status !== null && !Array.isArray(status) ? status["revision"] : undefined;
    return typeof revision === "number" ? revision : 0;
}

/** Diff: every changed top-level input; `name` and `namespace` replace (a named release is deleted first). */
export function helmReleaseDiff(before: WireObject, after: WireObject, ignoreChanges: readonly string[] = []): DiffResult {
    const detailedDiff: DiffResult["detailedDiff"] = {};
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
        .filter((k) => k !== "status" && !ignoreChanges.includes(k))
        .sort();
    for (const key of keys) {
        const old = before[key];
        const next = after[key];
        if (isUnset(old) && isUnset(next)) continue;
        if (!containsUnknowns(next) && deepEqual(plain(old), plain(next))) continue;
        const base = isUnset(old) ? "add" : isUnset(next) ? "delete" : "update";
        const kind: PropertyDiffKind = HELM_RELEASE_REPLACE_ON_CHANGE.includes(key) ? `${base}-replace` : base;
        detailedDiff[key] = { kind, inputDiff: true };
    }
    const diffs = Object.keys(detailedDiff);
    const replaces = diffs.filter((k) => detailedDiff[k]?.kind.endsWith("-replace"));
    return { changes: diffs.length > 0, replaces, diffs, detailedDiff, ...(replaces.length > 0 ? { deleteBeforeReplace: true } : {}) };
}
