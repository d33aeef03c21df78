/**
 * `platform preview|up|destroy`: drives the real engine through the Automation API, one stack
 * project after another (destroy in reverse order). With `simulate`, the engine is the pinned CLI
 * and the cloud is the simulated one, with a local file backend: a full rehearsal, offline.
 */
import * as path from "node:path";
import { LocalWorkspace, PulumiCommand } from "@pulumi/pulumi/automation/index.js";
import { ENVIRONMENTS } from "@platform/core";
import { UsageError } from "../workspace/errors.js";
import { discoverProjects, selectProjects } from "../workspace/projects.js";
import { simulatedEngineEnvironment } from "./environment.js";
import { stageWorkspace } from "./workspace.js";

export const ENGINE_OPERATIONS = ["preview", "up", "destroy"] as const;
export type EngineOperation = (typeof ENGINE_OPERATIONS)[number];

/** The policy packs every preview and update runs with. */
export function policyPackDirs(root: string): string[] {
    return ["aws", "gcp", "platform"].map((p) => path.join(root, "policies", p));
}

export interface DeploymentOptions {
    readonly root: string;
    readonly env: string;
    readonly operation: EngineOperation;
    /** A stack project, or `all` for every layer stack with config for the environment. */
    readonly stack: string;
    /** Run against the simulated cloud with the pinned engine. Real clouds are not driven from here yet. */
    readonly simulate: boolean;
    /** Progress and engine output, line by line. */
    readonly progress: (line: string) => void;
}

export interface StackOperationResult {
    readonly project: string;
    readonly stack: string;
    readonly ok: boolean;
    readonly summary: string;
}

export async function runDeployment(options: DeploymentOptions): Promise<StackOperationResult[]> {
    if (!(ENVIRONMENTS as readonly string[]).includes(options.env)) {
        throw new UsageError(`--env ${options.env}: unknown environment; use one of ${ENVIRONMENTS.join(", ")}`);
    }
    if (!options.simulate) {
        throw new UsageError(
            `platform ${options.operation} drives real clouds only with --simulate for now; for a real account run pulumi ${options.operation} in the stack directory (see README)`,
        );
    }
    const engine = simulatedEngineEnvironment(options.root);
    const pulumiCommand = await PulumiCommand.get({ root: path.dirname(path.dirname(engine.pulumi)), skipVersionCheck: true });
    let projects = selectProjects(discoverProjects(options.root), options.stack, options.env);
    if (options.operation === "destroy") {
        projects = [...projects].reverse();
    }
    const results: StackOperationResult[] = [];
    for (const project of projects) {
        const staged = stageWorkspace(options.root, project, options.env);
        options.progress(
            `==> ${project.name}/${options.env}: pulumi ${options.operation} (simulated cloud, rehearsal only: nothing is created in AWS or GCP; state in ${engine.backendUrl})`,
        );
        const stack = await LocalWorkspace.createOrSelectStack(
            { stackName: options.env, workDir: staged.workDir },
            {
                envVars: engine.env,
                pulumiCommand,
                projectSettings: staged.projectSettings,
                stackSettings: staged.stackSettings,
            },
        );
        const onOutput = (out: string) => {
            for (const line of out.replace(/\n$/, "").split("\n")) {
                options.progress(`    ${line}`);
            }
        };
        try {
            if (options.operation === "preview") {
                const result = await stack.preview({ policyPacks: policyPackDirs(options.root), onOutput, color: "never" });
                results.push({ project: project.name, stack: options.env, ok: true, summary: JSON.stringify(result.changeSummary) });
            } else if (options.operation === "up") {
                const result = await stack.up({ policyPacks: policyPackDirs(options.root), onOutput, color: "never" });
                results.push({
                    project: project.name,
                    stack: options.env,
                    ok: true,
                    summary: JSON.stringify(result.summary.resourceChanges ?? {}),
                });
            } else {
                const result = await stack.destroy({ onOutput, color: "never" });
                results.push({
                    project: project.name,
                    stack: options.env,
                    ok: true,
                    summary: JSON.stringify(result.summary.resourceChanges ?? {}),
                });
            }
        } catch (err) {
            results.push({
                project: project.name,
                stack: options.env,
                ok: false,
                summary: err instanceof Error ? err.message.split("\n").slice(0, 3).join(" ") : String(err),
            });
            break;
        }
    }
    return results;
}
