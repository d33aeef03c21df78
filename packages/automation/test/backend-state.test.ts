import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir, userInfo } from "node:os";
import * as path from "node:path";
import {
    blockingProblems,
    describeUrn,
    fixCommands,
    inspectStackState,
    parseCheckpoint,
    processIsRunning,
    type StackProblemKind,
    stackProblems,
} from "../src/index.js";

const URN = (type: string, name: string) => `urn:pulumi:dev::foundation::${type}::${name}`;

function checkpoint(resources: number, pending: Array<{ type: string; urn: string }> = []): string {
    return JSON.stringify({
        version: 3,
        checkpoint: {
            stack: "organization/foundation/dev",
            latest: {
                resources: Array.from({ length: resources }, (_, i) => ({ urn: URN("aws:ec2/subnet:Subnet", `s${i}`) })),
                ...(pending.length > 0 ? { pending_operations: pending.map((p) => ({ type: p.type, resource: { urn: p.urn } })) } : {}),
            },
        },
    });
}

/** A file backend as the engine lays it out (meta.yaml version 1: project-scoped stacks). */
const backends: string[] = [];
function backend(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), "platform-backend-"));
    backends.push(dir);
    files[".pulumi/meta.yaml"] ??= "version: 1\n";
    for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
    }
    return dir;
}

const LOCK_DIR = ".pulumi/locks/organization/foundation/dev";
const CHECKPOINT = ".pulumi/stacks/foundation/dev.json";
const fix = fixCommands("dev", "foundation");

function lock(pid: number, host = hostname()): string {
    return JSON.stringify({ pid, username: userInfo().username, hostname: host, timestamp: "2026-01-02T03:04:05Z" });
}

function deadPid(): number {
    const child = spawnSync("true");
    return child.pid ?? 0;
}

function problems(files: Record<string, string>): Array<[StackProblemKind, string]> {
    const dir = backend(files);
    return stackProblems(inspectStackState(dir, "foundation", "dev"), fix).map((p) => [p.kind, p.message.split(dir).join("<backend>")]);
}

describe("backend state of a stack (file backend, read without the engine)", () => {
    after(() => backends.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
    it("a healthy stack: no problems", () => {
        assert.deepEqual(problems({ [CHECKPOINT]: checkpoint(3) }), []);
        assert.deepEqual(problems({}), [], "a stack that does not exist yet");
        assert.deepEqual(
            problems({ [CHECKPOINT]: JSON.stringify({ version: 3, checkpoint: { stack: "organization/foundation/dev", latest: null } }) }),
            [],
            "a new stack",
        );
    });

    it("a lock held by a running process on this machine: the run in progress, and how to cancel it cleanly", () => {
        const who = `${userInfo().username}@${hostname()}, pid ${process.pid}, since 2026-01-02T03:04:05Z`;
        assert.deepEqual(problems({ [CHECKPOINT]: checkpoint(3), [`${LOCK_DIR}/a.json`]: lock(process.pid) }), [
            [
                "running-lock",
                `foundation/dev: stack is locked by ${who}: another run is in progress. ` +
                    `Fix: wait for it to finish, or cancel it cleanly with kill -INT ${process.pid} (the engine then finishes what is in flight and unlocks)`,
            ],
        ]);
    });

    it("a lock whose process is gone: stale, with the exact cancel command", () => {
        const pid = deadPid();
        assert.equal(processIsRunning(pid), false);
        assert.deepEqual(problems({ [CHECKPOINT]: checkpoint(3), [`${LOCK_DIR}/a.json`]: lock(pid) }), [
            [
                "stale-lock",
                `foundation/dev: stale lock: the run that locked the stack (${userInfo().username}@${hostname()}, pid ${pid}, since 2026-01-02T03:04:05Z) ` +
                    "no longer exists (it was killed or crashed), and the engine refuses the stack until the lock is removed. " +
                    "Fix: pnpm platform cancel --env dev --stack foundation",
            ],
        ]);
    });

    it("a lock from another machine cannot be checked: it is reported as such", () => {
        const [[kind, message]] = problems({ [`${LOCK_DIR}/a.json`]: lock(1, "elsewhere") });
        assert.equal(kind, "foreign-lock");
        assert.match(
            message,
            /, a run on another machine that cannot be checked from here\. Fix: wait for it to finish; if that run is gone for sure, pnpm platform cancel --env dev --stack foundation$/,
        );
    });

    describe("a corrupted checkpoint is never taken for an empty stack", () => {
        const cases: Array<[string, string, string]> = [
            ["emptied to {}", "{}", "it is an empty JSON object ({}), not a checkpoint"],
            ["truncated to nothing", "", "the file is empty"],
            ["cut off mid-way", '{"version":3,"checkpoint":{"stack"', "it is not valid JSON ("],
            ["without its checkpoint section", '{"version":3}', 'it has no "checkpoint" section'],
            ["not an object", "[1]", "it is not a JSON object"],
        ];
        for (const [label, text, problem] of cases) {
            it(`${label}: restore the newest readable copy, named with its resource count`, () => {
                const dir = backend({
                    [CHECKPOINT]: text,
                    [`${CHECKPOINT}.bak`]: checkpoint(50),
                    ".pulumi/backups/foundation/dev/dev.1.json": checkpoint(49),
                });
                // The backup is older than the .bak beside the checkpoint.
                utimesSync(path.join(dir, ".pulumi/backups/foundation/dev/dev.1.json"), new Date(2020, 0, 1), new Date(2020, 0, 1));
                const found = stackProblems(inspectStackState(dir, "foundation", "dev"), fix);
                assert.equal(found.length, 1);
                const [{ kind, message }] = found;
                assert.equal(kind, "corrupted-checkpoint");
                const file = path.join(dir, CHECKPOINT);
                assert.ok(message.startsWith(`foundation/dev: the checkpoint ${file} is corrupted: ${problem}`), message);
                assert.match(
                    message,
                    new RegExp(
                        "\\. The engine would take it for a stack without resources and plan to create every resource again, so nothing was run\\. " +
                            "Fix: restore the newest readable copy \\(50 resources, written [0-9T:.-]+Z\\): " +
                            `cp '${file}\\.bak' '${file}'$`.replace(/\//g, "\\/"),
                    ),
                );
            });
        }

        it("without any readable copy, it says so", () => {
            const [[kind, message]] = problems({ [CHECKPOINT]: "{}", [`${CHECKPOINT}.bak`]: "{}" });
            assert.equal(kind, "corrupted-checkpoint");
            assert.ok(
                message.endsWith(
                    "Fix: no readable copy of it was found beside it or under the backend's backups folder; restore <backend>/.pulumi/stacks/foundation/dev.json from your own backup of the state",
                ),
                message,
            );
        });

        it("a checkpoint stripped of its deployment while its copy has resources", () => {
            const stripped = JSON.stringify({ version: 3, checkpoint: { stack: "organization/foundation/dev" } });
            const [[kind, message]] = problems({ [CHECKPOINT]: stripped, [`${CHECKPOINT}.bak`]: checkpoint(50) });
            assert.equal(kind, "corrupted-checkpoint");
            assert.match(message, /is corrupted: it has no deployment, but its earlier copy lists 50 resources\./);
        });
    });

    it("operations an interrupted run left pending: listed (five at most), with the exact refresh command", () => {
        const pending = Array.from({ length: 7 }, (_, i) => ({
            type: i === 0 ? "updating" : "creating",
            urn: URN("platform:network:AwsNetwork$aws:ec2/subnet:Subnet", `s${i}`),
        }));
        assert.deepEqual(problems({ [CHECKPOINT]: checkpoint(2, pending) }), [
            [
                "pending-operations",
                "foundation/dev: an interrupted run left 7 operations pending (updating aws:ec2/subnet:Subnet s0; creating aws:ec2/subnet:Subnet s1; " +
                    "creating aws:ec2/subnet:Subnet s2; creating aws:ec2/subnet:Subnet s3; creating aws:ec2/subnet:Subnet s4, and 2 more). " +
                    "The engine cannot know whether they happened, and an up would create them again. " +
                    "Fix: pnpm platform refresh --env dev --stack foundation --simulate --clear-pending-creates " +
                    "(against a real cloud, first check whether those resources exist: cleared creates are forgotten, not deleted)",
            ],
        ]);
    });

    it("the repair commands repeat --root when one was given", () => {
        const commands = fixCommands("prod", "cluster", "../other");
        assert.deepEqual(
            [commands.cancel(), commands.clearPendingCreates()],
            [
                "pnpm platform cancel --env prod --stack cluster --root ../other",
                "pnpm platform refresh --env prod --stack cluster --root ../other --simulate --clear-pending-creates",
            ],
        );
    });

    it("which problems stop which command", () => {
        const all = (["running-lock", "foreign-lock", "stale-lock", "corrupted-checkpoint", "pending-operations"] as const).map((kind) => ({
            kind,
            message: kind,
        }));
        const kinds = (operation: Parameters<typeof blockingProblems>[1]) => blockingProblems(all, operation).map((p) => p.kind);
        assert.deepEqual(kinds("up"), ["running-lock", "foreign-lock", "stale-lock", "corrupted-checkpoint", "pending-operations"]);
        assert.deepEqual(kinds("destroy"), ["running-lock", "foreign-lock", "stale-lock", "corrupted-checkpoint", "pending-operations"]);
        assert.deepEqual(kinds("preview"), ["running-lock", "foreign-lock", "stale-lock", "corrupted-checkpoint"]);
        assert.deepEqual(kinds("refresh"), ["running-lock", "foreign-lock", "stale-lock", "corrupted-checkpoint"]);
        assert.deepEqual(kinds("cancel"), ["running-lock"]);
    });

    it("parses checkpoints and names resources by type and name", () => {
        assert.deepEqual(parseCheckpoint(checkpoint(2, [{ type: "creating", urn: "u" }])), {
            ok: true,
            resources: 2,
            hasDeployment: true,
            pendingOperations: [{ type: "creating", urn: "u" }],
        });
        assert.equal(
            describeUrn("urn:pulumi:dev::foundation::platform:security:AwsKmsKeys$aws:kms/key:Key::acme-dev-logs"),
            "aws:kms/key:Key acme-dev-logs",
        );
        assert.equal(describeUrn("not-a-urn"), "not-a-urn");
    });

    it("processIsRunning: this process yes, an ended one and nonsense no", () => {
        assert.deepEqual(
            [processIsRunning(process.pid), processIsRunning(deadPid()), processIsRunning(-1), processIsRunning(0)],
            [true, false, false, false],
        );
    });
});
