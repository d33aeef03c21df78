/**
 * Where the Go tools that `scripts/tools-setup.sh` builds live (promtool, amtool, opa, actionlint,
 * the real kubernetes provider), for the tests and commands that run them. One rule for every
 * tool: in CI (`CI` or `PLATFORM_REQUIRE_TOOLS` set, as `.ci/run` does) a missing tool is an error,
 * never a skipped test; on a laptop a test may skip with the command that builds it.
 */
import { existsSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The cache root shared with the engine (`PLATFORM_ENGINE_CACHE`). */
export function engineCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
    return env["PLATFORM_ENGINE_CACHE"] ?? path.join(os.homedir(), ".cache", "platform-engine");
}

/** The path `scripts/tools-setup.sh <tool>` builds `binary` to (whether or not it exists yet). */
export function goToolPath(tool: string, binary: string = tool, env: NodeJS.ProcessEnv = process.env): string {
    return path.join(engineCacheRoot(env), "tools", tool, "bin", binary);
}

/** The command that builds a tool, for messages. */
export function goToolSetupCommand(tool: string): string {
    return `bash scripts/tools-setup.sh ${tool}`;
}

/**
 * The tool's path when it is built; otherwise undefined on a laptop, and an error in CI (where
 * `.ci/run` builds every tool before the tests).
 */
export function findGoTool(tool: string, binary: string = tool, env: NodeJS.ProcessEnv = process.env): string | undefined {
    const file = goToolPath(tool, binary, env);
    if (existsSync(file)) return file;
    if (toolsRequired(env)) {
        throw new Error(`${binary} is not built (${file}); CI must build it before the tests. Fix: ${goToolSetupCommand(tool)}`);
    }
    return undefined;
}

/** True where a missing tool must fail (CI, or `PLATFORM_REQUIRE_TOOLS=1`). */
export function toolsRequired(env: NodeJS.ProcessEnv = process.env): boolean {
    return [env["CI"], env["PLATFORM_REQUIRE_TOOLS"]].some((v) => v !== undefined && v !== "" && v !== "0" && v !== "false");
}
