import * as assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { EngineUnavailableError, realEngineEnvironment, simulatedEngineEnvironment, UsageError } from "@platform/automation";
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
            "export PLATFORM_ENGINE_VERSION=v3.276.0",
            `export PLATFORM_STATE_DIR=${state}`,
            `export PULUMI_BACKEND_URL=file://${state}/backend`,
            `export PULUMI_HOME=${path.join(cache, "pulumi-home")}`,
            "export PULUMI_SKIP_UPDATE_CHECK=true",
            "export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true",
            `export NODE_COMPILE_CACHE=${process.env["NODE_COMPILE_CACHE"] ?? path.join(process.env["TMPDIR"] ?? "/tmp", "node-compile-cache")}`,
        ]);
    });

    it("gives the engine's Node.js processes the module compile cache: Node's default folder, or the one set", () => {
        const withCache = execFileSync("bash", [path.join(REPO_ROOT, "scripts", "engine-env.sh")], {
            env: { ...env, NODE_COMPILE_CACHE: "/var/cache/node compile" },
            encoding: "utf8",
            stdio: ["ignore", "pipe", "pipe"],
        });
        assert.ok(withCache.split("\n").includes("export NODE_COMPILE_CACHE=/var/cache/node\\ compile"), withCache);
        const withoutTmpdir: NodeJS.ProcessEnv = { ...env };
        delete withoutTmpdir["TMPDIR"];
        delete withoutTmpdir["NODE_COMPILE_CACHE"];
        const defaulted = execFileSync("bash", [path.join(REPO_ROOT, "scripts", "engine-env.sh")], {
            env: withoutTmpdir,
            encoding: "utf8",
            stdio: ["ignore", "pipe", "pipe"],
        });
        assert.ok(defaulted.split("\n").includes("export NODE_COMPILE_CACHE=/tmp/node-compile-cache"), defaulted);
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

    describe("real clouds (no --simulate)", () => {
        // A stand-in engine build: the environment checks that the binaries exist, never runs them.
        const fakeCache = mkdtempSync(path.join(tmpdir(), "engine-cache-"));
        after(() => rmSync(fakeCache, { recursive: true, force: true }));
        const engineBin = path.join(fakeCache, "v3.276.0", "bin");
        mkdirSync(engineBin, { recursive: true });
        for (const binary of ["pulumi", "pulumi-language-nodejs"]) {
            writeFileSync(path.join(engineBin, binary), "#!/bin/sh\nexit 1\n");
            chmodSync(path.join(engineBin, binary), 0o755);
        }
        const user: NodeJS.ProcessEnv = { ...process.env, PLATFORM_ENGINE_CACHE: fakeCache, PLATFORM_STATE_DIR: state };
        for (const key of [
            "PULUMI_BACKEND_URL",
            "PULUMI_HOME",
            "PULUMI_CONFIG_PASSPHRASE",
            "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION",
        ]) {
            delete user[key];
        }

        it("the user's backend, Pulumi home, plugin downloads and secrets; the pinned engine without the simulated plugins", () => {
            const engine = realEngineEnvironment(REPO_ROOT, { ...user, PULUMI_BACKEND_URL: "s3://acme-pulumi-state" });
            assert.equal(engine.backendUrl, "s3://acme-pulumi-state");
            assert.equal(engine.pulumi, path.join(engineBin, "pulumi"));
            assert.equal(engine.version, "v3.276.0");
            const onPath = (engine.env["PATH"] ?? "").split(":");
            assert.equal(onPath[0], engineBin);
            assert.match(onPath[1] ?? "", /\/nodejs\/24\.22\.3\/bin$/);
            assert.equal(onPath.includes(path.join(REPO_ROOT, "packages", "simulated-cloud", "bin")), false);
            assert.equal(onPath.includes(path.join(REPO_ROOT, "scripts", "shims")), false);
            assert.equal(engine.env["PULUMI_BACKEND_URL"], "s3://acme-pulumi-state");
            for (const key of ["PULUMI_HOME", "PULUMI_CONFIG_PASSPHRASE", "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION"]) {
                assert.equal(engine.env[key], undefined, key);
            }
            // Only a speed-up, as in rehearsals: the same compile cache folder.
            const expected = user["NODE_COMPILE_CACHE"] ?? path.join(user["TMPDIR"] ?? "/tmp", "node-compile-cache");
            assert.equal(engine.env["NODE_COMPILE_CACHE"], expected);
        });

        it("refuses an unset backend, and the simulated cloud's rehearsal state, naming the fix", () => {
            assert.throws(
                () => realEngineEnvironment(REPO_ROOT, user),
                (err: Error) =>
                    err instanceof UsageError &&
                    err.message ===
                        "PULUMI_BACKEND_URL = (unset): without --simulate, platform runs the engine against real clouds and needs your state backend. " +
                            "Fix: export PULUMI_BACKEND_URL=s3://<bucket> (or gs://<bucket>, https://api.pulumi.com, file://<dir>) with cloud credentials in the environment, or add --simulate to rehearse",
            );
            assert.throws(
                () => realEngineEnvironment(REPO_ROOT, { ...user, PULUMI_BACKEND_URL: `file://${state}/backend/` }),
                (err: Error) =>
                    err instanceof UsageError &&
                    err.message ===
                        `PULUMI_BACKEND_URL = file://${state}/backend/: that is the simulated cloud's rehearsal state, and real providers must not write into it. ` +
                            "Fix: point it at your real backend, or add --simulate to rehearse",
            );
        });
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
