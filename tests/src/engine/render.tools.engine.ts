/**
 * `platform render` on the real engine: every layer of dev `up` against the simulated cloud in a
 * throwaway state, the simulated kubernetes plugin handing every plain Kubernetes object to the
 * real kubernetes provider (renderYamlToDirectory). The files it writes are checked against what
 * offline synthesis says the stacks create, so the two paths agree object for object. The layers
 * run over the registry's graph: security beside the cluster.
 */
import * as assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { synthesizeEnvironment } from "@platform/automation";
import { at, findGoTool } from "@platform/synth";
import { parse } from "yaml";
import { REPO_ROOT } from "../paths.js";
import { useSimulatedEngine } from "./harness.js";
import { platform } from "./platform-process.js";

/** The file name the real provider gives an object (renderPathForResource). */
function renderedName(manifest: unknown): string {
    const apiVersion = String(at(manifest, "apiVersion")).replace(/[/:]/g, "_");
    const kind = String(at(manifest, "kind")).toLowerCase();
    const namespace = typeof at(manifest, "metadata", "namespace") === "string" ? String(at(manifest, "metadata", "namespace")) : "default";
    const folder = kind === "customresourcedefinition" ? "0-crd" : "1-manifest";
    return `${folder}/${apiVersion}-${kind}-${namespace}-${String(at(manifest, "metadata", "name"))}.yaml`;
}

function filesUnder(dir: string, prefix = ""): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
    );
}

describe("platform render on the real engine (the real kubernetes provider)", function () {
    this.timeout(1_200_000);
    useSimulatedEngine();

    it("dev: every Kubernetes object synth knows, written as YAML per project; no Helm release; the rehearsal state untouched", async function () {
        if (findGoTool("kubernetes-provider", "pulumi-resource-kubernetes") === undefined) return this.skip();
        const out = mkdtempSync(path.join(tmpdir(), "render-dev-"));
        const result = await platform(["render", "--env", "dev", "--out", out]);
        assert.equal(result.code, 0, result.stderr);
        // Every layer ran, over the registry's graph at the default --parallel 2: the cluster starts
        // once the foundation has finished and before security has (neither needs the other).
        const lines = result.stdout.split("\n");
        const line = (pattern: RegExp): number => {
            const index = lines.findIndex((l) => pattern.test(l));
            assert.ok(index >= 0, `${String(pattern)} in:\n${result.stdout}`);
            return index;
        };
        assert.deepEqual(
            lines.filter((l) => l.startsWith("==> ")).map((l) => l.split(":")[0]),
            ["==> foundation/dev", "==> security/dev", "==> cluster/dev", "==> data/dev", "==> platform-addons/dev"],
        );
        const clusterStarts = line(/^==> cluster\/dev: pulumi up/);
        assert.ok(clusterStarts > line(/^foundation\/dev +\| Duration: /), result.stdout);
        assert.ok(clusterStarts < line(/^security\/dev +\| Duration: /), result.stdout);

        const synthesized = await synthesizeEnvironment({ root: REPO_ROOT, env: "dev" });
        const expected: Record<string, string[]> = {};
        for (const stack of synthesized.stacks) {
            const objects = stack.resources.filter(
                (r) => r.custom && r.type.startsWith("kubernetes:") && r.type !== "kubernetes:helm.sh/v3:Release",
            );
            if (objects.length > 0) expected[stack.project] = objects.map((r) => renderedName(r.inputs)).sort();
        }
        assert.deepEqual(Object.keys(expected).sort(), readdirSync(out).sort(), "one folder per project with Kubernetes objects");
        for (const [project, files] of Object.entries(expected)) {
            assert.deepEqual(filesUnder(path.join(out, project)).sort(), files, project);
        }
        const total = Object.values(expected).flat().length;
        assert.ok(total > 0);
        assert.match(
            result.stdout,
            new RegExp(`^rendered ${total} Kubernetes manifests into ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "m"),
        );

        // The files are the objects themselves: the cluster's default StorageClass on the data key.
        const storageClass = Object.entries(expected)
            .flatMap(([project, files]) => files.map((f) => path.join(out, project, f)))
            .find((f) => f.includes("storageclass"));
        assert.ok(storageClass, "a StorageClass was rendered");
        const parsed: unknown = parse(readFileSync(storageClass, "utf8"));
        assert.deepEqual([at(parsed, "kind"), at(parsed, "provisioner")], ["StorageClass", "ebs.csi.aws.com"]);
        assert.equal(typeof at(parsed, "parameters", "kmsKeyId"), "string");

        // The rehearsal's state (PLATFORM_STATE_DIR of this suite) has no dev stack: render used its own.
        const backend = path.join(process.env["PLATFORM_STATE_DIR"] ?? "", "backend", ".pulumi", "stacks");
        assert.deepEqual(existsSync(backend) ? filesUnder(backend).filter((f) => f.includes("/dev.json")) : [], []);
    });
});
