import * as assert from "node:assert/strict";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { findGoTool, goToolPath, toolsRequired } from "../src/index.js";

describe("go tools (scripts/tools-setup.sh's cache)", () => {
    const cache = mkdtempSync(path.join(os.tmpdir(), "go-tools-"));
    after(() => rmSync(cache, { recursive: true, force: true }));

    it("a tool's binary lives under <cache>/tools/<tool>/bin, the cache from PLATFORM_ENGINE_CACHE", () => {
        assert.equal(
            goToolPath("prometheus", "promtool", { PLATFORM_ENGINE_CACHE: cache }),
            path.join(cache, "tools/prometheus/bin/promtool"),
        );
        assert.equal(goToolPath("opa", undefined, { PLATFORM_ENGINE_CACHE: cache }), path.join(cache, "tools/opa/bin/opa"));
        assert.equal(goToolPath("opa", "opa", { HOME: "/h" }).endsWith(path.join(".cache/platform-engine/tools/opa/bin/opa")), true);
    });

    it("finds a built tool; a missing one is undefined on a laptop and an error naming the fix in CI", () => {
        const bin = path.join(cache, "tools/actionlint/bin");
        mkdirSync(bin, { recursive: true });
        writeFileSync(path.join(bin, "actionlint"), "#!/bin/sh\n");
        chmodSync(path.join(bin, "actionlint"), 0o755);
        assert.equal(findGoTool("actionlint", undefined, { PLATFORM_ENGINE_CACHE: cache, CI: "true" }), path.join(bin, "actionlint"));
        assert.equal(findGoTool("opa", undefined, { PLATFORM_ENGINE_CACHE: cache }), undefined);
        assert.throws(
            () => findGoTool("opa", undefined, { PLATFORM_ENGINE_CACHE: cache, CI: "true" }),
            /opa is not built .*CI must build it before the tests\. Fix: bash scripts\/tools-setup\.sh opa/,
        );
    });

    it("CI or PLATFORM_REQUIRE_TOOLS make tools required; empty, 0 and false do not", () => {
        assert.deepEqual(
            [
                {},
                { CI: "true" },
                { CI: "1" },
                { PLATFORM_REQUIRE_TOOLS: "1" },
                { CI: "" },
                { CI: "false" },
                { PLATFORM_REQUIRE_TOOLS: "0" },
            ].map((e) => toolsRequired(e)),
            [false, true, true, true, false, false, false],
        );
    });
});
