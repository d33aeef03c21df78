/**
 * Plugins end with their engine: a plugin whose parent process is killed exits by itself within
 * about a second (before, orphaned plugins lingered for 10+ minutes). And the simulated latency
 * knob delays real operations, never previews.
 */
import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import * as provproto from "@pulumi/pulumi/proto/provider_pb.js";
import { LATENCY_VARIABLE, latencyFromEnvironment, watchParent } from "../src/index.js";
import { pluginBin, rpc, startPlugin, struct } from "./plugin-process.js";

/** True while `pid` runs (a zombie nobody has reaped yet counts as ended). */
function running(pid: number): boolean {
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
    } catch {
        return false;
    }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<number> {
    const start = Date.now();
    while (!condition()) {
        if (Date.now() - start > timeoutMs) {
            throw new Error(`condition not met within ${timeoutMs} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return Date.now() - start;
}

describe("simulated plugins end with their engine", function () {
    this.timeout(30_000);

    it("watchParent reports a changed parent once and not before", async () => {
        let parent = 100;
        let calls = 0;
        const timer = watchParent(
            () => calls++,
            100,
            () => parent,
            10,
        );
        await new Promise((resolve) => setTimeout(resolve, 50));
        assert.equal(calls, 0);
        parent = 1;
        await waitFor(() => calls > 0, 1000);
        await new Promise((resolve) => setTimeout(resolve, 50));
        assert.equal(calls, 1);
        clearInterval(timer);
    });

    it("a plugin whose parent is killed with SIGKILL exits within 3 seconds", async () => {
        // The shell plays the engine: it starts the plugin as a child, then dies without a word.
        const engine = spawn("bash", ["-c", `${JSON.stringify(pluginBin("aws"))} 127.0.0.1:1 >/dev/null 2>&1 & echo $!; wait`], {
            stdio: ["ignore", "pipe", "ignore"],
        });
        const pid = await new Promise<number>((resolve) =>
            engine.stdout.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
        );
        await new Promise((resolve) => setTimeout(resolve, 1500));
        assert.ok(running(pid), "the plugin runs while its engine does");
        engine.kill("SIGKILL");
        const took = await waitFor(() => !running(pid), 3000);
        assert.ok(took < 3000, `exited after ${took} ms`);
    });

    describe(`${LATENCY_VARIABLE}`, () => {
        it("reads whole milliseconds, 0 when unset, and rejects anything else with the fix", () => {
            assert.equal(latencyFromEnvironment({}), 0);
            assert.equal(latencyFromEnvironment({ [LATENCY_VARIABLE]: "" }), 0);
            assert.equal(latencyFromEnvironment({ [LATENCY_VARIABLE]: "250" }), 250);
            for (const bad of ["1.5", "-1", "fast", "600001"]) {
                assert.throws(
                    () => latencyFromEnvironment({ [LATENCY_VARIABLE]: bad }),
                    (err: Error) =>
                        err.message ===
                        `${LATENCY_VARIABLE} = ${JSON.stringify(bad)}: not a delay in milliseconds. Fix: set it to a whole number from 0 to 600000, or unset it`,
                );
            }
        });

        it("delays a create by the configured time, and a preview create not at all", async () => {
            const plugin = await startPlugin("aws", ["127.0.0.1:1"], { ...process.env, [LATENCY_VARIABLE]: "400" });
            try {
                const create = async (preview: boolean): Promise<number> => {
                    const request = new provproto.CreateRequest();
                    request.setUrn("urn:pulumi:dev::foundation::aws:ec2/vpc:Vpc::v");
                    request.setProperties(struct({ cidrBlock: "10.10.0.0/16" }));
                    request.setPreview(preview);
                    const start = Date.now();
                    await rpc<provproto.CreateRequest, provproto.CreateResponse>((r, cb) => plugin.client.create(r, cb), request);
                    return Date.now() - start;
                };
                await create(true); // connects
                assert.ok((await create(true)) < 300, "a preview is not delayed");
                const took = await create(false);
                assert.ok(took >= 400 && took < 2000, `a create took ${took} ms`);
            } finally {
                plugin.stop();
            }
        });
    });
});
