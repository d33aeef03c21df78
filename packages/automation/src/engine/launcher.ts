/**
 * The `pulumi` command given to the Automation API: engine-launcher/bin/pulumi, which runs the
 * pinned CLI in a session of its own (see that script), so that a Ctrl-C typed in the terminal
 * reaches the engine once, through us, and it cancels cleanly.
 */
import * as path from "node:path";
import { PulumiCommand } from "@pulumi/pulumi/automation/index.js";
import type { EngineEnvironment } from "./environment.js";

/** The folder the Automation API takes as the CLI's install root (it runs `<root>/bin/pulumi`). */
export const LAUNCHER_ROOT = path.resolve(__dirname, "..", "..", "..", "engine-launcher");

export interface LaunchedEngine {
    readonly command: PulumiCommand;
    /** The engine's environment plus what the launcher reads. */
    readonly env: Record<string, string>;
}

/** Preloaded into the engine's Node.js processes: `typescript: false` honoured (see that file). */
export const TYPESCRIPT_OFF_PRELOAD = path.join(LAUNCHER_ROOT, "typescript-off.cjs");

/**
 * The engine's variables with {@link TYPESCRIPT_OFF_PRELOAD} added to NODE_OPTIONS (after any the
 * user set). Every project the platform stages says `typescript: false`.
 */
export function withTypescriptOff(env: Readonly<Record<string, string>>): Record<string, string> {
    const require = `--require ${JSON.stringify(TYPESCRIPT_OFF_PRELOAD)}`;
    const current = env["NODE_OPTIONS"] ?? "";
    return { ...env, NODE_OPTIONS: current.includes(TYPESCRIPT_OFF_PRELOAD) ? current : `${current} ${require}`.trim() };
}

/** The Automation API command and environment that run the pinned CLI through the launcher. */
export async function launchedEngine(engine: EngineEnvironment): Promise<LaunchedEngine> {
    // PulumiCommand.get runs `<root>/bin/pulumi version` with this process's environment, so the
    // launcher must find the CLI there too.
    process.env["PLATFORM_ENGINE_PULUMI"] = engine.pulumi;
    const command = await PulumiCommand.get({ root: LAUNCHER_ROOT, skipVersionCheck: true });
    return { command, env: withTypescriptOff({ ...engine.env, PLATFORM_ENGINE_PULUMI: engine.pulumi }) };
}
