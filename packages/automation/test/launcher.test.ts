import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LAUNCHER_ROOT, launchedEngine } from "../src/index.js";

/** A stand-in pinned CLI that logs its arguments and answers `version` with v3.250.0. */
const FAKE_CLI = `#!/usr/bin/env bash
echo "$*" >> "$FAKE_LOG"
if [ "$1" = version ]; then echo v3.250.0; fi
`;

describe("the engine launcher (engine-launcher/bin/pulumi)", () => {
    let dir: string;
    let fake: string;
    let log: string;
    const saved = { ...process.env };

    beforeEach(() => {
        dir = mkdtempSync(path.join(os.tmpdir(), "launcher-"));
        fake = path.join(dir, "pulumi");
        writeFileSync(fake, FAKE_CLI);
        chmodSync(fake, 0o755);
        log = path.join(dir, "calls.log");
        process.env["FAKE_LOG"] = log;
    });
    afterEach(() => {
        for (const key of ["FAKE_LOG", "PLATFORM_ENGINE_PULUMI", "PLATFORM_ENGINE_VERSION"]) {
            if (saved[key] === undefined) delete process.env[key];
            else process.env[key] = saved[key];
        }
        rmSync(dir, { recursive: true, force: true });
    });

    const calls = (): string[] => (existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : []);
    const launch = (args: string[], version?: string): string => {
        const env: NodeJS.ProcessEnv = { ...process.env, PLATFORM_ENGINE_PULUMI: fake };
        if (version === undefined) delete env["PLATFORM_ENGINE_VERSION"];
        else env["PLATFORM_ENGINE_VERSION"] = version;
        return execFileSync(path.join(LAUNCHER_ROOT, "bin", "pulumi"), args, { env, encoding: "utf8" });
    };

    it("answers exactly `version` with the pinned version, without starting the CLI", () => {
        assert.equal(launch(["version"], "v3.276.0"), "v3.276.0\n");
        assert.deepEqual(calls(), []);
    });

    it("runs the CLI for everything else: `version` with a flag, no pinned version, other commands", () => {
        launch(["version", "--json"], "v3.276.0");
        assert.equal(launch(["version"]), "v3.250.0\n");
        assert.equal(launch(["version"], ""), "v3.250.0\n");
        launch(["preview", "--stack", "prod"], "v3.276.0");
        assert.deepEqual(calls(), ["version --json", "version", "version", "preview --stack prod"]);
    });

    it("launchedEngine: the Automation API gets the pinned version from the launcher, the engine both variables and the secrets provider's fallback to the state", async () => {
        const launched = await launchedEngine({ env: { A: "1" }, pulumi: fake, version: "v3.276.0", backendUrl: "file:///state" });
        assert.equal(launched.command.version?.toString(), "3.276.0");
        assert.deepEqual(calls(), []);
        assert.deepEqual(launched.env, {
            A: "1",
            PULUMI_FALLBACK_TO_STATE_SECRETS_MANAGER: "true",
            PLATFORM_ENGINE_PULUMI: fake,
            PLATFORM_ENGINE_VERSION: "v3.276.0",
        });
    });

    it("launchedEngine without a pinned version asks the CLI, whatever an earlier eval of engine-env.sh left", async () => {
        process.env["PLATFORM_ENGINE_VERSION"] = "v9.9.9";
        const launched = await launchedEngine({ env: { PLATFORM_ENGINE_VERSION: "v9.9.9" }, pulumi: fake, backendUrl: "file:///state" });
        assert.equal(launched.command.version?.toString(), "3.250.0");
        assert.deepEqual(calls(), ["version"]);
        assert.deepEqual(launched.env, { PULUMI_FALLBACK_TO_STATE_SECRETS_MANAGER: "true", PLATFORM_ENGINE_PULUMI: fake });
        assert.equal(process.env["PLATFORM_ENGINE_VERSION"], undefined);
    });
});
