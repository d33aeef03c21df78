/**
 * The environment in which the real engine runs against the simulated cloud: the pinned CLI built
 * by `pnpm engine:setup` first on PATH, the simulated `pulumi-resource-aws` / `-gcp` / `-kubernetes` plugins next,
 * plugin downloads off, and a local file backend under the repository's ignored `.state/` folder.
 *
 * `scripts/engine-env.sh` is the one definition of the engine variables; this module evaluates it
 * rather than repeating it.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";

/**
 * The repository this package is built in (dist/src/engine is five levels below it): where
 * scripts/engine-env.sh, the simulated cloud and the local state live, whatever `--root` names.
 */
export const PLATFORM_REPOSITORY = path.resolve(__dirname, "..", "..", "..", "..", "..");

/** Repository-relative folder for local state (git-ignored). */
export const STATE_DIR = ".state";

/** Where local state lives: `$PLATFORM_STATE_DIR`, else `<root>/.state` (tests point it at a temp dir). */
export function stateDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
    return env["PLATFORM_STATE_DIR"] ? path.resolve(env["PLATFORM_STATE_DIR"]) : path.join(root, STATE_DIR);
}

export interface EngineEnvironment {
    /** Variables for the engine's processes (the current environment plus the engine's). */
    readonly env: Record<string, string>;
    /** Absolute path of the `pulumi` binary. */
    readonly pulumi: string;
    /** `file://` URL of the local backend. */
    readonly backendUrl: string;
}

/** Why the engine cannot run here, with the command that fixes it. */
export class EngineUnavailableError extends Error {
    constructor(reason: string, fix = "pnpm engine:setup") {
        super(`${reason}; fix: ${fix}`);
        this.name = "EngineUnavailableError";
    }
}

/** Directory of the simulated cloud's provider executables. */
export function simulatedCloudBin(root: string): string {
    return path.join(root, "packages", "simulated-cloud", "bin");
}

/** Parses `env -0` output. */
function parseEnv0(text: string): Record<string, string> {
    const env: Record<string, string> = {};
    for (const entry of text.split("\0")) {
        const eq = entry.indexOf("=");
        if (eq > 0) {
            env[entry.slice(0, eq)] = entry.slice(eq + 1);
        }
    }
    return env;
}

/**
 * The engine environment for the simulated cloud, as `scripts/engine-env.sh` defines it. Throws
 * {@link EngineUnavailableError} when the pinned CLI or the simulated plugins are not built.
 */
export function simulatedEngineEnvironment(root: string, base: NodeJS.ProcessEnv = process.env): EngineEnvironment {
    const script = path.join(root, "scripts", "engine-env.sh");
    const evaluated = execFileSync("bash", ["-c", `eval "$(bash ${JSON.stringify(script)} 2>/dev/null)" && env -0`], {
        env: { ...base, PLATFORM_STATE_DIR: stateDir(root, base) },
        encoding: "utf8",
    });
    const env = parseEnv0(evaluated);
    const pulumi = env["PLATFORM_ENGINE_PULUMI"] ?? "";
    const engineBin = path.dirname(pulumi);
    if (!path.isAbsolute(pulumi) || !existsSync(pulumi) || !existsSync(path.join(engineBin, "pulumi-language-nodejs"))) {
        throw new EngineUnavailableError(`no pinned pulumi CLI in ${engineBin}`);
    }
    const onPath = (env["PATH"] ?? "").split(":");
    if (
        !onPath.includes(simulatedCloudBin(root)) ||
        !existsSync(path.join(root, "packages", "simulated-cloud", "dist", "src", "main.js"))
    ) {
        throw new EngineUnavailableError("the simulated cloud is not compiled", "pnpm build");
    }
    const backendUrl = env["PULUMI_BACKEND_URL"];
    if (!backendUrl?.startsWith("file://")) {
        throw new Error(`scripts/engine-env.sh set no local backend (PULUMI_BACKEND_URL=${String(backendUrl)})`);
    }
    return { env, pulumi, backendUrl };
}
