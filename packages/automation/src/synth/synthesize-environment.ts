/**
 * `platform synth`: runs the real stack programs of one environment in-process under the Pulumi
 * mock runtime (the simulated cloud), captures every resource with its options, and evaluates all
 * policy packs over the result. No cloud account and no `pulumi` CLI are involved.
 */
import { ENVIRONMENTS, type EnvironmentName } from "@platform/core";
import { evaluatePack, type Violation } from "@platform/policy-kit/harness";
import { type InventoryResource, synthesize } from "@platform/synth";
import { existsSync } from "node:fs";
import { discoverProjects, readStackConfig, selectProjects, type StackProject, UsageError } from "../workspace/projects.js";
import { type PackDefinition, POLICY_PACKS } from "./policy-packs.js";

export interface SynthesizeEnvironmentOptions {
    /** Repository (or fixture) root holding Pulumi.yaml and stacks/. */
    readonly root: string;
    readonly env: string;
    /** A project name, or `all` for every layer stack that has config for the environment. @default "all" */
    readonly stack?: string;
    /** Packs to evaluate. @default the aws, gcp and platform packs */
    readonly packs?: readonly PackDefinition[];
}

export interface StackSynthesis {
    readonly project: string;
    readonly stack: string;
    readonly resources: InventoryResource[];
    readonly outputs: Record<string, unknown>;
}

export interface EnvironmentSynthesis {
    readonly env: EnvironmentName;
    readonly stacks: StackSynthesis[];
    readonly violations: Violation[];
}

type ProgramFunction = () => unknown;

function loadProgram(project: StackProject): ProgramFunction {
    if (!existsSync(project.main)) {
        throw new UsageError(`${project.main} (main of project ${project.name}) does not exist; run pnpm build first`);
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported: unknown = require(project.main);
    if (typeof exported !== "function") {
        throw new UsageError(
            `${project.main} must export a function (\`export = program\`) so it can be run once per stack; it exports ${typeof exported}`,
        );
    }
    return exported as ProgramFunction;
}

export async function synthesizeEnvironment(options: SynthesizeEnvironmentOptions): Promise<EnvironmentSynthesis> {
    if (!(ENVIRONMENTS as readonly string[]).includes(options.env)) {
        throw new UsageError(`--env ${options.env}: unknown environment; use one of ${ENVIRONMENTS.join(", ")}`);
    }
    const env = options.env as EnvironmentName;
    const projects = selectProjects(discoverProjects(options.root), options.stack ?? "all", env);
    const stacks: StackSynthesis[] = [];
    // Outputs of stacks synthesized so far, so a downstream StackReference resolves like the file backend would.
    const stackOutputs: Record<string, Record<string, unknown>> = {};
    for (const project of projects) {
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
        stacks.push({ project: result.project, stack: result.stack, resources: result.resources, outputs: result.outputs });
    }
    const violations: Violation[] = [];
    for (const stack of stacks) {
        for (const pack of options.packs ?? POLICY_PACKS) {
            violations.push(...(await evaluatePack(pack, { resources: stack.resources })));
        }
    }
    return { env, stacks, violations };
}
