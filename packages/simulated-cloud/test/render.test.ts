/**
 * Render mode: the simulated kubernetes plugin hands plain objects to the real kubernetes
 * provider (built by `scripts/tools-setup.sh kubernetes-provider`), which writes them as YAML;
 * Helm releases stay simulated. What needs no provider build; the plugin with the real provider
 * over gRPC is render-provider.tools.ts, run with the tools' tests (`pnpm test:engine:tools`).
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { REAL_PROVIDER_ENV, RENDER_DIR_ENV, renderedByRealProvider, renderSettingsFromEnvironment, urnType } from "../src/index.js";
import { startPlugin } from "./plugin-process.js";
import { DEPLOYMENT_URN, RELEASE_URN } from "./render-urns.js";

describe("render mode: the real kubernetes provider behind the simulated plugin", function () {
    this.timeout(60_000);

    it("routes plain Kubernetes objects to the real provider; releases, providers and cloud resources stay simulated", () => {
        assert.equal(urnType(DEPLOYMENT_URN), "kubernetes:apps/v1:Deployment");
        assert.deepEqual(
            [
                DEPLOYMENT_URN,
                "urn:pulumi:dev::app::kubernetes:core/v1:Namespace::apps",
                "urn:pulumi:dev::app::kubernetes:monitoring.coreos.com/v1:ServiceMonitor::web",
                RELEASE_URN,
                "urn:pulumi:dev::app::pulumi:providers:kubernetes::k8s",
                "urn:pulumi:dev::app::aws:s3/bucket:Bucket::b",
                "not-a-urn",
            ].map(renderedByRealProvider),
            [true, true, true, false, false, false, false],
        );
    });

    it("is off without the folder; with the folder it needs the real provider, and says how to build it", () => {
        assert.equal(renderSettingsFromEnvironment({}), undefined);
        assert.equal(renderSettingsFromEnvironment({ [RENDER_DIR_ENV]: "" }), undefined);
        assert.throws(
            () => renderSettingsFromEnvironment({ [RENDER_DIR_ENV]: "out" }),
            new Error(
                'PLATFORM_KUBERNETES_PROVIDER = "": render mode (PLATFORM_KUBERNETES_RENDER_DIR is set) needs the real kubernetes provider. ' +
                    "Fix: bash scripts/tools-setup.sh kubernetes-provider, then set it to the pulumi-resource-kubernetes it built",
            ),
        );
        assert.throws(
            () => renderSettingsFromEnvironment({ [RENDER_DIR_ENV]: "out", [REAL_PROVIDER_ENV]: "/nope" }),
            /"\/nope": render mode/,
        );
        assert.deepEqual(renderSettingsFromEnvironment({ [RENDER_DIR_ENV]: "out", [REAL_PROVIDER_ENV]: process.execPath }), {
            directory: path.resolve("out"),
            providerBinary: process.execPath,
        });
    });

    it("a plugin started half-configured exits at once with that message", async () => {
        await assert.rejects(
            startPlugin("kubernetes", ["127.0.0.1:1"], { ...process.env, [RENDER_DIR_ENV]: "out", [REAL_PROVIDER_ENV]: "" }),
            /plugin exited \(1\) before printing its port: .*PLATFORM_KUBERNETES_PROVIDER = "": render mode/s,
        );
    });
});
