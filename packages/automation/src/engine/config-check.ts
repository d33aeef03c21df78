/**
 * Bad stack config must stop `platform preview|up` the way it stops `platform synth`: exit 2 and
 * the validation message, every problem listed. Under the engine the same validation error is an
 * unhandled exception of the program in the language host (a stack trace, and the CLI exits 1),
 * so each stack program first runs offline under the mock runtime, exactly as synth runs it.
 * Only a config error (or a missing file) stops the run here; anything else the program does
 * wrong is left for the engine to report in its own words.
 */
import { ConfigValidationError, type EnvironmentName } from "@platform/core";
import { synthesizeStacks } from "../synth/synthesize-stacks.js";
import { UsageError } from "../workspace/errors.js";
import { discoverProjects, type StackProject, upstreamProjects } from "../workspace/projects.js";

/** Throws the {@link ConfigValidationError} (or {@link UsageError}) that stack config would cause. */
export async function checkStackConfig(root: string, projects: readonly StackProject[], env: EnvironmentName): Promise<void> {
    // A layer run alone reads its upstream layers' outputs: those run first here too.
    const upstream = upstreamProjects(discoverProjects(root), projects, env);
    await synthesizeStacks([...upstream, ...projects], env, {
        root,
        onProgramError: (_project, err) => {
            if (err instanceof ConfigValidationError || err instanceof UsageError) {
                throw err;
            }
        },
    });
}
