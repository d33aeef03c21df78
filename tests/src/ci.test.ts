/**
 * How CI counts tests (.ci/run): mocha's JSON reporter, through the spec-and-json reporter, and
 * the counting rules of .ci/mocha-counts.sh (broken runs and skipped tests count as failed).
 */
import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "./paths.js";

const run = promisify(execFile);
const REPORTER = path.join(REPO_ROOT, "tests", "dist", "src", "reporting", "spec-and-json.js");
const MOCHA = path.join(REPO_ROOT, "node_modules", "mocha", "bin", "mocha.js");

function stats(passes: number, failures: number, pending: number): string {
    return JSON.stringify({ stats: { suites: 1, tests: passes + failures + pending, passes, pending, failures }, tests: [] });
}

const scratch: string[] = [];

/** Sources .ci/mocha-counts.sh, runs `count` once per run, prints the totals and the messages. */
async function counts(runs: Array<{ json: string | undefined; status: number }>): Promise<{ totals: string; messages: string }> {
    const dir = mkdtempSync(path.join(tmpdir(), "ci-counts-"));
    scratch.push(dir);
    const calls = runs.map((r, i) => {
        const file = path.join(dir, `run${i}.json`);
        if (r.json !== undefined) {
            writeFileSync(file, r.json);
        }
        return `count run${i} ${file} ${r.status}`;
    });
    const script = `set -uo pipefail; source .ci/mocha-counts.sh; ${calls.join("; ")}; echo "$passed passed, $failed failed, status $status"`;
    const { stdout, stderr } = await run("bash", ["-c", script], { cwd: REPO_ROOT });
    return { totals: stdout.trim(), messages: stderr.split(dir).join("<dir>") };
}

describe("CI test counts (.ci/run)", function () {
    after(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
    this.timeout(60_000);

    it("the spec-and-json reporter prints spec output and writes mocha's JSON report from the same run", async () => {
        const dir = mkdtempSync(path.join(tmpdir(), "ci-reporter-"));
        scratch.push(dir);
        const spec = path.join(dir, "sample.test.js");
        writeFileSync(
            spec,
            'describe("sample", () => { it("passes", () => {}); it("waits"); it("fails", () => { throw new Error("no"); }); });\n',
        );
        const json = path.join(dir, "report.json");
        const result = await run(process.execPath, [
            MOCHA,
            "--no-config",
            "--reporter",
            REPORTER,
            "--reporter-option",
            `json=${json}`,
            spec,
        ]).catch((err: { code: number; stdout: string }) => ({ stdout: err.stdout, code: err.code }));
        assert.match(result.stdout, /1 passing/);
        assert.match(result.stdout, /1 pending/);
        assert.match(result.stdout, /1 failing/);
        const report = JSON.parse(readFileSync(json, "utf8")) as { stats: Record<string, number> };
        assert.deepEqual([report.stats["passes"], report.stats["failures"], report.stats["pending"]], [1, 1, 1]);
    });

    it("sums the runs' passes and failures", async () => {
        const { totals } = await counts([
            { json: stats(40, 0, 0), status: 0 },
            { json: stats(2, 1, 0), status: 1 },
        ]);
        assert.equal(totals, "42 passed, 1 failed, status 1");
        assert.equal((await counts([{ json: stats(42, 0, 0), status: 0 }])).totals, "42 passed, 0 failed, status 0");
    });

    it("a run that broke before mocha counted (no report, or an unreadable one) is a failure", async () => {
        const { totals, messages } = await counts([
            { json: undefined, status: 1 },
            { json: "{", status: 1 },
            { json: stats(5, 0, 0), status: 0 },
        ]);
        assert.equal(totals, "5 passed, 2 failed, status 1");
        assert.match(messages, /^ci: run0 broke before mocha counted its tests \(no readable JSON report at <dir>\/run0\.json\)$/m);
    });

    it("skipped tests are never passes: each counts as failed", async () => {
        const { totals, messages } = await counts([{ json: stats(3, 0, 5), status: 0 }]);
        assert.equal(totals, "3 passed, 5 failed, status 1");
        assert.match(messages, /^ci: run0 skipped 5 tests; each counts as failed$/m);
    });

    it("a non-zero exit without a counted failure, and a run without tests, are failures", async () => {
        assert.equal((await counts([{ json: stats(7, 0, 0), status: 3 }])).totals, "7 passed, 1 failed, status 1");
        assert.equal((await counts([{ json: stats(0, 0, 0), status: 0 }])).totals, "0 passed, 1 failed, status 1");
    });
});
