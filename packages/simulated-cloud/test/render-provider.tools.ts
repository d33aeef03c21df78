/**
 * Render mode over gRPC: the simulated kubernetes plugin started as the engine starts it, with the
 * real kubernetes provider (built by `scripts/tools-setup.sh kubernetes-provider`, the longest Go
 * build) behind it. A tools test (`pnpm test:engine:tools`), so that CI runs the unit tests without
 * waiting for that build; render.test.ts has the rest of render mode.
 */
import * as assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb.js";
import * as provproto from "@pulumi/pulumi/proto/provider_pb.js";
import { findGoTool } from "@platform/synth";
import { type Empty } from "google-protobuf/google/protobuf/empty_pb.js";
import { REAL_PROVIDER_ENV, RENDER_DIR_ENV } from "../src/index.js";
import { type PluginProcess, rpc, startPlugin, struct } from "./plugin-process.js";
import { DEPLOYMENT_URN, RELEASE_URN } from "./render-urns.js";

/** The processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
    return readdirSync("/proc")
        .filter((entry) => /^\d+$/.test(entry))
        .filter((entry) => {
            try {
                // The parent is the fourth field, after the command in parentheses.
                const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
                return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
            } catch {
                return false; // gone while listing
            }
        })
        .map(Number);
}

function alive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

describe("render mode over gRPC: the simulated kubernetes plugin with the real provider", function () {
    this.timeout(60_000);
    let plugin: PluginProcess | undefined;
    let client: provrpc.ResourceProviderClient;
    const out = mkdtempSync(path.join(os.tmpdir(), "render-"));

    before(async function () {
        const real = findGoTool("kubernetes-provider", "pulumi-resource-kubernetes");
        if (real === undefined) return this.skip();
        plugin = await startPlugin("kubernetes", ["127.0.0.1:1"], { ...process.env, [RENDER_DIR_ENV]: out, [REAL_PROVIDER_ENV]: real });
        client = plugin.client;
        const configure = new provproto.ConfigureRequest();
        configure.setArgs(struct({ kubeconfig: "apiVersion: v1\nkind: Config\n", namespace: "apps" }));
        configure.setAcceptsecrets(true);
        configure.setAcceptresources(true);
        await rpc<provproto.ConfigureRequest, provproto.ConfigureResponse>((r, cb) => client.configure(r, cb), configure);
    });
    after(() => {
        plugin?.stop();
        rmSync(out, { recursive: true, force: true });
    });

    const deployment = {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "web", namespace: "apps" },
        spec: {
            selector: { matchLabels: { app: "web" } },
            template: {
                metadata: { labels: { app: "web" } },
                spec: { containers: [{ name: "web", image: "ghcr.io/acme/web:1.0.0" }] },
            },
        },
    };
    const file = () => path.join(out, "1-manifest", "apps_v1-deployment-apps-web.yaml");

    it("checks, creates (writing the YAML the provider would apply), diffs and deletes a Deployment through the real provider", async () => {
        const check = new provproto.CheckRequest();
        check.setUrn(DEPLOYMENT_URN);
        check.setOlds(struct({}));
        check.setNews(struct(deployment));
        const checked = await rpc<provproto.CheckRequest, provproto.CheckResponse>((r, cb) => client.check(r, cb), check);
        assert.deepEqual(checked.getFailuresList(), []);
        const inputs = checked.getInputs();

        const create = new provproto.CreateRequest();
        create.setUrn(DEPLOYMENT_URN);
        if (inputs) create.setProperties(inputs);
        const created = await rpc<provproto.CreateRequest, provproto.CreateResponse>((r, cb) => client.create(r, cb), create);
        assert.equal(created.getId(), "apps/web");
        assert.deepEqual(readdirSync(path.join(out, "1-manifest")), ["apps_v1-deployment-apps-web.yaml"]);
        const yaml = readFileSync(file(), "utf8");
        assert.match(yaml, /^apiVersion: apps\/v1\nkind: Deployment\n/);
        assert.match(yaml, /image: ghcr\.io\/acme\/web:1\.0\.0/);
        // The simulated model would have added a status; the real provider in render mode does not.
        assert.equal(created.getProperties()?.toJavaScript()["status"], undefined);

        const diff = new provproto.DiffRequest();
        diff.setUrn(DEPLOYMENT_URN);
        diff.setId("apps/web");
        diff.setOlds(created.getProperties());
        if (inputs) diff.setOldInputs(inputs);
        diff.setNews(struct({ ...deployment, spec: { ...deployment.spec, replicas: 3 } }));
        const diffed = await rpc<provproto.DiffRequest, provproto.DiffResponse>((r, cb) => client.diff(r, cb), diff);
        assert.equal(diffed.getChanges(), provproto.DiffResponse.DiffChanges.DIFF_SOME);
        assert.deepEqual(diffed.getReplacesList(), []);

        const del = new provproto.DeleteRequest();
        del.setUrn(DEPLOYMENT_URN);
        del.setId("apps/web");
        del.setProperties(created.getProperties());
        await rpc<provproto.DeleteRequest, Empty>((r, cb) => client.delete(r, cb), del);
        assert.equal(existsSync(file()), false);
    });

    it("a Helm release stays simulated: created as deployed, nothing written", async () => {
        const release = { chart: "cert-manager", version: "v1.19.1", namespace: "cert-manager", name: "cert-manager" };
        const check = new provproto.CheckRequest();
        check.setUrn(RELEASE_URN);
        check.setOlds(struct({}));
        check.setNews(struct(release));
        const checked = await rpc<provproto.CheckRequest, provproto.CheckResponse>((r, cb) => client.check(r, cb), check);
        const create = new provproto.CreateRequest();
        create.setUrn(RELEASE_URN);
        const props = checked.getInputs();
        if (props) create.setProperties(props);
        const created = await rpc<provproto.CreateRequest, provproto.CreateResponse>((r, cb) => client.create(r, cb), create);
        assert.equal((created.getProperties()?.toJavaScript()["status"] as Record<string, unknown>)["status"], "deployed");
        // The provider makes its folders (0-crd, 1-manifest) as it pleases; no file is in them.
        assert.deepEqual(
            readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()),
            [],
        );
    });

    it("the real provider ends with the plugin (SIGTERM), so nothing is left running", async () => {
        const started = plugin;
        assert.ok(started?.child.pid !== undefined);
        const children = childrenOf(started.child.pid);
        assert.equal(children.length, 1, "the plugin started exactly one real provider");
        const exited = new Promise((resolve) => started.child.once("exit", resolve));
        started.stop();
        await exited;
        plugin = undefined;
        const deadline = Date.now() + 5_000;
        while (children.some(alive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
        assert.deepEqual(children.filter(alive), []);
    });
});
