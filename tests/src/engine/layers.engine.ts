/**
 * Whole environments run over the layer registry's graph under the real engine: up runs the
 * foundation, then security and the cluster side by side (stacks/cluster sorts first in the
 * directory; each needs only the foundation), destroy runs them in reverse; and layers the graph
 * leaves independent run at once, at most `parallel` engines, the results still listed in the
 * registry's order.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { type DeploymentProgress, runDeployment, type StackOperationResult } from "@platform/automation";
import { FIXTURES } from "../paths.js";
import { useSimulatedEngine } from "./harness.js";
import { platform } from "./platform-process.js";

const FIXTURE = path.join(FIXTURES, "layers");

/** A display that records starts and ends, and how many stacks ran at once at most. */
function recordingDisplay(): { display: DeploymentProgress; events: string[]; most: () => number; lines: string[] } {
    const events: string[] = [];
    const lines: string[] = [];
    let running = 0;
    let most = 0;
    const display: DeploymentProgress = {
        planned: () => undefined,
        started: (stack) => {
            events.push(`start ${stack}`);
            running += 1;
            most = Math.max(most, running);
        },
        output: (stack, line) => lines.push(`${stack} ${line}`),
        finished: (stack) => {
            events.push(`finish ${stack}`);
            running -= 1;
        },
    };
    return { display, events, most: () => most, lines };
}

describe("real engine: layer order", function () {
    this.timeout(600_000);
    useSimulatedEngine();
    const root = ["--root", FIXTURE];
    const started = (stdout: string) => [...stdout.matchAll(/^==> (\S+): pulumi (\w+)/gm)].map((m) => `${m[2]} ${m[1]}`);

    it("up runs the foundation, then security and the cluster at once (the registry's graph, the default parallelism); destroy runs them in reverse", async () => {
        // Before anything is deployed: outputs names the missing layer and the fix, and exits 3.
        const none = await platform(["outputs", "--env", "dev", "--simulate", "--layer", "security", ...root]);
        assert.equal(none.code, 3, none.stderr);
        assert.equal(none.stdout.trim(), "layers-security/dev: not deployed");
        assert.equal(
            none.stderr.trim(),
            "platform: layers-security/dev is not in the backend. Fix: platform up --env dev --stack layers-security",
        );

        const up = await platform(["up", "--env", "dev", "--simulate", ...root]);
        assert.equal(up.code, 0, up.stderr);
        assert.deepEqual(started(up.stdout), ["up layers-foundation/dev", "up layers-security/dev", "up layers-cluster/dev"]);
        // The cluster starts once the foundation has finished, and before security has.
        const line = (pattern: RegExp): number => {
            const index = up.stdout.split("\n").findIndex((l) => pattern.test(l));
            assert.ok(index >= 0, `${String(pattern)} in:\n${up.stdout}`);
            return index;
        };
        const clusterStarts = line(/^==> layers-cluster\/dev: pulumi up/);
        assert.ok(clusterStarts > line(/^layers-foundation\/dev \| Duration: /), up.stdout);
        assert.ok(clusterStarts < line(/^layers-security\/dev {3}\| Duration: /), up.stdout);
        assert.match(
            up.stdout,
            /^ok {8}layers-foundation\/dev: \{"create":2\}\nok {8}layers-security\/dev: \{"create":2\}\nok {8}layers-cluster\/dev: \{"create":2\}$/m,
        );
        // Each engine line after its stack's name.
        assert.match(up.stdout, /^layers-foundation\/dev \| Updating \(dev\):$/m);
        assert.match(up.stdout, /^layers-cluster\/dev {4}\| Updating \(dev\):$/m);

        // platform outputs: one layer by its registry name, as JSON from the backend; every layer as text.
        const outputs = await platform(["outputs", "--env", "dev", "--simulate", "--layer", "security", "--json", ...root]);
        assert.equal(outputs.code, 0, outputs.stderr);
        assert.deepEqual(JSON.parse(outputs.stdout), {
            env: "dev",
            stacks: [{ project: "layers-security", stack: "dev", deployed: true, outputs: { layer: "layers-security" } }],
        });
        const all = await platform(["outputs", "--env", "dev", "--simulate", ...root]);
        assert.equal(all.code, 0, all.stderr);
        assert.equal(
            all.stdout.trim(),
            [
                "layers-foundation/dev:",
                '  layer: "layers-foundation"',
                "layers-security/dev:",
                '  layer: "layers-security"',
                "layers-cluster/dev:",
                '  layer: "layers-cluster"',
            ].join("\n"),
        );

        const destroy = await platform(["destroy", "--env", "dev", "--simulate", ...root]);
        assert.equal(destroy.code, 0, destroy.stderr);
        assert.deepEqual(started(destroy.stdout), [
            "destroy layers-cluster/dev",
            "destroy layers-security/dev",
            "destroy layers-foundation/dev",
        ]);
    });

    it("independent layers run at once, two engines at most, listed in the registry's order; destroy likewise in reverse", async () => {
        const run = async (operation: "up" | "destroy", parallel: number) => {
            const recorded = recordingDisplay();
            const results = await runDeployment({
                root: FIXTURE,
                env: "dev",
                operation,
                stack: "all",
                simulate: true,
                progress: () => undefined,
                display: recorded.display,
                parallel,
                // The fixture's three layers with no dependencies between them.
                dependencies: () => [],
            });
            return { ...recorded, results };
        };
        const summary = (results: readonly StackOperationResult[]) => results.map((r) => `${r.project} ${r.status} ${r.summary}`);

        const up = await run("up", 2);
        assert.deepEqual(up.events.slice(0, 2), ["start layers-foundation/dev", "start layers-security/dev"]);
        assert.equal(up.most(), 2);
        // The third starts only once one of the first two has finished.
        assert.ok(up.events.indexOf("start layers-cluster/dev") > up.events.findIndex((e) => e.startsWith("finish")), up.events.join(", "));
        assert.deepEqual(summary(up.results), [
            'layers-foundation ok {"create":2}',
            'layers-security ok {"create":2}',
            'layers-cluster ok {"create":2}',
        ]);
        // Both engines wrote while both ran: each line arrived with its own stack.
        assert.ok(up.lines.some((l) => l.startsWith("layers-foundation/dev Updating (dev):")));
        assert.ok(up.lines.some((l) => l.startsWith("layers-security/dev Updating (dev):")));

        const down = await run("destroy", 2);
        assert.deepEqual(down.events.slice(0, 2), ["start layers-cluster/dev", "start layers-security/dev"]);
        assert.equal(down.most(), 2);
        assert.deepEqual(
            down.results.map((r) => `${r.project} ${r.status}`),
            ["layers-cluster ok", "layers-security ok", "layers-foundation ok"],
            "destroy lists them in its own (reverse) order, as before",
        );

        // --parallel 1: one at a time, in the registry's order.
        const sequential = await run("up", 1);
        assert.deepEqual(sequential.events, [
            "start layers-foundation/dev",
            "finish layers-foundation/dev",
            "start layers-security/dev",
            "finish layers-security/dev",
            "start layers-cluster/dev",
            "finish layers-cluster/dev",
        ]);
        assert.equal((await run("destroy", 1)).most(), 1);
    });
});
