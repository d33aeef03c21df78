/**
 * Runs the stack programs of one environment in order under the mock runtime, each seeing the
 * outputs of the ones before through its StackReferences, as the file backend would give them.
 * Shared by `platform synth` and the offline config check of `platform preview|up`.
 */
import type { EnvironmentName, Waiver } from "@platform/core";
import { type InventoryResource, synthesize } from "@platform/synth";
import { checkAcrossEnvironments } from "../workspace/environment-config.js";
import { readStackConfig, type StackProject } from "../workspace/projects.js";
import { loadProgram } from "./load-program.js";

export interface StackSynthesis {
    readonly project: string;
    readonly stack: string;
    readonly resources: InventoryResource[];
    readonly outputs: Record<string, unknown>;
    /** Paths of the outputs that are secrets (reports print them as `[secret]`). */
    readonly secretOutputPaths: readonly string[];
    /** Production-weakening overrides the stack's config waives, with reason and owner. */
    readonly waivers: readonly Waiver[];
    /** The stacks the program read through StackReferences (`<organization>/<project>/<stack>`), in the order read. */
    readonly stackReferences: readonly string[];
}

export interface SynthesizeStacksOptions {
    /** Repository (or fixture) root: stack files are named relative to it in messages. */
    readonly root: string;
    /**
     * Called with a program's error instead of rethrowing it; the run then goes on with the next
     * stack (which sees no outputs of the failed one). @default rethrow
     */
    readonly onProgramError?: (project: StackProject, error: unknown) => void;
}

export async function synthesizeStacks(
    projects: readonly StackProject[],
    env: EnvironmentName,
    options: SynthesizeStacksOptions,
): Promise<StackSynthesis[]> {
    const stacks: StackSynthesis[] = [];
    const stackOutputs: Record<string, Record<string, unknown>> = {};
    for (const project of projects) {
        // Rules across environment files first; the settings also carry the waivers the report lists.
        const settings = checkAcrossEnvironments(options.root, project, env);
        const config = readStackConfig(project, env);
        const program = loadProgram(project);
        try {
            const result = await synthesize({
                project: project.name,
                stack: env,
                config: config.values,
                secretKeys: config.secretKeys,
                program,
                cloud: { stackOutputs },
            });
            stackOutputs[`${project.name}/${env}`] = result.outputs;
            stacks.push({
                project: result.project,
                stack: result.stack,
                resources: result.resources,
                outputs: result.outputs,
                secretOutputPaths: result.secretOutputPaths,
                waivers: settings?.waivers ?? [],
                stackReferences: result.stackReferences,
            });
        } catch (err) {
            if (options.onProgramError === undefined) throw err;
            options.onProgramError(project, err);
        }
    }
    return stacks;
}
