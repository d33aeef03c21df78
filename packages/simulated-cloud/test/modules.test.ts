import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";

/** The modules a fresh Node process has loaded after requiring `file`, relative to the workspace root. */
function modulesLoadedBy(file: string): string[] {
    const script = `require(${JSON.stringify(file)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
    const loaded = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as string[];
    const root = path.resolve(__dirname, "../../../..");
    return loaded.map((m) => path.relative(root, m));
}

describe("simulated cloud plugin modules", () => {
    it("loads only the synth cloud (its data-layer part included) and Kubernetes models: not the synthesizer, not the SDK mock runtime", () => {
        const loaded = modulesLoadedBy(path.resolve(__dirname, "../src/server.js"));
        assert.deepEqual(loaded.filter((m) => m.includes("packages/synth/")).sort(), [
            "packages/synth/dist/src/cloud-model-data.js",
            "packages/synth/dist/src/cloud-model-edge.js",
            "packages/synth/dist/src/cloud-model-observability.js",
            "packages/synth/dist/src/cloud-model-security.js",
            "packages/synth/dist/src/cloud-model.js",
            "packages/synth/dist/src/hash.js",
            "packages/synth/dist/src/helm-release.js",
            "packages/synth/dist/src/kubernetes-model.js",
            "packages/synth/dist/src/wire-values.js",
        ]);
        assert.deepEqual(
            loaded.filter((m) => m.endsWith("runtime/mocks.js")),
            [],
        );
    });
});
