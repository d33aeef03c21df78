/**
 * How a stack's secrets provider reaches the engine through `platform` (stack-secrets.ts), with the
 * pinned CLI and a program without resources (tests/fixtures/secure-config), so the real-cloud mode
 * (no --simulate: the user's backend, here a file folder of the test's own) runs offline too.
 * `awskms://` and `gcpkms://` keys cannot be reached here; they take the same path as the named
 * passphrase provider (the same three stack-file keys, the same `stack init --secrets-provider`).
 */
import * as assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { EXIT, SECRET_PLACEHOLDER } from "@platform/automation";
import { parse as parseYaml } from "yaml";
import { SECURE_CONFIG_PASSPHRASE, SECURE_CONFIG_TOKEN } from "../fixtures/secret-values.js";
import { FIXTURES, REPO_ROOT } from "../paths.js";
import { useSimulatedEngine } from "./harness.js";
import { platform } from "./platform-process.js";

const FIXTURE = path.join(FIXTURES, "secure-config");
const ROOT = ["--root", FIXTURE, "--stack", "secure-config", "--plain"];
/** The salt tests/fixtures/secure-config/Pulumi.dev.yaml names. */
const FIXTURE_SALT = (parseYaml(readFileSync(path.join(FIXTURE, "Pulumi.dev.yaml"), "utf8")) as { encryptionsalt: string }).encryptionsalt;

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

describe("real engine: the stack's secrets provider through platform", function () {
    this.timeout(600_000);
    const harness = useSimulatedEngine();
    let scratch: string;
    /** The user's side of a real-cloud run: their backend (a folder here), Pulumi home and passphrase. */
    let real: NodeJS.ProcessEnv;

    before(() => {
        scratch = mkdtempSync(path.join(tmpdir(), "platform-secrets-provider-"));
        mkdirSync(path.join(scratch, "backend"));
        real = {
            PULUMI_BACKEND_URL: `file://${path.join(scratch, "backend")}`,
            PULUMI_HOME: path.join(scratch, "home"),
            PULUMI_CONFIG_PASSPHRASE: SECURE_CONFIG_PASSPHRASE,
        };
    });
    after(() => rmSync(scratch, { recursive: true, force: true }));

    const stateDir = (): string => harness.engine.env["PLATFORM_STATE_DIR"] ?? "";
    const staged = (env: string): Record<string, unknown> =>
        parseYaml(readFileSync(path.join(stateDir(), "workspaces", "secure-config", `Pulumi.${env}.yaml`), "utf8")) as Record<
            string,
            unknown
        >;
    /** The secrets provider a real-run stack's checkpoint records. */
    const stateProvider = (env: string): { type: string; state: { salt?: string } } =>
        (
            JSON.parse(readFileSync(path.join(scratch, "backend", ".pulumi", "stacks", "secure-config", `${env}.json`), "utf8")) as {
                checkpoint: { latest: { secrets_providers: { type: string; state: { salt?: string } } } };
            }
        ).checkpoint.latest.secrets_providers;
    async function tokenDigest(env: string, mode: NodeJS.ProcessEnv, simulate: string[]): Promise<unknown> {
        const outputs = await platform(
            ["outputs", "--env", env, "--json", "--root", FIXTURE, "--stack", "secure-config", ...simulate],
            mode,
        );
        assert.equal(outputs.code, 0, outputs.stderr);
        return (JSON.parse(outputs.stdout) as { stacks: { outputs: Record<string, unknown> }[] }).stacks[0].outputs["tokenDigest"];
    }

    it("real: a new stack is made with the file's provider and salt, and its secure value decrypts", async () => {
        const up = await platform(["up", "--env", "dev", ...ROOT], real);
        assert.equal(up.code, EXIT.ok, up.stderr);
        assert.match(up.stdout, /^ok {8}secure-config\/dev: \{"create":1\}$/m);
        // Made with the file's salt: without it carried, the CLI would have made a salt of its own.
        assert.deepEqual(stateProvider("dev"), { type: "passphrase", state: { salt: FIXTURE_SALT } });
        assert.equal(await tokenDigest("dev", real, []), sha256(SECURE_CONFIG_TOKEN));
    });

    it("real: another passphrase than the file's salt was made with stops the run (exit 3, the engine's reason)", async () => {
        const preview = await platform(["preview", "--env", "dev", ...ROOT], { ...real, PULUMI_CONFIG_PASSPHRASE: "another passphrase" });
        assert.equal(preview.code, EXIT.failure);
        assert.match(preview.stderr, /^FAILED {4}secure-config\/dev: .*get stack secrets manager: incorrect passphrase$/m);
    });

    it("rehearsal: the secure value is the offline placeholder, said once, and nothing of the file's provider is staged", async () => {
        const up = await platform(["up", "--env", "dev", "--simulate", ...ROOT]);
        assert.equal(up.code, EXIT.ok, up.stderr);
        const warnings = up.stderr.split("\n").filter((line) => line.startsWith("warning: "));
        assert.deepEqual(warnings, [
            `warning: ${path.join(FIXTURE, "Pulumi.dev.yaml")}: secure-config:token is a secure: value; a rehearsal cannot decrypt it and gives the program ` +
                `"${SECRET_PLACEHOLDER}" (a real run decrypts with the file's secrets provider)`,
        ]);
        assert.deepEqual(staged("dev")["config"], { "secure-config:token": SECRET_PLACEHOLDER });
        assert.equal(staged("dev")["secretsprovider"], undefined);
        assert.equal(await tokenDigest("dev", {}, ["--simulate"]), sha256(SECRET_PLACEHOLDER));
    });

    it("real: a file that names no provider keeps the one the stack's state records (its salt), run after run", async () => {
        const up = await platform(["up", "--env", "staging", ...ROOT], real);
        assert.equal(up.code, EXIT.ok, up.stderr);
        const salt = stateProvider("staging").state.salt;
        assert.match(salt ?? "", /^v1:/);
        assert.notEqual(salt, FIXTURE_SALT);
        // The staged file is written again without a salt; without the fallback the CLI would make a new one.
        const preview = await platform(["preview", "--env", "staging", ...ROOT], real);
        assert.equal(preview.code, EXIT.ok, preview.stderr);
        assert.equal(staged("staging")["encryptionsalt"], salt);
        assert.deepEqual(stateProvider("staging"), { type: "passphrase", state: { salt } });
    });

    it("a bad secrets setting in the stack file exits 2 before any engine starts, naming the file, the key and the fix", async () => {
        const root = path.join(scratch, "bad");
        mkdirSync(root);
        writeFileSync(
            path.join(root, "Pulumi.yaml"),
            `name: secure-config\nruntime: nodejs\nmain: ${path.join(REPO_ROOT, "tests", "dist", "src", "fixtures", "secure-config.js")}\n`,
        );
        writeFileSync(path.join(root, "Pulumi.prod.yaml"), "encryptedkey: AQIDBA==\nconfig:\n  secure-config:team: platform\n");
        for (const mode of [[], ["--simulate"]]) {
            const preview = await platform(["preview", "--env", "prod", "--root", root, "--stack", "secure-config", ...mode], real);
            assert.deepEqual([preview.code, preview.stdout], [EXIT.usage, ""], preview.stderr);
            assert.match(
                preview.stderr,
                /^platform: .*\/bad\/Pulumi\.prod\.yaml: encryptedkey = "AQIDBA==": a data key without the secretsprovider that encrypted it .* Fix: add the secretsprovider line/,
            );
        }
        assert.equal(existsSync(path.join(scratch, "backend", ".pulumi", "stacks", "secure-config", "prod.json")), false);
    });
});
