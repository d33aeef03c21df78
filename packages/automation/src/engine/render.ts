/**
 * `platform render --env E [--out DIR]`: every Kubernetes object of an environment written as the
 * YAML the real kubernetes provider would apply, without a cluster. The layers run `up` on the
 * pinned engine against the simulated cloud, in a throwaway state, with the simulated kubernetes
 * plugin in render mode (packages/simulated-cloud/src/render.ts): plain objects go to the real
 * provider (its Check, Diff and Create, `renderYamlToDirectory`), one folder per stack project.
 * Helm releases stay simulated and are not rendered (their charts come from the repositories at
 * deploy time; docs/addons.md lists chart, version and values).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REAL_PROVIDER_ENV, RENDER_DIR_ENV } from "@platform/simulated-cloud";
import { findGoTool, goToolPath, goToolSetupCommand } from "@platform/synth";
import { EngineUnavailableError } from "./environment.js";
import { runDeployment, type StackOperationResult } from "./deploy.js";

export interface RenderOptions {
    readonly root: string;
    readonly env: string;
    /** A stack project, or `all`. */
    readonly stack: string;
    /** Where the manifests go, one folder per project; emptied first. */
    readonly out: string;
    readonly progress: (line: string) => void;
    readonly warn?: (line: string) => void;
    readonly signal?: AbortSignal;
    readonly rootArgument?: string;
}

export interface RenderResult {
    readonly results: StackOperationResult[];
    /** Files written, relative to `out`, sorted. */
    readonly files: string[];
}

/** The real kubernetes provider, or the command that builds it. */
export function realKubernetesProvider(env: NodeJS.ProcessEnv = process.env): string {
    const binary = findGoTool("kubernetes-provider", "pulumi-resource-kubernetes", { ...env, PLATFORM_REQUIRE_TOOLS: "" });
    if (binary === undefined) {
        throw new EngineUnavailableError(
            `platform render needs the real kubernetes provider (${goToolPath("kubernetes-provider", "pulumi-resource-kubernetes", env)})`,
            goToolSetupCommand("kubernetes-provider"),
        );
    }
    return binary;
}

function filesUnder(dir: string, prefix = ""): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? filesUnder(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
    );
}

export async function renderEnvironment(options: RenderOptions): Promise<RenderResult> {
    const provider = realKubernetesProvider();
    const out = path.resolve(options.out);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    // A state of its own: the rehearsal's state in .state/ is neither read nor changed.
    const state = mkdtempSync(path.join(os.tmpdir(), "platform-render-"));
    try {
        const results = await runDeployment({
            root: options.root,
            env: options.env,
            operation: "up",
            stack: options.stack,
            simulate: true,
            progress: options.progress,
            warn: options.warn,
            signal: options.signal,
            rootArgument: options.rootArgument,
            environment: { PLATFORM_STATE_DIR: state, [REAL_PROVIDER_ENV]: provider },
            stackEnvironment: (project) => ({ [RENDER_DIR_ENV]: path.join(out, project.name) }),
        });
        return { results, files: filesUnder(out).sort() };
    } finally {
        rmSync(state, { recursive: true, force: true });
    }
}
