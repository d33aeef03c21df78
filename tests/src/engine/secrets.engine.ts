/**
 * Plain `pulumi` in a checked-in stack directory after `eval "$(pnpm -s engine:env)"`: the pulumi
 * on PATH (scripts/shims/pulumi) runs the pinned CLI in the project's staged copy, so neither an
 * encryptionsalt nor a secret ever reaches a checked-in Pulumi.<env>.yaml; the checked-in files
 * stay byte-identical through a stack init, a preview and an up.
 */
import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "../paths.js";
import { useSimulatedEngine } from "./harness.js";

const run = promisify(execFile);
const FOUNDATION = path.join(REPO_ROOT, "stacks", "foundation");

/** Every checked-in stack file of the foundation project, by name, as bytes. */
function stackFileBytes(): Map<string, Buffer> {
    return new Map(
        readdirSync(FOUNDATION)
            .filter((f) => /^Pulumi\..*ya?ml$/.test(f))
            .map((f) => [f, readFileSync(path.join(FOUNDATION, f))]),
    );
}

describe("real engine: plain pulumi in a checked-in stack directory (engine environment)", function () {
    this.timeout(600_000);
    const harness = useSimulatedEngine();

    /** `pulumi <args>` as a user types it in stacks/foundation: the first pulumi on the engine environment's PATH. */
    async function pulumi(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
        try {
            const { stdout, stderr } = await run("pulumi", args, { cwd: FOUNDATION, env: harness.engine.env, maxBuffer: 64 * 1024 * 1024 });
            return { code: 0, stdout, stderr };
        } catch (err) {
            const e = err as { code?: number; stdout?: string; stderr?: string };
            return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
        }
    }

    it("stack init, preview and up run in the staged copy and write the salt there; the checked-in files stay byte-identical", async () => {
        const before = stackFileBytes();
        const staged = path.join(harness.engine.env["PLATFORM_STATE_DIR"] ?? "", "workspaces", "foundation");
        const note = `pulumi: stacks/foundation is checked in; running in its staged copy ${staged} (the checked-in stack files are never written)\n`;

        const init = await pulumi(["stack", "select", "--create", "dev"]);
        assert.deepEqual([init.code, init.stderr], [0, note + "Created stack 'dev'\n"]);
        assert.deepEqual(stackFileBytes(), before);

        const preview = await pulumi(["preview", "--stack", "dev", "--non-interactive", "--color", "never"]);
        assert.equal(preview.code, 0, preview.stderr);
        assert.match(preview.stdout, /\+ 56 to create/);
        assert.deepEqual(stackFileBytes(), before);

        const up = await pulumi(["up", "--yes", "--stack", "dev", "--non-interactive", "--color", "never"]);
        assert.equal(up.code, 0, up.stderr);
        assert.match(up.stdout, /\+ 56 created/);
        assert.deepEqual(stackFileBytes(), before);

        // The CLI did write a salt: into the staged copy, which is not checked in.
        assert.match(readFileSync(path.join(staged, "Pulumi.dev.yaml"), "utf8"), /^encryptionsalt: v1:/m);
        const { stdout: status } = await run("git", ["status", "--porcelain", "--", "."], { cwd: FOUNDATION });
        assert.equal(status, "");

        const destroyed = await pulumi(["destroy", "--yes", "--stack", "dev", "--non-interactive", "--color", "never"]);
        assert.equal(destroyed.code, 0, destroyed.stderr);
        assert.deepEqual(stackFileBytes(), before);
    });

    it("config edits that would write into a checked-in stack file are refused with the fix, and the file is unchanged", async () => {
        const before = stackFileBytes();
        for (const args of [
            ["config", "set", "--secret", "platform:apiToken", "s3cr3t", "--stack", "dev"],
            ["config", "set", "platform:team", "other", "--stack", "dev"],
            ["stack", "change-secrets-provider", "passphrase", "--stack", "dev"],
        ]) {
            const result = await pulumi(args);
            assert.deepEqual(
                [result.code, result.stdout, result.stderr],
                [
                    2,
                    "",
                    `pulumi ${args[0]} ${args[1]}: stacks/foundation is a checked-in stack project. In the engine environment the CLI would write an\n` +
                        "encryptionsalt, and secrets encrypted with the published local passphrase, into its checked-in Pulumi.<stack>.yaml.\n" +
                        "Fix: edit the stack file by hand for plain settings (then: pnpm platform preview --env <env> --simulate); manage\n" +
                        "secrets from a shell without the engine environment, against the real backend and its secrets provider.\n",
                ],
                args.join(" "),
            );
        }
        assert.deepEqual(stackFileBytes(), before);
    });

    it("control: the pinned CLI itself, without the shim, writes an encryptionsalt into the stack file beside Pulumi.yaml", async () => {
        const copy = mkdtempSync(path.join(tmpdir(), "foundation-copy-"));
        // Without stackConfigDir, so the stack file is the one beside Pulumi.yaml.
        const project = readFileSync(path.join(FOUNDATION, "Pulumi.yaml"), "utf8").replace(/^stackConfigDir:.*$/m, "");
        writeFileSync(path.join(copy, "Pulumi.yaml"), project);
        writeFileSync(path.join(copy, "Pulumi.control.yaml"), "config:\n  platform:environment: dev\n");
        await run(harness.engine.pulumi, ["stack", "select", "--create", "control", "--non-interactive"], {
            cwd: copy,
            env: harness.engine.env,
        });
        assert.match(readFileSync(path.join(copy, "Pulumi.control.yaml"), "utf8"), /^encryptionsalt: v1:/m);
    });

    it("commands that read no stack config run the pinned CLI unchanged", async () => {
        const version = await pulumi(["version"]);
        assert.deepEqual(version, { code: 0, stdout: "v3.276.0\n", stderr: "" });
    });
});
