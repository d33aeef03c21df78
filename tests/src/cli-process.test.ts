/**
 * The `platform` command as a process: what only a real process shows (a reader that closes the
 * pipe, exit codes set by main.ts).
 */
import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "./paths.js";

const run = promisify(execFile);
const MAIN = path.join(REPO_ROOT, "packages", "automation", "dist", "src", "cli", "main.js");

/** Runs `platform <args> | <reader>` in bash; returns the platform process's exit code, what the reader printed, and platform's stderr. */
async function piped(args: string[], reader: string): Promise<{ code: number; read: string; stderr: string }> {
    const dir = mkdtempSync(path.join(tmpdir(), "platform-pipe-"));
    const errFile = path.join(dir, "stderr");
    const script = `"$0" "$1" ${args.join(" ")} 2>"$2" | ${reader}; echo "exit=\${PIPESTATUS[0]}"`;
    const { stdout } = await run("bash", ["-c", script, process.execPath, MAIN, errFile], { cwd: REPO_ROOT });
    const lines = stdout.trimEnd().split("\n");
    const code = Number(/^exit=(\d+)$/.exec(lines.pop() ?? "")?.[1]);
    const stderr = readFileSync(errFile, "utf8");
    rmSync(dir, { recursive: true, force: true });
    return { code, read: lines.join("\n"), stderr };
}

describe("platform as a process", function () {
    this.timeout(60_000);

    it("synth --json | head -1: the first line, then a quiet exit 0 (no EPIPE trace)", async () => {
        const { code, read, stderr } = await piped(["synth", "--env", "dev", "--json"], "head -1");
        assert.deepEqual({ code, read, stderr }, { code: 0, read: "{", stderr: "" });
    });

    it("synth into a reader that is already gone (| true): EPIPE on the first write, still a quiet exit 0", async () => {
        assert.deepEqual(await piped(["synth", "--env", "dev"], "true"), { code: 0, read: "", stderr: "" });
    });

    it("a repeated flag exits 2 with the message on stderr", async () => {
        const { code, read, stderr } = await piped(["synth", "--env", "dev", "--env", "prod"], "cat");
        assert.deepEqual(
            { code, read, stderr },
            {
                code: 2,
                read: "",
                stderr: 'platform: --env = "dev", "prod": given 2 times. Fix: pass --env once\n',
            },
        );
    });
});
