import * as assert from "node:assert/strict";
import * as path from "node:path";
import { loadPackRuntime, modulesNotAllowedAtPackRuntime } from "../src/harness/index.js";

describe("pack runtime check", () => {
    it("names each module a pack must not load, with the reason, and lets everything else through", () => {
        assert.deepEqual(
            modulesNotAllowedAtPackRuntime([
                "/r/policies/kit/dist/src/index.js",
                "/r/policies/kit/dist/src/harness/evaluate.js",
                "/r/node_modules/.pnpm/x/node_modules/@grpc/grpc-js/build/src/index.js",
                "/r/node_modules/.pnpm/x/node_modules/google-protobuf/google-protobuf.js",
                "/r/packages/synth/dist/src/index.js",
                "/r/node_modules/.pnpm/x/node_modules/@pulumi/pulumi/index.js",
                "/r/node_modules/.pnpm/x/node_modules/@pulumi/aws/index.js",
                "/r/node_modules/.pnpm/x/node_modules/@pulumi/policy/proxy.js",
                "/r/packages/facts/dist/src/index.js",
            ]),
            [
                "the kit's evaluation and test harness: /r/policies/kit/dist/src/harness/evaluate.js",
                "gRPC (only the SDK's server may load it): /r/node_modules/.pnpm/x/node_modules/@grpc/grpc-js/build/src/index.js",
                "protobuf (only the SDK's server may load it): /r/node_modules/.pnpm/x/node_modules/google-protobuf/google-protobuf.js",
                "the synthesizer: /r/packages/synth/dist/src/index.js",
                "the Pulumi SDK (only the SDK's server may load it): /r/node_modules/.pnpm/x/node_modules/@pulumi/pulumi/index.js",
                "a cloud provider SDK (policies match type tokens): /r/node_modules/.pnpm/x/node_modules/@pulumi/aws/index.js",
            ],
        );
    });

    it("loads a pack directory's main with @pulumi/policy stood in for, and sees what it pulled in", function () {
        this.timeout(30000);
        const runtime = loadPackRuntime(path.resolve(__dirname, "../../test/fixtures/leaky-pack"));
        assert.deepEqual(runtime.constructed, [{ name: "leaky", policies: ["leaky-tags"] }]);
        const leaks = modulesNotAllowedAtPackRuntime(runtime.modules);
        assert.ok(
            leaks.some((l) => l.endsWith("/policies/kit/dist/src/harness/index.js")),
            leaks.join("\n"),
        );
        assert.ok(
            leaks.some((l) => l.startsWith("gRPC")),
            leaks.join("\n"),
        );
        assert.ok(!runtime.modules.some((m) => m.endsWith("/@pulumi/policy/index.js")), "the SDK's entry point is the stand-in");
    });
});
