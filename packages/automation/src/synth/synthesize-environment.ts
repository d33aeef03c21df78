/**
 * `platform synth`: runs the real stack programs of one environment in-process under the Pulumi
 * mock runtime (the simulated cloud), captures every resource with its options, and evaluates all
 * policy packs over the result. No cloud account and no `pulumi` CLI are involved.
 */
import type { EnvironmentName, Waiver } from "@platform/core";
import { evaluatePack, type Violation } from "@platform/policy-kit/harness";
import { type InventoryResource, synthesize } from "@platform/synth";
import { checkAcrossEnvironments } from "../workspace/environment-config.js";
import { checkEnvironment } from "../workspace/environments.js";
import { discoverProjects, readProject, readStackConfig, selectProjects } from "../workspace/projects.js";
import { loadProgram } from "./load-program.js";
import { type PackDefinition, POLICY_PACKS } from "./policy-packs.js";

export interface SynthesizeEnvironmentOptions {
    /** Repository (or fixture) root holding Pulumi.yaml and stacks/. */
    readonly root: string;
    readonly env: string;
    /** A project name, or `all` for every layer stack that has config for the environment. @default "all" */
    readonly stack?: string;
    /** Packs to evaluate. @default the aws, gcp, platform and kubernetes packs */
    readonly packs?: readonly PackDefinition[];
    /**
     * Directories of app projects (e.g. `examples/docuthinker`) synthesized after the layers, with
     * the layers' outputs behind their stack references, and checked by the same packs. @default []
     */
    readonly appProjects?: readonly string[];
}

export interface StackSynthesis {
    readonly project: string;
    readonly stack: string;
    readonly resources: InventoryResource[];
    readonly outputs: Record<string, unknown>;
    /** Paths of the outputs that are secrets (reports print them as `[secret]`). */
    readonly secretOutputPaths: readonly string[];
    /** Production-weakening overrides the stack's config waives, with reason and owner. */
    readonly waivers: readonly Waiver[];
}

export interface EnvironmentSynthesis {
    readonly env: EnvironmentName;
    readonly stacks: StackSynthesis[];
    readonly violations: Violation[];
}

export async function synthesizeEnvironment(options: SynthesizeEnvironmentOptions): Promise<EnvironmentSynthesis> {
    const env = checkEnvironment(options.env);
    const projects = [
        ...selectProjects(discoverProjects(options.root), options.stack ?? "all", env),
        ...(options.appProjects ?? []).map((dir) => readProject(dir, false)),
    ];
    const stacks: StackSynthesis[] = [];
    // Outputs of stacks synthesized so far, so a downstream StackReference resolves like the file backend would.
    const stackOutputs: Record<string, Record<string, unknown>> = {};
    for (const project of projects) {
        // Cross-environment rules first; the settings also carry the waivers the report lists.
        const settings = checkAcrossEnvironments(options.root, project, env);
        const config = readStackConfig(project, env);
        const program = loadProgram(project);
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
        });
    }
    const violations: Violation[] = [];
    for (const stack of stacks) {
        for (const pack of options.packs ?? POLICY_PACKS) {
            violations.push(...(await evaluatePack(pack, { resources: stack.resources })));
        }
    }
    return { env, stacks, violations };
}
