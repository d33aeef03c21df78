/**
 * The GitHub workflows pass actionlint (the version pinned in tools/actionlint/go.mod), and
 * actionlint really reports a broken workflow with its file and line (so a clean run means
 * something).
 */
import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { findGoTool } from "@platform/synth";
import { REPO_ROOT } from "./paths.js";

interface Run {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

function actionlint(binary: string, cwd: string, files: readonly string[] = []): Promise<Run> {
    return new Promise((resolve) => {
        // -no-color: plain `file:line:col: message` lines; -shellcheck= and -pyflakes= off so the
        // result does not depend on what else the machine has installed.
        execFile(binary, ["-no-color", "-shellcheck=", "-pyflakes=", ...files], { cwd }, (err, stdout, stderr) => {
            const code = err === null ? 0 : typeof err.code === "number" ? err.code : -1;
            resolve({ code, stdout, stderr });
        });
    });
}

describe("GitHub workflows: actionlint", function () {
    this.timeout(60_000);

    it("reports nothing for .github/workflows (exit 0, no output)", async function () {
        const binary = findGoTool("actionlint");
        if (binary === undefined) return this.skip();
        const run = await actionlint(binary, REPO_ROOT);
        assert.deepEqual(run, { code: 0, stdout: "", stderr: "" });
    });

    it("reports a broken workflow with its file and line (exit 1)", async function () {
        const binary = findGoTool("actionlint");
        if (binary === undefined) return this.skip();
        const dir = mkdtempSync(path.join(tmpdir(), "actionlint-"));
        mkdirSync(path.join(dir, ".github", "workflows"), { recursive: true });
        writeFileSync(
            path.join(dir, ".github", "workflows", "broken.yml"),
            [
                "on: push",
                "jobs:",
                "  build:",
                "    runs-on: ubuntu-24.04",
                "    steps:",
                "      - run: echo ${{ github.no_such_property }}",
                "",
            ].join("\n"),
        );
        // A folder outside any git repository: the file is named on the command line.
        const run = await actionlint(binary, dir, [".github/workflows/broken.yml"]);
        assert.equal(run.code, 1, run.stderr);
        const lines = run.stdout.split("\n").filter((l) => /^\.github\/workflows\//.test(l));
        assert.equal(lines.length, 1, run.stdout);
        assert.match(lines[0], /^\.github\/workflows\/broken\.yml:6:\d+: .*no_such_property/);
    });
});
