/**
 * Every environment's export (`platform export --format tfplan`), made once per test run and
 * shared by the test files that read it (export coverage, Checkov parity). The folder is removed
 * after the run.
 */
import { type EnvironmentSynthesis, type StackExport, synthesizeEnvironment, writeExport } from "@platform/automation";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "./paths.js";

export const ENVIRONMENTS = ["dev", "staging", "prod", "dr"] as const;

export interface EnvironmentExport {
    readonly synthesis: EnvironmentSynthesis;
    readonly dir: string;
    readonly stacks: readonly StackExport[];
}

let root: string | undefined;
const made = new Map<string, Promise<EnvironmentExport>>();

async function make(env: string): Promise<EnvironmentExport> {
    root ??= mkdtempSync(path.join(tmpdir(), "platform-export-"));
    const synthesis = await synthesizeEnvironment({ root: REPO_ROOT, env });
    const dir = path.join(root, env);
    return { synthesis, dir, stacks: writeExport(synthesis.stacks, dir) };
}

/** The environment synthesized (policy packs evaluated) and exported into a temporary folder. */
export function exportedEnvironment(env: string): Promise<EnvironmentExport> {
    let result = made.get(env);
    if (result === undefined) {
        result = make(env);
        made.set(env, result);
    }
    return result;
}

/** The environment synthesized only (no files), for checks that need the inventory alone. */
export async function synthesized(env: string): Promise<EnvironmentSynthesis> {
    return (await exportedEnvironment(env)).synthesis;
}

// A root hook: runs once after every test file of the run.
after(() => {
    if (root !== undefined) rmSync(root, { recursive: true, force: true });
});
