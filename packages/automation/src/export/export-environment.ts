/**
 * `platform export`: synthesizes an environment offline (as `platform synth` does, without the
 * policy packs) and writes, per stack project, `<out>/<project>/tfplan.json` (its aws and gcp
 * resources as a Terraform plan) and `<out>/<project>/kubernetes/*.yaml` (its Kubernetes objects).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { synthesizeEnvironment } from "../synth/synthesize-environment.js";
import type { StackSynthesis } from "../synth/synthesize-stacks.js";
import { isKubernetesObject, kubernetesManifest, manifestFileName } from "./kubernetes-manifests.js";
import { terraformPlan } from "./terraform-plan.js";
import { loadTerraformTypes, missingTerraformTypes, MissingTerraformTypeError } from "./terraform-types.js";

export { EXPORT_FORMATS, type ExportFormat } from "./formats.js";

export interface ExportOptions {
    readonly root: string;
    readonly env: string;
    /** A project name, or `all`. @default "all" */
    readonly stack?: string;
    /** The folder written; each exported project's folder in it is emptied first. */
    readonly out: string;
}

export interface StackExport {
    readonly project: string;
    /** `<out>/<project>/tfplan.json` */
    readonly planFile: string;
    readonly planResources: number;
    readonly manifestFiles: readonly string[];
}

export async function exportEnvironment(options: ExportOptions): Promise<StackExport[]> {
    const synthesis = await synthesizeEnvironment({ root: options.root, env: options.env, stack: options.stack, packs: [] });
    return writeExport(synthesis.stacks, options.out);
}

/** Writes the export of already synthesized stacks into `out`. */
export function writeExport(stacks: readonly StackSynthesis[], out: string): StackExport[] {
    const synthesis = { stacks };
    const options = { out };
    const table = loadTerraformTypes();
    // Every missing type at once, before anything is written.
    const missing = missingTerraformTypes(
        synthesis.stacks.flatMap((s) => s.resources.filter((r) => r.custom).map((r) => r.type)),
        table,
    );
    if (missing.length > 0) throw new MissingTerraformTypeError(missing);
    const exports: StackExport[] = [];
    for (const stack of synthesis.stacks) {
        const dir = path.join(options.out, stack.project);
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        const plan = terraformPlan(stack.resources, table);
        const planFile = path.join(dir, "tfplan.json");
        writeFileSync(planFile, `${JSON.stringify(plan, null, 2)}\n`);
        const objects = stack.resources.filter(isKubernetesObject);
        const manifestFiles: string[] = [];
        if (objects.length > 0) {
            const manifests = path.join(dir, "kubernetes");
            mkdirSync(manifests, { recursive: true });
            const used = new Set<string>();
            for (const object of objects) {
                let file = manifestFileName(object);
                for (let n = 2; used.has(file); n++) file = manifestFileName(object).replace(/\.yaml$/, `-${n}.yaml`);
                used.add(file);
                writeFileSync(path.join(manifests, file), kubernetesManifest(object));
                manifestFiles.push(path.join(manifests, file));
            }
        }
        exports.push({ project: stack.project, planFile, planResources: plan.planned_values.root_module.resources.length, manifestFiles });
    }
    return exports;
}
