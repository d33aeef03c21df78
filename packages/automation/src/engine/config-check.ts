/**
 * Bad stack config must stop `platform preview|up` the way it stops `platform synth`: exit 2 and
 * the validation message, every problem listed. Under the engine the same validation error is an
 * unhandled exception of the program in the language host (a stack trace, and the CLI exits 1),
 * so the config is checked here first, as synth checks it.
 *
 * A project with `platform:` config gets what its program does first (`loadPlatformSettings`:
 * `parseStackConfig` over the stack file) and the rules across environment files, both in
 * `checkAcrossEnvironments`: milliseconds, where running every program offline cost about 2 s of
 * CPU for prod before the engine could start. A project without `platform:` keys (one that reads
 * other config, or whose platform config is missing altogether) still runs offline under the mock
 * runtime, exactly as synth runs it. Only a config error (or a missing file) stops the run here;
 * anything else a program does wrong is left for the engine to report in its own words. The
 * offline runner (and the cloud SDKs it loads) is imported only then: `platform preview` of the
 * platform's own stacks never loads it.
 */
import { ConfigValidationError } from "@platform/core/config";
import type { EnvironmentName } from "@platform/facts";
import { UsageError } from "../workspace/errors.js";
import { checkAcrossEnvironments } from "../workspace/environment-config.js";
import { discoverProjects, type StackProject, upstreamProjects } from "../workspace/projects.js";
import type { PackCloud } from "./policy-packs.js";

/**
 * Throws the {@link ConfigValidationError} (or {@link UsageError}) that stack config would cause;
 * otherwise returns each project's cloud, from its settings (undefined for a project without
 * `platform:` config), which decides its policy packs (policy-packs.ts).
 */
export async function checkStackConfig(
    root: string,
    projects: readonly StackProject[],
    env: EnvironmentName,
): Promise<Map<string, PackCloud | undefined>> {
    const clouds = new Map(projects.map((project) => [project.name, checkAcrossEnvironments(root, project, env)?.cloud]));
    const unparsed = projects.filter((project) => clouds.get(project.name) === undefined);
    if (unparsed.length === 0) {
        return clouds;
    }
    // A layer run alone reads its upstream layers' outputs: those run first here too.
    const upstream = upstreamProjects(discoverProjects(root), unparsed, env);
    const { synthesizeStacks } = await import("../synth/synthesize-stacks.js");
    await synthesizeStacks([...upstream, ...unparsed], env, {
        root,
        onProgramError: (_project, err) => {
            if (err instanceof ConfigValidationError || err instanceof UsageError) {
                throw err;
            }
        },
    });
    return clouds;
}
