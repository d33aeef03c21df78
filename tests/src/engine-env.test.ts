import * as assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { EngineUnavailableError, simulatedEngineEnvironment } from "@platform/automation";
import { REPO_ROOT } from "./paths.js";

describe("engine environment (scripts/engine-env.sh)", () => {
    const cache = mkdtempSync(path.join(tmpdir(), "engine-cache-"));
    const state = mkdtempSync(path.join(tmpdir(), "engine-state-"));
    after(() => [cache, state].forEach((dir) => rmSync(dir, { recursive: true, force: true })));
    const env = { ...process.env, PLATFORM_ENGINE_CACHE: cache, PLATFORM_STATE_DIR: state, PULUMI_CONFIG_PASSPHRASE: "" };
    const printed = execFileSync("bash", [path.join(REPO_ROOT, "scripts", "engine-env.sh")], {
        env,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
    });

    it("puts the pulumi shim, the pinned engine, then the simulated cloud's plugins, then the project's Node.js first on PATH", () => {
        const pathLine = printed.split("\n").find((l) => l.startsWith("export PATH="));
        assert.ok(pathLine);
        const [shimBin, engineBin, pluginBin, nodeBin] = pathLine.slice("export PATH=".length).split(":");
        assert.equal(shimBin, path.join(REPO_ROOT, "scripts", "shims"));
        assert.equal(engineBin, path.join(cache, "v3.276.0", "bin"));
        assert.equal(pluginBin, path.join(REPO_ROOT, "packages", "simulated-cloud", "bin"));
        // pnpm's folder for the .npmrc use-node-version (setup.sh seeds it): the Node that runs programs.
        assert.match(nodeBin, /\/nodejs\/24\.22\.3\/bin$/);
        assert.equal(execFileSync(path.join(nodeBin, "node"), ["--version"], { encoding: "utf8" }).trim(), "v24.22.3");
    });

    it("keeps Pulumi offline, on a local file backend, and leaves an existing passphrase alone", () => {
        const lines = printed
            .trim()
            .split("\n")
            .filter((l) => !l.startsWith("export PATH="));
        assert.deepEqual(lines, [
            `export PLATFORM_ENGINE_PULUMI=${path.join(cache, "v3.276.0", "bin", "pulumi")}`,
            `export PLATFORM_STATE_DIR=${state}`,
            `export PULUMI_BACKEND_URL=file://${state}/backend`,
            `export PULUMI_HOME=${path.join(cache, "pulumi-home")}`,
            "export PULUMI_SKIP_UPDATE_CHECK=true",
            "export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true",
        ]);
    });

    it("without a passphrase, sets the published local one and says on stderr that it is for the throwaway local state only", () => {
        const withoutPassphrase: NodeJS.ProcessEnv = { ...env };
        delete withoutPassphrase["PULUMI_CONFIG_PASSPHRASE"];
        delete withoutPassphrase["PULUMI_CONFIG_PASSPHRASE_FILE"];
        const result = spawnSync("bash", [path.join(REPO_ROOT, "scripts", "engine-env.sh")], { env: withoutPassphrase, encoding: "utf8" });
        assert.equal(result.stdout.trim().split("\n").pop(), "export PULUMI_CONFIG_PASSPHRASE=local-dev-only");
        assert.ok(
            result.stderr.includes(
                `engine-env: PULUMI_CONFIG_PASSPHRASE=local-dev-only is a published passphrase for the throwaway simulated state in ${state} only\n`,
            ),
            result.stderr,
        );
    });

    it("without a built engine, the automation layer says how to build it", () => {
        assert.throws(
            () => simulatedEngineEnvironment(REPO_ROOT, env),
            (err: Error) =>
                err instanceof EngineUnavailableError &&
                err.message === `no pinned pulumi CLI in ${path.join(cache, "v3.276.0", "bin")}; fix: pnpm engine:setup`,
        );
    });
});
