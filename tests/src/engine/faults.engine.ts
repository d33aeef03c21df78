/**
 * `platform preview|up|refresh|cancel` under faults, against the real engine and the simulated
 * cloud: a run killed mid-way, Ctrl-C and SIGTERM, two runs on one stack, an emptied checkpoint,
 * bad config. The simulated cloud's latency knob keeps operations in flight long enough to
 * interrupt them, as a real cloud would.
 */
import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { backendDirectory, describeUrn } from "@platform/automation";
import { FIXTURES } from "../paths.js";
import { useSimulatedEngine } from "./harness.js";
import {
    alive,
    type LockFile,
    locks,
    platform,
    PLATFORM_MAIN,
    processesMatching,
    readCheckpoint,
    type Running,
    stackFiles,
    startPlatform,
    waitFor,
} from "./platform-process.js";

const run = promisify(execFile);
const SLOW = { PLATFORM_SIMULATED_LATENCY_MS: "1500" };

/**
 * The lock of the running update. Creating a new stack locks it for a moment too (pulumi stack
 * select --create), so wait until the engine has started the update (it locks, then prints
 * "Updating (<stack>):"), then read the lock.
 */
async function updateLock(running: Running, lockDir: string, stack: string): Promise<LockFile> {
    await waitFor(`the update of ${stack} to start`, () => (running.output.stdout.includes(`Updating (${stack}):`) ? true : undefined));
    const held = locks(lockDir);
    assert.equal(held.length, 1, "one lock: the update's");
    return held[0];
}

describe("real engine: platform under faults", function () {
    this.timeout(600_000);
    const harness = useSimulatedEngine();
    const files = (env: string) => stackFiles(backendDirectory(harness.engine.backendUrl), "foundation", env);
    const orphans: number[] = [];
    after(() => orphans.filter(alive).forEach((pid) => process.kill(pid, "SIGTERM")));

    it("SIGKILL mid-up: the orphaned plugins and language host exit; up names the stale lock, cancel removes it, up names the pending creates, refresh clears them, up finishes", async () => {
        const { checkpoint, lockDir } = files("dev");
        const first = startPlatform(["up", "--env", "dev", "--simulate"], SLOW);
        const lock = await updateLock(first, lockDir, "dev");
        const plugins = await waitFor("the engine's simulated plugins", () => {
            const found = processesMatching("simulated-cloud", lock.pid);
            return found.length > 0 ? found : undefined;
        });
        // Our language host front end watches for its engine's death (the legacy host behind it
        // would notice only by its 5-minute health check) and takes the legacy host with it.
        const hosts = processesMatching("pulumi-language-nodejs", lock.pid);
        const legacyHosts = hosts.flatMap((host) => processesMatching("pulumi-language-nodejs", host));
        assert.ok(hosts.length > 0 && legacyHosts.length > 0, "a language host front end and the legacy host behind it");
        orphans.push(...hosts, ...legacyHosts);
        // Killed the moment a cloud resource's create is in flight (each takes 1.5 s here), as a
        // crash would. Not on a component's: its pending entry is written and cleared within
        // milliseconds, so it may already be gone when the kill lands.
        const seen = await waitFor("a pending create of a cloud resource in the checkpoint", () => {
            const view = readCheckpoint(checkpoint);
            if (view === undefined || !view.pending.some((op) => op.resource.custom)) {
                return undefined;
            }
            process.kill(lock.pid, "SIGKILL");
            return view.pending;
        });
        first.child.kill("SIGKILL");
        assert.equal((await first.finished).signal, "SIGKILL");
        await waitFor("the orphaned plugins to exit", () => (plugins.some(alive) ? undefined : true), 5_000);
        await waitFor("the orphaned language hosts to exit", () => ([...hosts, ...legacyHosts].some(alive) ? undefined : true), 5_000);
        const pending = readCheckpoint(checkpoint)?.pending ?? [];
        const cloudCreates = (ops: typeof pending) => ops.filter((op) => op.resource.custom);
        assert.deepEqual(cloudCreates(pending), cloudCreates(seen), "the cloud creates in flight at the kill stay pending");

        const who = `${lock.username}@${lock.hostname}, pid ${lock.pid}, since ${lock.timestamp}`;
        const pendingMessage =
            `platform: foundation/dev: an interrupted run left ${pending.length} operation${pending.length === 1 ? "" : "s"} pending (` +
            pending
                .slice(0, 5)
                .map((op) => `${op.type} ${describeUrn(op.resource.urn)}`)
                .join("; ") +
            (pending.length > 5 ? `, and ${pending.length - 5} more` : "") +
            "). The engine cannot know whether they happened, and an up would create them again. " +
            "Fix: pnpm platform refresh --env dev --stack foundation --simulate --clear-pending-creates " +
            "(against a real cloud, first check whether those resources exist: cleared creates are forgotten, not deleted)\n";
        const locked = await platform(["up", "--env", "dev", "--simulate"]);
        assert.deepEqual(locked, {
            code: 3,
            signal: null,
            stdout: "",
            stderr:
                `platform: foundation/dev: stale lock: the run that locked the stack (${who}) no longer exists (it was killed or crashed), ` +
                "and the engine refuses the stack until the lock is removed. Fix: pnpm platform cancel --env dev --stack foundation\n" +
                pendingMessage,
        });

        const cancelled = await platform(["cancel", "--env", "dev"]);
        assert.equal(cancelled.code, 0, cancelled.stderr);
        assert.match(cancelled.stdout, new RegExp(`^ok {8}foundation/dev: removed the stale lock left by pid ${lock.pid} \\(`, "m"));
        assert.deepEqual(locks(lockDir), []);

        assert.ok(cancelled.stdout.includes(`next:\n    ${pendingMessage.slice("platform: ".length)}`), cancelled.stdout);
        // The cluster layer (after foundation in the registry) holds no lock.
        assert.match(cancelled.stdout, /^ok {8}cluster\/dev: not locked; nothing to cancel$/m);

        const blocked = await platform(["up", "--env", "dev", "--simulate"]);
        assert.deepEqual(blocked, { code: 3, signal: null, stdout: "", stderr: pendingMessage });

        const refreshed = await platform(["refresh", "--env", "dev", "--stack", "foundation", "--simulate", "--clear-pending-creates"]);
        assert.equal(refreshed.code, 0, refreshed.stderr);
        assert.deepEqual(readCheckpoint(checkpoint)!.pending, []);

        const finished = await platform(["up", "--env", "dev", "--simulate"]);
        assert.equal(finished.code, 0, finished.stderr);
        const view = readCheckpoint(checkpoint)!;
        assert.deepEqual([view.resources.length, view.pending.length], [56, 0]);
    });

    it("two runs on one stack: the second fails at once, naming the run that holds the lock; the first finishes", async () => {
        const { lockDir } = files("dr");
        // A first up of dr with a slow cloud holds the lock for a while.
        const first = startPlatform(["up", "--env", "dr", "--simulate"], { PLATFORM_SIMULATED_LATENCY_MS: "300" });
        const lock = await updateLock(first, lockDir, "dr");
        const start = Date.now();
        const second = await platform(["preview", "--env", "dr", "--simulate"]);
        const took = Date.now() - start;
        assert.deepEqual(second, {
            code: 3,
            signal: null,
            stdout: "",
            stderr:
                `platform: foundation/dr: stack is locked by ${lock.username}@${lock.hostname}, pid ${lock.pid}, since ${lock.timestamp}: another run is in progress. ` +
                `Fix: wait for it to finish, or cancel it cleanly with kill -INT ${lock.pid} (the engine then finishes what is in flight and unlocks)\n`,
        });
        assert.ok(took < 15_000, `the second run took ${took} ms to fail`);
        // cancel leaves a live run's lock alone: removing it would let two runs write one state.
        const cancel = await platform(["cancel", "--env", "dr"]);
        assert.deepEqual(cancel, second);
        assert.deepEqual(
            locks(lockDir).map((l) => l.pid),
            [lock.pid],
        );
        const done = await first.finished;
        assert.equal(done.code, 0, done.stderr);
    });

    it("Ctrl-C (SIGINT to the process group) and SIGTERM cancel the engine cleanly and report what finished", async () => {
        const { checkpoint, lockDir } = files("staging");
        const cases = [
            { signal: "SIGINT" as const, code: 130, group: true },
            { signal: "SIGTERM" as const, code: 143, group: false },
        ];
        for (const { signal, code, group } of cases) {
            const running = startPlatform(["up", "--env", "staging", "--simulate"], { PLATFORM_SIMULATED_LATENCY_MS: "400" }, group);
            await waitFor("resources being created", () => (/ created \(/.test(running.output.stdout) ? true : undefined));
            process.kill(group ? -running.child.pid! : running.child.pid!, signal);
            const done = await running.finished;
            assert.equal(done.code, code, done.stderr);
            assert.ok(
                done.stderr.startsWith(
                    `platform: ${signal} received: cancelling cleanly; the engine finishes the operations in flight, then unlocks the stack\n`,
                ),
                done.stderr,
            );
            assert.match(
                done.stderr,
                new RegExp(
                    `^CANCELLED foundation/staging: cancelled \\(${signal}\\): the engine stopped cleanly; operations that finished first: \\{"create":\\d+\\}\\n` +
                        "foundation/staging: the stack is unlocked and has no pending operations\\n" +
                        // The layers after it are not started.
                        "NOT RUN {3}security/staging: not started\\n" +
                        "NOT RUN {3}cluster/staging: not started\\n" +
                        "NOT RUN {3}data/staging: not started\\n" +
                        "NOT RUN {3}platform-addons/staging: not started\\n$",
                    "m",
                ),
            );
            assert.deepEqual(locks(lockDir), []);
            assert.deepEqual(readCheckpoint(checkpoint)?.pending, []);
        }
        const finished = await platform(["up", "--env", "staging", "--simulate"]);
        assert.equal(finished.code, 0, finished.stderr);
        assert.equal(readCheckpoint(checkpoint)?.resources.length, 67);
    });

    it("up | head -1: the closed stdout cancels the engine cleanly (exit 141), no lock or pending operation left", async () => {
        const { checkpoint, lockDir } = files("prod");
        const script = `"$0" "$1" up --env prod --simulate 2>"$2" | head -1; echo "exit=\${PIPESTATUS[0]}"`;
        const errFile = path.join(path.dirname(checkpoint), "..", "..", "..", "head-stderr");
        const { stdout } = await run("bash", ["-c", script, process.execPath, PLATFORM_MAIN, errFile], {
            env: { ...process.env, PLATFORM_SIMULATED_LATENCY_MS: "400" },
        });
        assert.match(
            stdout,
            /^==> foundation\/prod: pulumi up \(simulated cloud, rehearsal only: nothing is created in AWS or GCP; state in file:\/\/.+\)\nexit=141\n$/,
        );
        const stderr = readFileSync(errFile, "utf8");
        assert.ok(
            stderr.startsWith(
                "platform: stdout was closed (EPIPE): cancelling cleanly; the engine finishes the operations in flight, then unlocks the stack\n",
            ),
            stderr,
        );
        assert.match(
            stderr,
            /^CANCELLED foundation\/prod: cancelled \(SIGPIPE\): the engine stopped cleanly; operations that finished first: \{.*\}\nfoundation\/prod: the stack is unlocked and has no pending operations\nNOT RUN {3}security\/prod: not started\nNOT RUN {3}cluster\/prod: not started\nNOT RUN {3}data\/prod: not started\nNOT RUN {3}platform-addons\/prod: not started\n$/m,
        );
        assert.deepEqual(locks(lockDir), []);
        assert.deepEqual(readCheckpoint(checkpoint)?.pending ?? [], []);
    });

    it("a checkpoint emptied to {} is reported with the copy to restore, never planned as creating everything", async () => {
        const { checkpoint } = files("staging");
        writeFileSync(checkpoint, "{}");
        const corrupted = await platform(["preview", "--env", "staging", "--simulate"]);
        assert.equal(corrupted.code, 3);
        assert.equal(corrupted.stdout, "");
        const message = new RegExp(
            `^platform: foundation/staging: the checkpoint ${checkpoint} is corrupted: it is an empty JSON object \\(\\{\\}\\), not a checkpoint\\. ` +
                "The engine would take it for a stack without resources and plan to create every resource again, so nothing was run\\. " +
                "Fix: restore the newest readable copy \\(67 resources, written [^)]+\\): (cp '[^']+' '[^']+')\\n$",
        );
        const restore = message.exec(corrupted.stderr)?.[1];
        assert.ok(restore, corrupted.stderr);
        await run("bash", ["-c", restore]);
        const preview = await platform(["preview", "--env", "staging", "--simulate"]);
        assert.equal(preview.code, 0, preview.stderr);
        assert.match(preview.stdout, /^ok {8}foundation\/staging: \{"same":67\}$/m);
    });

    it("an engine failure shows the engine's whole error, every line of it; exit 3", async () => {
        const failed = await platform(["up", "--env", "dev", "--simulate", "--stack", "failing", "--root", path.join(FIXTURES, "failing")]);
        assert.equal(failed.code, 3, failed.stderr);
        assert.match(
            failed.stderr,
            /^FAILED {4}failing\/dev: the engine exited with code 1: Running program '.+failing\.js' failed with an unhandled exception:$/m,
        );
        const details = failed.stderr.slice(failed.stderr.indexOf("engine errors:\n"));
        for (const line of [
            "the failing fixture failed on purpose",
            "second line of the failure",
            "third line of the failure",
            "fourth line: a cut after three lines loses this",
            "fifth line: and this",
        ]) {
            assert.ok(details.includes(line), `missing "${line}" in:\n${failed.stderr}`);
        }
        assert.match(failed.stderr, /^failing\/dev: the stack is unlocked and has no pending operations$/m);
    });

    it("bad config under the engine exits 2 with exactly synth's message, and the engine is not started", async () => {
        const args = ["--env", "prod", "--stack", "badconfig", "--root", path.join(FIXTURES, "bad-config")];
        const synth = await platform(["synth", ...args]);
        assert.equal(synth.code, 2);
        assert.match(synth.stderr, /^platform: Invalid platform configuration \(3 problems\):\n/);
        for (const command of ["preview", "up"]) {
            const engine = await platform([command, ...args, "--simulate"]);
            assert.deepEqual(engine, { ...synth, stdout: "" }, command);
        }
    });
});
