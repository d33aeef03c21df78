/**
 * The `pulumi` command given to the Automation API: engine-launcher/bin/pulumi, which runs the
 * pinned CLI in a session of its own (see that script), so that a Ctrl-C typed in the terminal
 * reaches the engine once, through us, and it cancels cleanly.
 */
import * as path from "node:path";
import { PulumiCommand } from "@pulumi/pulumi/automation/index.js";
import type { EngineEnvironment } from "./environment.js";
import { FALLBACK_TO_STATE_VARIABLE } from "./stack-secrets.js";

/** The folder the Automation API takes as the CLI's install root (it runs `<root>/bin/pulumi`). */
export const LAUNCHER_ROOT = path.resolve(__dirname, "..", "..", "..", "engine-launcher");

export interface LaunchedEngine {
    readonly command: PulumiCommand;
    /** The engine's environment plus what the launcher reads, and the secrets provider's fallback to the state. */
    readonly env: Record<string, string>;
}

/** The Automation API command and environment that run the pinned CLI through the launcher. */
export async function launchedEngine(engine: EngineEnvironment): Promise<LaunchedEngine> {
    // PulumiCommand.get runs `<root>/bin/pulumi version` with this process's environment, so the
    // launcher must find the CLI there too, and the pinned version it answers with (see that script).
    const launcher: Record<string, string> = {
        PLATFORM_ENGINE_PULUMI: engine.pulumi,
        ...(engine.version === undefined ? {} : { PLATFORM_ENGINE_VERSION: engine.version }),
    };
    Object.assign(process.env, launcher);
    if (engine.version === undefined) {
        // Never an answer left in the environment by an earlier eval of engine-env.sh.
        delete process.env["PLATFORM_ENGINE_VERSION"];
    }
    const command = await PulumiCommand.get({ root: LAUNCHER_ROOT, skipVersionCheck: true });
    // Every stack keeps the secrets provider its state records when its staged file names none (stack-secrets.ts).
    const env: Record<string, string> = { ...engine.env, [FALLBACK_TO_STATE_VARIABLE]: "true", ...launcher };
    if (engine.version === undefined) delete env["PLATFORM_ENGINE_VERSION"];
    return { command, env };
}
