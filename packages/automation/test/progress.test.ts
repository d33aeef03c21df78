import * as assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { stripVTControlCharacters } from "node:util";
import { plainDisplay } from "../src/cli/progress/display.js";
import { changeCounts, duration, finishedTitle } from "../src/cli/progress/format.js";
import { isCi, progressMode } from "../src/cli/progress/mode.js";
import { taskListProgress } from "../src/cli/progress/task-list.js";
import type { ProgressDisplay } from "../src/cli/progress/display.js";
import type { StackOperationResult } from "../src/index.js";

const ok = (project: string, changes: Record<string, number>): StackOperationResult => ({
    project,
    stack: "prod",
    status: "ok",
    summary: JSON.stringify(changes),
    details: [],
    changes,
});
const failed: StackOperationResult = { project: "security", stack: "prod", status: "failed", summary: "the engine failed", details: [] };

/** Lets the task list's tasks react to what the display was told. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Drives a display as runDeployment does one layer at a time: foundation ok, security failed, cluster never runs. */
async function drive(display: ProgressDisplay): Promise<void> {
    display.planned(["foundation/prod", "security/prod", "cluster/prod"]);
    await settle();
    display.started("foundation/prod", "pulumi preview (simulated cloud)");
    display.output("foundation/prod", "Previewing update (prod):");
    display.output("foundation/prod", "    + 79 to create");
    await settle();
    display.finished("foundation/prod", ok("foundation", { create: 79, same: 2 }), 1234);
    await settle();
    display.started("security/prod", "pulumi preview (simulated cloud)");
    display.output("security/prod", "error: boom");
    await settle();
    display.finished("security/prod", failed, 500);
    await settle();
    await display.close();
}

const skipped: StackOperationResult = {
    project: "data",
    stack: "prod",
    status: "skipped",
    summary: "skipped: needs security/prod, which failed",
    details: [],
};

/**
 * Drives a display as runDeployment does two layers at once: foundation and security start
 * together and their lines interleave; security fails, so data (which needs it) is skipped, and
 * foundation finishes after.
 */
async function driveConcurrent(display: ProgressDisplay): Promise<void> {
    display.planned(["foundation/prod", "security/prod", "data/prod"]);
    await settle();
    display.started("foundation/prod", "pulumi up");
    display.started("security/prod", "pulumi up");
    await settle();
    display.output("foundation/prod", "Updating (prod):");
    display.output("security/prod", "Updating (prod):");
    display.output("security/prod", "error: boom");
    display.output("foundation/prod", "+ 79 created");
    await settle();
    display.finished("security/prod", { ...failed, status: "failed" }, 500);
    display.finished("data/prod", skipped, 0);
    await settle();
    display.finished("foundation/prod", ok("foundation", { create: 79 }), 1234);
    await settle();
    await display.close();
}

/** A stream that says it is a terminal, collecting what is written. */
function fakeTerminal(): { stream: NodeJS.WriteStream; text: () => string } {
    const stream = new PassThrough();
    let text = "";
    stream.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    Object.assign(stream, { isTTY: true, columns: 120, rows: 40 });
    return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

describe("progress: which display (TTY x CI x --plain x --json)", () => {
    it("shows the task list only on a terminal outside CI without --plain or --json: all 16 cases", () => {
        const seen: string[] = [];
        for (const stdoutIsTTY of [false, true]) {
            for (const ci of [false, true]) {
                for (const plain of [false, true]) {
                    for (const json of [false, true]) {
                        const mode = progressMode({ stdoutIsTTY, ci, plain, json });
                        if (mode === "tasks") seen.push(JSON.stringify({ stdoutIsTTY, ci, plain, json }));
                        else assert.equal(mode, "plain");
                    }
                }
            }
        }
        assert.deepEqual(seen, [JSON.stringify({ stdoutIsTTY: true, ci: false, plain: false, json: false })]);
    });

    it("reads CI as set unless empty, 0 or false (any case)", () => {
        assert.equal(isCi({}), false);
        for (const value of ["", " ", "0", "false", "FALSE", "False"]) {
            assert.equal(isCi({ CI: value }), false, `CI=${JSON.stringify(value)}`);
        }
        for (const value of ["true", "1", "yes", "TRUE", "woodpecker"]) {
            assert.equal(isCi({ CI: value }), true, `CI=${JSON.stringify(value)}`);
        }
    });
});

describe("progress: task titles", () => {
    it("orders change counts create, update, replace, delete, others, same; drops zeros", () => {
        assert.equal(
            changeCounts({ same: 3, delete: 1, create: 79, update: 2, replace: 4, read: 5 }),
            "create 79, update 2, replace 4, delete 1, read 5, same 3",
        );
        assert.equal(changeCounts({ create: 0, same: 7 }), "same 7");
        assert.equal(changeCounts({}), "no changes");
        assert.equal(changeCounts({ create: 0 }), "no changes");
    });

    it("formats durations to a tenth of a second under a minute, then minutes and seconds", () => {
        assert.equal(duration(0), "0.0 s");
        assert.equal(duration(-5), "0.0 s");
        assert.equal(duration(449), "0.4 s");
        assert.equal(duration(12_345), "12.3 s");
        assert.equal(duration(59_940), "59.9 s");
        assert.equal(duration(60_000), "1 min 00 s");
        assert.equal(duration(65_400), "1 min 05 s");
        assert.equal(duration(3_725_000), "62 min 05 s");
    });

    it("titles a finished stack by status", () => {
        assert.equal(
            finishedTitle("foundation/prod", ok("foundation", { create: 79, same: 2 }), 1234),
            "foundation/prod: create 79, same 2 (1.2 s)",
        );
        assert.equal(finishedTitle("security/prod", failed, 500), "security/prod: FAILED: the engine failed (0.5 s)");
        const base = { project: "data", stack: "prod", details: [] };
        assert.equal(
            finishedTitle("data/prod", { ...base, status: "violations", summary: "2 mandatory" }, 0),
            "data/prod: POLICY: 2 mandatory (0.0 s)",
        );
        assert.equal(
            finishedTitle("data/prod", { ...base, status: "cancelled", summary: "cancelled (SIGINT)" }, 0),
            "data/prod: CANCELLED: cancelled (SIGINT) (0.0 s)",
        );
        assert.equal(finishedTitle("data/prod", { ...base, status: "ok", summary: "no drift" }, 0), "data/prod: no drift (0.0 s)");
        assert.equal(
            finishedTitle("data/prod", { ...base, status: "ok", summary: "1 drifted", changes: { update: 1 }, drift: [] }, 0),
            "data/prod: 1 drifted (0.0 s)",
        );
    });
});

describe("progress: plain lines (CI, --plain, --json)", () => {
    it("prints ==> headline, then each engine line after its stack's name, padded to the longest planned one", async () => {
        const lines: string[] = [];
        await drive(plainDisplay((line) => lines.push(line)));
        assert.deepEqual(lines, [
            "==> foundation/prod: pulumi preview (simulated cloud)",
            "foundation/prod | Previewing update (prod):",
            "foundation/prod |     + 79 to create",
            "==> security/prod: pulumi preview (simulated cloud)",
            "security/prod   | error: boom",
        ]);
    });

    it("layers at once: every line says whose it is; an empty engine line leaves no trailing space", async () => {
        const lines: string[] = [];
        const display = plainDisplay((line) => lines.push(line));
        await driveConcurrent(display);
        assert.deepEqual(lines, [
            "==> foundation/prod: pulumi up",
            "==> security/prod: pulumi up",
            "foundation/prod | Updating (prod):",
            "security/prod   | Updating (prod):",
            "security/prod   | error: boom",
            "foundation/prod | + 79 created",
        ]);
        const more: string[] = [];
        const second = plainDisplay((line) => more.push(line));
        second.planned(["a/dev"]);
        second.output("a/dev", "");
        assert.deepEqual(more, ["a/dev |"]);
    });
});

describe("progress: the listr2 task list", () => {
    it("runs one task per stack in order: titles, output, done, failed, not run (listr2 test renderer)", async () => {
        const { stream, text } = fakeTerminal();
        await drive(taskListProgress({ stdout: stream, stderr: stream, renderer: "test" }));
        assert.deepEqual(text().split("\n"), [
            // Every task runs at once, waiting for its stack.
            '{"event":"STATE","data":"STARTED"}',
            '{"event":"STATE","data":"STARTED"}',
            '{"event":"STATE","data":"STARTED"}',
            '{"event":"TITLE","data":"foundation/prod: pulumi preview (simulated cloud)"}',
            '{"event":"OUTPUT","data":"Previewing update (prod):"}',
            '{"event":"OUTPUT","data":"    + 79 to create"}',
            '{"event":"TITLE","data":"foundation/prod: create 79, same 2 (1.2 s)"}',
            '{"event":"STATE","data":"COMPLETED"}',
            '{"event":"TITLE","data":"security/prod: pulumi preview (simulated cloud)"}',
            '{"event":"OUTPUT","data":"error: boom"}',
            '{"event":"TITLE","data":"security/prod: FAILED: the engine failed (0.5 s)"}',
            '{"event":"STATE","data":"FAILED"}',
            '{"event":"MESSAGE","data":{"error":"security/prod: FAILED: the engine failed (0.5 s)"}}',
            '{"event":"STATE","data":"SKIPPED"}',
            '{"event":"MESSAGE","data":{"skip":"cluster/prod: not run"}}',
            // The failed stack's whole engine output, after the list.
            "==> security/prod: pulumi preview (simulated cloud)",
            "    error: boom",
            "",
        ]);
    });

    it("layers at once: each stack's lines go under its own task; a skipped stack says why (listr2 test renderer)", async () => {
        const { stream, text } = fakeTerminal();
        const display = taskListProgress({ stdout: stream, stderr: stream, renderer: "test", serializeTitles: true });
        await driveConcurrent(display);
        assert.deepEqual(text().split("\n"), [
            '{"event":"STATE","data":"STARTED","task":{"title":"foundation/prod: pending"}}',
            '{"event":"STATE","data":"STARTED","task":{"title":"security/prod: pending"}}',
            '{"event":"STATE","data":"STARTED","task":{"title":"data/prod: pending"}}',
            '{"event":"TITLE","data":"foundation/prod: pulumi up","task":{"title":"foundation/prod: pulumi up"}}',
            '{"event":"TITLE","data":"security/prod: pulumi up","task":{"title":"security/prod: pulumi up"}}',
            '{"event":"OUTPUT","data":"Updating (prod):","task":{"title":"foundation/prod: pulumi up"}}',
            '{"event":"OUTPUT","data":"Updating (prod):","task":{"title":"security/prod: pulumi up"}}',
            '{"event":"OUTPUT","data":"error: boom","task":{"title":"security/prod: pulumi up"}}',
            '{"event":"OUTPUT","data":"+ 79 created","task":{"title":"foundation/prod: pulumi up"}}',
            '{"event":"TITLE","data":"security/prod: FAILED: the engine failed (0.5 s)","task":{"title":"security/prod: FAILED: the engine failed (0.5 s)"}}',
            '{"event":"STATE","data":"SKIPPED","task":{"title":"data/prod: pending"}}',
            '{"event":"MESSAGE","data":{"skip":"data/prod: skipped: needs security/prod, which failed"},"task":{"title":"data/prod: pending"}}',
            '{"event":"STATE","data":"FAILED","task":{"title":"security/prod: FAILED: the engine failed (0.5 s)"}}',
            '{"event":"MESSAGE","data":{"error":"security/prod: FAILED: the engine failed (0.5 s)"},"task":{"title":"security/prod: FAILED: the engine failed (0.5 s)"}}',
            '{"event":"TITLE","data":"foundation/prod: create 79 (1.2 s)","task":{"title":"foundation/prod: create 79 (1.2 s)"}}',
            '{"event":"STATE","data":"COMPLETED","task":{"title":"foundation/prod: create 79 (1.2 s)"}}',
            "==> security/prod: pulumi up",
            "    Updating (prod):",
            "    error: boom",
            "",
        ]);
    });

    it("keeps only the last lines of a running stack (outputLines)", async () => {
        const { stream, text } = fakeTerminal();
        const display = taskListProgress({ stdout: stream, stderr: stream, renderer: "test", outputLines: 2 });
        display.planned(["foundation/prod"]);
        display.started("foundation/prod", "pulumi up");
        ["a", "b", "c"].forEach((line) => display.output("foundation/prod", line));
        // The task picks the lines up once it runs (the engine's events can come before).
        await new Promise((resolve) => setImmediate(resolve));
        display.output("foundation/prod", "d");
        display.finished("foundation/prod", ok("foundation", {}), 10);
        await display.close();
        const outputs = text()
            .split("\n")
            .filter((line) => line.includes('"OUTPUT"'));
        assert.deepEqual(outputs, ['{"event":"OUTPUT","data":"b"}', '{"event":"OUTPUT","data":"c"}', '{"event":"OUTPUT","data":"d"}']);
    });

    it("draws the final list on a terminal (default renderer): done, failed, not run, then the failed stack's output", async () => {
        const { stream, text } = fakeTerminal();
        await drive(taskListProgress({ stdout: stream, stderr: stream }));
        const lines = stripVTControlCharacters(text()).split("\n");
        const tail = lines.slice(-6);
        assert.deepEqual(
            tail.slice(0, 3).map((line) => line.replace(/^\S+ /, "")),
            ["foundation/prod: create 79, same 2 (1.2 s)", "security/prod: FAILED: the engine failed (0.5 s)", "cluster/prod: not run"],
        );
        assert.deepEqual(tail.slice(3), ["==> security/prod: pulumi preview (simulated cloud)", "    error: boom", ""]);
    });

    it("draws the final list of layers that ran at once in the planned order, the skipped one with its reason", async () => {
        const { stream, text } = fakeTerminal();
        await driveConcurrent(taskListProgress({ stdout: stream, stderr: stream }));
        const tail = stripVTControlCharacters(text()).split("\n").slice(-7);
        assert.deepEqual(
            tail.slice(0, 3).map((line) => line.replace(/^\S+ /, "")),
            [
                "foundation/prod: create 79 (1.2 s)",
                "security/prod: FAILED: the engine failed (0.5 s)",
                "data/prod: skipped: needs security/prod, which failed",
            ],
        );
        assert.deepEqual(tail.slice(3), ["==> security/prod: pulumi up", "    Updating (prod):", "    error: boom", ""]);
    });

    it("marks every stack not run when the deployment ends before any starts", async () => {
        const { stream, text } = fakeTerminal();
        const display = taskListProgress({ stdout: stream, stderr: stream, renderer: "test" });
        display.planned(["foundation/prod", "cluster/prod"]);
        await display.close();
        assert.deepEqual(
            text()
                .split("\n")
                .filter((line) => line.includes("skip")),
            [
                '{"event":"MESSAGE","data":{"skip":"foundation/prod: not run"}}',
                '{"event":"MESSAGE","data":{"skip":"cluster/prod: not run"}}',
            ],
        );
    });
});
