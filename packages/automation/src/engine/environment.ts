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
import { UsageError } from "../workspace/errors.js";

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
    /** Its version (`v3.276.0`), the go.mod pin it is built from; undefined when engine-env.sh gave none. */
    readonly version?: string;
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
 * The engine environment for real clouds (`platform preview|up|destroy|refresh|drift` without
 * `--simulate`): the same pinned CLI, language host and project Node.js as the simulated runs, but
 * none of the simulated plugins on PATH, the user's own backend (`PULUMI_BACKEND_URL`: S3, GCS,
 * Azure Blob, Pulumi Cloud or a file folder), Pulumi home, plugin downloads and secrets provider,
 * and cloud credentials from the environment (OIDC in CI). The same code path as the simulated runs
 * from here on. Refuses an unset backend, and the simulated cloud's own state folder (real
 * providers must never write into rehearsal state, nor the simulated cloud into real state).
 */
export function realEngineEnvironment(root: string, base: NodeJS.ProcessEnv = process.env): EngineEnvironment {
    const backendUrl = base["PULUMI_BACKEND_URL"] ?? "";
    if (backendUrl === "") {
        throw new UsageError(
            "PULUMI_BACKEND_URL = (unset): without --simulate, platform runs the engine against real clouds and needs your state backend. " +
                "Fix: export PULUMI_BACKEND_URL=s3://<bucket> (or gs://<bucket>, https://api.pulumi.com, file://<dir>) with cloud credentials in the environment, or add --simulate to rehearse",
        );
    }
    const simulated = simulatedEngineEnvironment(root, base);
    if (backendUrl.replace(/\/+$/, "") === simulated.backendUrl.replace(/\/+$/, "")) {
        throw new UsageError(
            `PULUMI_BACKEND_URL = ${backendUrl}: that is the simulated cloud's rehearsal state, and real providers must not write into it. ` +
                "Fix: point it at your real backend, or add --simulate to rehearse",
        );
    }
    const enginePath = (simulated.env["PATH"] ?? "")
        .split(":")
        .filter((dir) => dir !== simulatedCloudBin(root) && dir !== path.join(root, "scripts", "shims"))
        .join(":");
    // The user's variables, not the rehearsal's: no local passphrase, Pulumi home or plugin block.
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(base)) if (value !== undefined) env[key] = value;
    // The module compile cache is only a speed-up for the engine's Node.js processes, as in rehearsals.
    const compileCache = simulated.env["NODE_COMPILE_CACHE"];
    return {
        env: {
            ...env,
            PATH: enginePath,
            PULUMI_SKIP_UPDATE_CHECK: "true",
            ...(compileCache === undefined ? {} : { NODE_COMPILE_CACHE: compileCache }),
        },
        pulumi: simulated.pulumi,
        ...(simulated.version === undefined ? {} : { version: simulated.version }),
        backendUrl,
    };
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
    const version = env["PLATFORM_ENGINE_VERSION"];
    return { env, pulumi, ...(version === undefined || version === "" ? {} : { version }), backendUrl };
}
