/**
 * The `platform synth` outputs: the JSON contract and the human-readable tree and policy report.
 * Secret values are printed as `[secret]` in both (see redaction.ts).
 */
import type { Waiver } from "@platform/core";
import { countByType, type InventoryResource } from "@platform/synth";
import { redactedInputs, redactedOutputs, textRedactor } from "./redaction.js";
import type { EnvironmentSynthesis } from "./synthesize-environment.js";

/** `resources[]` element of the JSON contract: exactly these fields of the inventory. */
export type ReportResource = Pick<InventoryResource, "urn" | "type" | "name" | "parent" | "protect" | "inputs">;

/** The one JSON document `platform synth --json` prints. Tests and CI scripts build on this shape. */
export interface SynthReport {
    readonly env: string;
    readonly stacks: Array<{
        project: string;
        stack: string;
        resources: ReportResource[];
        outputs: Record<string, unknown>;
        waivers: Waiver[];
    }>;
    readonly violations: Array<{ pack: string; policy: string; enforcementLevel: string; urn: string | null; message: string }>;
    readonly summary: { resources: number; mandatoryViolations: number; advisoryViolations: number };
}

export function buildReport(result: EnvironmentSynthesis): SynthReport {
    const redact = textRedactor(result.stacks);
    return {
        env: result.env,
        stacks: result.stacks.map((s) => ({
            project: s.project,
            stack: s.stack,
            resources: s.resources.map((r) => ({
                urn: r.urn,
                type: r.type,
                name: r.name,
                parent: r.parent,
                protect: r.protect,
                inputs: redactedInputs(r),
            })),
            outputs: redactedOutputs(s),
            waivers: [...s.waivers],
        })),
        violations: result.violations.map((v) => ({
            pack: v.pack,
            policy: v.policy,
            enforcementLevel: v.enforcementLevel,
            urn: v.urn,
            message: redact(v.message),
        })),
        summary: {
            resources: result.stacks.reduce((n, s) => n + s.resources.length, 0),
            mandatoryViolations: result.violations.filter((v) => v.enforcementLevel === "mandatory").length,
            advisoryViolations: result.violations.filter((v) => v.enforcementLevel === "advisory").length,
        },
    };
}

function renderTree(resources: readonly InventoryResource[]): string[] {
    const children = new Map<string | null, InventoryResource[]>();
    for (const r of resources) {
        const list = children.get(r.parent) ?? [];
        list.push(r);
        children.set(r.parent, list);
    }
    const lines: string[] = [];
    const walk = (r: InventoryResource, prefix: string, last: boolean, top: boolean): void => {
        const marker = top ? "" : last ? "└─ " : "├─ ";
        const flags = r.protect ? " [protected]" : "";
        lines.push(`${prefix}${marker}${r.type}  ${r.name}${flags}`);
        const kids = children.get(r.urn) ?? [];
        const nextPrefix = top ? prefix : `${prefix}${last ? "   " : "│  "}`;
        kids.forEach((k, i) => walk(k, nextPrefix, i === kids.length - 1, false));
    };
    (children.get(null) ?? []).forEach((r) => walk(r, "  ", true, true));
    return lines;
}

/** The human-readable report: per stack a resource tree and counts by type, then the policy report. */
export function renderText(result: EnvironmentSynthesis): string {
    const report = buildReport(result);
    const redact = textRedactor(result.stacks);
    const lines: string[] = [`platform synth --env ${result.env}  (simulated cloud: nothing was created)`, ""];
    for (const stack of result.stacks) {
        lines.push(`stack ${stack.project}/${stack.stack}: ${stack.resources.length} resources`);
        lines.push(...renderTree(stack.resources));
        lines.push("", "  resources by type:");
        for (const { type, count } of countByType(stack.resources)) {
            lines.push(`  ${String(count).padStart(5)}  ${type}`);
        }
        lines.push("", `  outputs: ${Object.keys(stack.outputs).sort().join(", ") || "(none)"}`);
        lines.push(...waiverLines(stack.waivers), "");
    }
    lines.push("policy report");
    if (result.violations.length === 0) {
        lines.push("  no violations");
    }
    for (const v of result.violations) {
        lines.push(`  ${v.enforcementLevel.toUpperCase()}  ${v.pack}/${v.policy}  ${v.urn ?? "(stack)"}`, `      ${redact(v.message)}`);
    }
    const s = report.summary;
    lines.push(
        "",
        `summary: ${s.resources} resources, ${s.mandatoryViolations} mandatory violations, ${s.advisoryViolations} advisory violations`,
    );
    return lines.join("\n");
}

/** The waivers a stack applied, one line each (production floors it weakens on purpose). */
function waiverLines(waivers: readonly Waiver[]): string[] {
    if (waivers.length === 0) {
        return [];
    }
    return [
        `  waivers (${waivers.length}):`,
        ...waivers.map((w) => `    ${w.setting}: ${w.reason} (owner ${w.owner}${w.expires === undefined ? "" : `, expires ${w.expires}`})`),
    ];
}
