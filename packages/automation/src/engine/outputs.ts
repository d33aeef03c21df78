/**
 * `platform outputs`: every layer's stack outputs of one environment, read through the Automation
 * API from the backend (the simulated one with --simulate, else PULUMI_BACKEND_URL), in the
 * registry's order. Secret outputs are never printed: they read `[secret]`. A layer with no stack
 * in the backend is reported as not deployed. This is what sets the GitHub environment variables
 * from the security stack (README "CI") without a `cd` into each project.
 */
import { LocalWorkspace, StackNotFoundError } from "@pulumi/pulumi/automation/index.js";
import { checkEnvironment } from "../workspace/environments.js";
import { discoverProjects, selectProjects } from "../workspace/projects.js";
import { PLATFORM_REPOSITORY, realEngineEnvironment, simulatedEngineEnvironment } from "./environment.js";
import { launchedEngine } from "./launcher.js";
import { stageWorkspace } from "./workspace.js";

/** What a secret output reads as. */
export const SECRET_OUTPUT = "[secret]";

export interface StackOutputsResult {
    readonly project: string;
    readonly stack: string;
    /** false: the backend has no such stack (the layer was never deployed there). */
    readonly deployed: boolean;
    readonly outputs: Readonly<Record<string, unknown>>;
}

/** Outputs as printed: values, secrets replaced by {@link SECRET_OUTPUT}. */
export function visibleOutputs(
    outputs: Readonly<Record<string, { readonly value: unknown; readonly secret: boolean }>>,
): Record<string, unknown> {
    return Object.fromEntries(
        Object.entries(outputs)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([key, o]) => [key, o.secret ? SECRET_OUTPUT : o.value]),
    );
}

export async function readStackOutputs(options: {
    readonly root: string;
    readonly env: string;
    readonly stack: string;
    readonly simulate: boolean;
    readonly environment?: NodeJS.ProcessEnv;
}): Promise<StackOutputsResult[]> {
    const env = checkEnvironment(options.env);
    const base = { ...process.env, ...options.environment };
    const engine = options.simulate
        ? simulatedEngineEnvironment(PLATFORM_REPOSITORY, base)
        : realEngineEnvironment(PLATFORM_REPOSITORY, base);
    const projects = selectProjects(discoverProjects(options.root), options.stack, env);
    const launched = await launchedEngine(engine);
    const results: StackOutputsResult[] = [];
    for (const project of projects) {
        const staged = stageWorkspace(PLATFORM_REPOSITORY, project, env, options.simulate ? "rehearsal" : "real");
        try {
            const stack = await LocalWorkspace.selectStack(
                { stackName: env, workDir: staged.workDir },
                {
                    envVars: launched.env,
                    pulumiCommand: launched.command,
                    projectSettings: staged.projectSettings,
                    stackSettings: staged.stackSettings,
                    ...(staged.secretsProvider === undefined ? {} : { secretsProvider: staged.secretsProvider }),
                },
            );
            results.push({ project: project.name, stack: env, deployed: true, outputs: visibleOutputs(await stack.outputs()) });
        } catch (err) {
            if (!(err instanceof StackNotFoundError)) throw err;
            results.push({ project: project.name, stack: env, deployed: false, outputs: {} });
        }
    }
    return results;
}
