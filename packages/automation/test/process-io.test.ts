import * as assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { processIo } from "../src/index.js";

describe("processIo: the job summary ($GITHUB_STEP_SUMMARY)", () => {
    it("appends each summary to the file, after what other steps' commands wrote", () => {
        const file = path.join(mkdtempSync(path.join(tmpdir(), "step-summary-")), "summary.md");
        writeFileSync(file, "earlier\n");
        const io = processIo({ cwd: "/", cancellable: false, stepSummaryFile: file });
        assert.ok(io.stepSummary !== undefined);
        io.stepSummary("## platform preview --env dev\n");
        io.stepSummary("## platform preview --env prod\n");
        assert.equal(readFileSync(file, "utf8"), "earlier\n## platform preview --env dev\n\n## platform preview --env prod\n\n");
    });

    it("has no summary outside GitHub Actions (unset or empty)", () => {
        assert.equal(processIo({ cwd: "/", cancellable: false }).stepSummary, undefined);
        assert.equal(processIo({ cwd: "/", cancellable: false, stepSummaryFile: "" }).stepSummary, undefined);
    });
});
