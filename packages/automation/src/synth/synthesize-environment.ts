/**
 * `platform synth`: runs the real stack programs of one environment in-process under the Pulumi
 * mock runtime (the simulated cloud), captures every resource with its options, and evaluates all
 * policy packs over the result. No cloud account and no `pulumi` CLI are involved.
 */
import type { EnvironmentName } from "@platform/core";
import { evaluatePack, type Violation } from "@platform/policy-kit/harness";
import { checkEnvironment } from "../workspace/environments.js";
import { discoverProjects, readProject, selectProjects, upstreamProjects } from "../workspace/projects.js";
import { type PackDefinition, POLICY_PACKS } from "./policy-packs.js";
import { type StackSynthesis, synthesizeStacks } from "./synthesize-stacks.js";

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

export interface EnvironmentSynthesis {
    readonly env: EnvironmentName;
    readonly stacks: StackSynthesis[];
    readonly violations: Violation[];
}

export async function synthesizeEnvironment(options: SynthesizeEnvironmentOptions): Promise<EnvironmentSynthesis> {
    const env = checkEnvironment(options.env);
    const discovered = discoverProjects(options.root);
    const selected = selectProjects(discovered, options.stack ?? "all", env);
    // One layer alone still needs its upstream layers' outputs: synthesized first, not reported.
    const upstream = upstreamProjects(discovered, selected, env);
    const projects = [...upstream, ...selected, ...(options.appProjects ?? []).map((dir) => readProject(dir, false))];
    const stacks = (await synthesizeStacks(projects, env, { root: options.root })).filter(
        (s) => !upstream.some((p) => p.name === s.project),
    );
    const violations: Violation[] = [];
    for (const stack of stacks) {
        for (const pack of options.packs ?? POLICY_PACKS) {
            violations.push(...(await evaluatePack(pack, { resources: stack.resources })));
        }
    }
    return { env, stacks, violations };
}
