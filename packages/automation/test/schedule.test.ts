import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import {
    type GraphNode,
    LAYERS,
    prerequisites,
    runScheduled,
    type ScheduledLayer,
    type ScheduleOptions,
    skippedResult,
    type StackOperationResult,
    type StackStatus,
} from "../src/index.js";

/** Lets every settled promise's callbacks (and the scheduler's next starts) run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A runner whose layers end when the test says: it records `start x` and `finish x` in order, and
 * how many ran at once at most. `results` says which layers fail (default: succeed).
 */
function fakeRunner(failing: readonly string[] = []) {
    const events: string[] = [];
    const ends = new Map<string, () => void>();
    let running = 0;
    let most = 0;
    const run = (name: string): Promise<boolean> =>
        new Promise((resolve) => {
            events.push(`start ${name}`);
            running += 1;
            most = Math.max(most, running);
            ends.set(name, () => {
                events.push(`finish ${name}`);
                running -= 1;
                resolve(!failing.includes(name));
            });
        });
    return {
        events,
        run,
        most: () => most,
        running: () => [...ends.keys()],
        /** Ends a running layer and lets the scheduler react. */
        async finish(name: string): Promise<void> {
            const end = ends.get(name);
            assert.ok(end, `${name} is not running (running: ${[...ends.keys()].join(", ")})`);
            ends.delete(name);
            end();
            await settle();
        },
    };
}

type Runner = ReturnType<typeof fakeRunner>;

function schedule(
    nodes: readonly GraphNode[],
    runner: Runner,
    options: Partial<ScheduleOptions<boolean>> = {},
): { done: Promise<Array<ScheduledLayer<boolean>>>; skips: string[] } {
    const skips: string[] = [];
    const done = runScheduled<boolean>({
        nodes,
        direction: "forward",
        parallel: 2,
        run: runner.run,
        succeeded: (ok) => ok,
        onSkipped: (name, blockers) => skips.push(`${name} <- ${blockers.join(", ")}`),
        ...options,
    });
    return { done, skips };
}

const outcomes = (layers: ReadonlyArray<ScheduledLayer<boolean>>): string[] =>
    layers.map(({ name, outcome }) =>
        outcome.kind === "ran"
            ? `${name}: ${outcome.result ? "ok" : "failed"}`
            : outcome.kind === "skipped"
              ? `${name}: skipped (${outcome.blockers.join(", ")})`
              : `${name}: not started`,
    );

// a -> b, a -> c, b + c -> d; e on its own.
const DIAMOND: GraphNode[] = [
    { name: "a", dependsOn: [] },
    { name: "b", dependsOn: ["a"] },
    { name: "c", dependsOn: ["a"] },
    { name: "d", dependsOn: ["b", "c"] },
    { name: "e", dependsOn: [] },
];

describe("layer scheduler", () => {
    it("starts a layer as soon as what it needs succeeded, two at once, the registry's order first", async () => {
        const runner = fakeRunner();
        const { done } = schedule(DIAMOND, runner);
        await settle();
        assert.deepEqual(runner.events, ["start a", "start e"]);
        await runner.finish("a");
        // b and c are ready; one slot is free: b, first in the registry.
        assert.deepEqual(runner.events.slice(2), ["finish a", "start b"]);
        await runner.finish("e");
        assert.deepEqual(runner.events.slice(4), ["finish e", "start c"]);
        await runner.finish("b");
        assert.deepEqual(runner.events.slice(6), ["finish b"], "d still needs c");
        await runner.finish("c");
        assert.deepEqual(runner.events.slice(7), ["finish c", "start d"]);
        await runner.finish("d");
        assert.deepEqual(outcomes(await done), ["a: ok", "b: ok", "c: ok", "d: ok", "e: ok"]);
        assert.equal(runner.most(), 2);
    });

    it("--parallel 1: one after another in the registry's order, exactly", async () => {
        const runner = fakeRunner();
        const { done } = schedule(DIAMOND, runner, { parallel: 1 });
        for (const name of ["a", "b", "c", "d", "e"]) {
            await settle();
            assert.deepEqual(runner.running(), [name]);
            await runner.finish(name);
        }
        assert.deepEqual(runner.events, [...["a", "b", "c", "d", "e"].flatMap((n) => [`start ${n}`, `finish ${n}`])]);
        assert.deepEqual(outcomes(await done), ["a: ok", "b: ok", "c: ok", "d: ok", "e: ok"]);
    });

    it("the registry's own graph at --parallel 1 is its order: foundation, security, cluster, data, platform", async () => {
        const runner = fakeRunner();
        const nodes = LAYERS.map((l) => ({ name: l.name, dependsOn: l.dependsOn }));
        const { done } = schedule(nodes, runner, { parallel: 1 });
        for (const name of ["foundation", "security", "cluster", "data", "platform"]) {
            await settle();
            await runner.finish(name);
        }
        assert.deepEqual(
            runner.events.filter((e) => e.startsWith("start")),
            ["start foundation", "start security", "start cluster", "start data", "start platform"],
        );
        assert.equal((await done).length, 5);
    });

    it("the registry's own graph at the default --parallel 2: security beside the cluster and data, platform after all three", async () => {
        const runner = fakeRunner();
        const nodes = LAYERS.map((l) => ({ name: l.name, dependsOn: l.dependsOn }));
        const { done } = schedule(nodes, runner);
        await settle();
        assert.deepEqual(runner.running(), ["foundation"]);
        await runner.finish("foundation");
        assert.deepEqual(runner.running(), ["security", "cluster"]);
        await runner.finish("cluster");
        // data needs only the cluster: it starts while security still runs; platform waits for both.
        assert.deepEqual(runner.running(), ["security", "data"]);
        await runner.finish("data");
        assert.deepEqual(runner.running(), ["security"], "platform names the security layer's drift role: it waits");
        await runner.finish("security");
        assert.deepEqual(runner.running(), ["platform"]);
        await runner.finish("platform");
        assert.equal(runner.most(), 2);
        assert.deepEqual(outcomes(await done), ["foundation: ok", "security: ok", "cluster: ok", "data: ok", "platform: ok"]);
    });

    it("more slots than ready layers: every ready layer starts at once, no more", async () => {
        const runner = fakeRunner();
        const { done } = schedule(DIAMOND, runner, { parallel: 4 });
        await settle();
        assert.deepEqual(runner.events, ["start a", "start e"]);
        await runner.finish("a");
        assert.deepEqual(runner.running(), ["e", "b", "c"]);
        for (const name of ["e", "b", "c", "d"]) await runner.finish(name);
        assert.equal(runner.most(), 3);
        assert.deepEqual(outcomes(await done), ["a: ok", "b: ok", "c: ok", "d: ok", "e: ok"]);
    });

    it("a failure skips what needs it, transitively, while the independent layers finish", async () => {
        const runner = fakeRunner(["b"]);
        const { done, skips } = schedule(DIAMOND, runner);
        await settle();
        await runner.finish("a");
        await runner.finish("b");
        // c still runs (it needs only a); d is skipped at once for b.
        assert.deepEqual(skips, ["d <- b"]);
        assert.deepEqual(runner.running(), ["e", "c"]);
        await runner.finish("c");
        await runner.finish("e");
        assert.deepEqual(outcomes(await done), ["a: ok", "b: failed", "c: ok", "d: skipped (b)", "e: ok"]);
        assert.ok(!runner.events.includes("start d"));
    });

    it("a failure at the root skips the whole chain below it, each naming its own blocker, told in order", async () => {
        const runner = fakeRunner(["a"]);
        const { done, skips } = schedule(DIAMOND, runner);
        await settle();
        await runner.finish("a");
        assert.deepEqual(skips, ["b <- a", "c <- a", "d <- b, c"]);
        await runner.finish("e");
        assert.deepEqual(outcomes(await done), ["a: failed", "b: skipped (a)", "c: skipped (a)", "d: skipped (b, c)", "e: ok"]);
        assert.deepEqual(runner.events, ["start a", "start e", "finish a", "finish e"]);
    });

    it("destroy runs in reverse: a layer goes once every layer depending on it is gone", async () => {
        const runner = fakeRunner();
        const { done } = schedule(DIAMOND, runner, { direction: "reverse" });
        await settle();
        // Reverse registry order: e, d first (nothing depends on them).
        assert.deepEqual(runner.events, ["start e", "start d"]);
        await runner.finish("d");
        assert.deepEqual(runner.events.slice(2), ["finish d", "start c"], "c before b: reverse order");
        await runner.finish("c");
        assert.deepEqual(runner.events.slice(4), ["finish c", "start b"]);
        await runner.finish("b");
        assert.deepEqual(runner.events.slice(6), ["finish b", "start a"], "a once b and c are gone; e still running");
        await runner.finish("e");
        await runner.finish("a");
        assert.deepEqual(outcomes(await done), ["a: ok", "b: ok", "c: ok", "d: ok", "e: ok"]);
    });

    it("destroy: a failed dependent keeps what it depends on (skipped), the rest goes", async () => {
        const runner = fakeRunner(["c"]);
        const { done, skips } = schedule(DIAMOND, runner, { direction: "reverse", parallel: 1 });
        for (const name of ["e", "d", "c", "b"]) {
            await settle();
            await runner.finish(name);
        }
        assert.deepEqual(skips, ["a <- c"]);
        assert.deepEqual(outcomes(await done), ["a: skipped (c)", "b: ok", "c: failed", "d: ok", "e: ok"]);
    });

    it("the reverse prerequisites are the dependents, in the registry's order", () => {
        assert.deepEqual(Object.fromEntries(prerequisites(DIAMOND, "reverse")), { a: ["b", "c"], b: ["d"], c: ["d"], d: [], e: [] });
        assert.deepEqual(Object.fromEntries(prerequisites(DIAMOND, "forward")), { a: [], b: ["a"], c: ["a"], d: ["b", "c"], e: [] });
        // Dependencies outside the graph (a single --stack) are not waited for.
        assert.deepEqual(Object.fromEntries(prerequisites([{ name: "data", dependsOn: ["cluster"] }], "forward")), { data: [] });
    });

    it("a cancel starts nothing more: what has not run is not started (not skipped), even after a failure", async () => {
        const runner = fakeRunner(["a"]);
        let cancelled = false;
        const { done, skips } = schedule(DIAMOND, runner, { mayStart: () => !cancelled });
        await settle();
        cancelled = true;
        await runner.finish("a");
        await runner.finish("e");
        assert.deepEqual(skips, []);
        assert.deepEqual(outcomes(await done), ["a: failed", "b: not started", "c: not started", "d: not started", "e: ok"]);
    });

    it("a runner that throws is a bug: nothing more starts, the running layers finish, then the error comes out", async () => {
        const runner = fakeRunner();
        const boom = new Error("boom");
        const { done } = schedule(DIAMOND, runner, {
            run: (name) => (name === "e" ? Promise.reject(boom) : runner.run(name)),
        });
        let settled = false;
        done.then(
            () => (settled = true),
            () => (settled = true),
        );
        await settle();
        assert.deepEqual(runner.events, ["start a"]);
        assert.equal(settled, false, "a is still running");
        await runner.finish("a");
        await assert.rejects(done, boom);
        assert.deepEqual(runner.events, ["start a", "finish a"]);
    });

    it("a runner that throws synchronously is caught the same way", async () => {
        const boom = new Error("sync");
        await assert.rejects(
            runScheduled({
                nodes: [{ name: "a", dependsOn: [] }],
                direction: "forward",
                parallel: 1,
                run: () => {
                    throw boom;
                },
                succeeded: () => true,
            }),
            boom,
        );
    });

    it("rejects a cycle and a parallelism below 1", async () => {
        const cycle = [
            { name: "a", dependsOn: ["b"] },
            { name: "b", dependsOn: ["a"] },
        ];
        const base = { direction: "forward" as const, run: () => Promise.resolve(true), succeeded: () => true };
        await assert.rejects(runScheduled({ ...base, nodes: cycle, parallel: 1 }), {
            message: "the layer graph has a cycle: a, b can never start",
        });
        for (const parallel of [0, -1, 1.5, Number.NaN]) {
            await assert.rejects(runScheduled({ ...base, nodes: DIAMOND, parallel }), {
                message: `parallel = ${parallel}: must be a whole number of at least 1`,
            });
        }
    });

    it("an empty graph resolves to nothing", async () => {
        assert.deepEqual(
            await runScheduled({ nodes: [], direction: "forward", parallel: 2, run: () => Promise.resolve(1), succeeded: () => true }),
            [],
        );
    });

    it("any graph, any parallelism, any failures and finishing order: the rules hold (fast-check)", async () => {
        const graphs = fc.integer({ min: 1, max: 7 }).chain((size) =>
            fc.record({
                // Each node depends on some earlier ones: the registry's rule.
                deps: fc.tuple(...Array.from({ length: size }, (_, i) => fc.subarray(Array.from({ length: i }, (_, j) => j)))),
                failing: fc.subarray(Array.from({ length: size }, (_, i) => i)),
                parallel: fc.integer({ min: 1, max: 4 }),
                reverse: fc.boolean(),
                // Which running layer finishes next, as an index into the running ones.
                picks: fc.array(fc.nat(), { minLength: size, maxLength: size }),
            }),
        );
        await fc.assert(
            fc.asyncProperty(graphs, async ({ deps, failing, parallel, reverse, picks }) => {
                const nodes = deps.map((d, i) => ({ name: `n${i}`, dependsOn: d.map((j) => `n${j}`) }));
                const runner = fakeRunner(failing.map((i) => `n${i}`));
                const direction = reverse ? "reverse" : "forward";
                const { done } = schedule(nodes, runner, { parallel, direction });
                const before = prerequisites(nodes, direction);
                const failed = new Set(failing.map((i) => `n${i}`));
                let pick = 0;
                for (;;) {
                    await settle();
                    const running = runner.running();
                    // Never idle while a layer could start: with a free slot, nothing is ready and waiting.
                    const finishedOk = new Set(
                        runner.events
                            .filter((e) => e.startsWith("finish "))
                            .map((e) => e.slice(7))
                            .filter((n) => !failed.has(n)),
                    );
                    const waitingReady = nodes.filter(
                        (n) => !runner.events.includes(`start ${n.name}`) && (before.get(n.name) ?? []).every((p) => finishedOk.has(p)),
                    );
                    if (running.length < parallel) {
                        assert.deepEqual(waitingReady, [], "a free slot while a layer was ready");
                    }
                    if (running.length === 0) break;
                    await runner.finish(running[(picks[pick++] ?? 0) % running.length] ?? "");
                }
                const result = await done;
                assert.ok(runner.most() <= parallel, `at most ${parallel} at once, saw ${runner.most()}`);
                assert.deepEqual(
                    result.map((r) => r.name),
                    nodes.map((n) => n.name),
                    "listed in the registry's order",
                );
                const ok = new Set(result.filter((r) => r.outcome.kind === "ran" && r.outcome.result).map((r) => r.name));
                for (const { name, outcome } of result) {
                    const needs = before.get(name) ?? [];
                    if (outcome.kind === "ran") {
                        // Started only after each prerequisite finished, and finished well.
                        const start = runner.events.indexOf(`start ${name}`);
                        for (const need of needs) {
                            assert.ok(ok.has(need), `${name} ran though ${need} did not succeed`);
                            assert.ok(runner.events.indexOf(`finish ${need}`) < start, `${name} started before ${need} finished`);
                        }
                    } else {
                        assert.equal(outcome.kind, "skipped", `${name}: nothing is left unstarted without a cancel`);
                        assert.ok(outcome.kind === "skipped" && outcome.blockers.length > 0);
                        // The prerequisites that had ended badly when it was decided (others may end later).
                        for (const blocker of outcome.kind === "skipped" ? outcome.blockers : []) {
                            assert.ok(needs.includes(blocker) && !ok.has(blocker), `${name}: ${blocker} is not a failed prerequisite`);
                        }
                    }
                }
            }),
            { numRuns: 150 },
        );
    });
});

describe("a skipped layer's result", () => {
    const result = (project: string, status: StackStatus): StackOperationResult => ({
        project,
        stack: "dev",
        status,
        summary: "",
        details: [],
    });

    it("names what it needs and how that ended", () => {
        assert.deepEqual(skippedResult("cluster", "dev", [result("security", "failed")], "forward"), {
            project: "cluster",
            stack: "dev",
            status: "skipped",
            summary: "skipped: needs security/dev, which failed",
            details: [],
        });
        assert.equal(
            skippedResult("platform-addons", "dev", [result("cluster", "violations"), result("data", "skipped")], "forward").summary,
            "skipped: needs cluster/dev, which stopped on mandatory policy violations; data/dev, which was skipped",
        );
        assert.equal(
            skippedResult("data", "dev", [result("cluster", "cancelled")], "forward").summary,
            "skipped: needs cluster/dev, which was cancelled",
        );
    });

    it("destroy: names the layer depending on it that was not destroyed", () => {
        assert.equal(
            skippedResult("foundation", "dev", [result("security", "failed"), result("cluster", "skipped")], "reverse").summary,
            "skipped: security/dev depends on it and failed; cluster/dev depends on it and was skipped",
        );
    });
});
