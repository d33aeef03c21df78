import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { compileCacheFolders } from "../src/cli/compile-cache-dir.js";

const CLI_DIR = path.resolve(__dirname, "..", "src", "cli");

/** The environment without the compile cache variables, plus `extra`. */
function envWith(extra: Record<string, string>): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
    if (extra["NODE_COMPILE_CACHE"] === undefined) delete env["NODE_COMPILE_CACHE"];
    if (extra["NODE_DISABLE_COMPILE_CACHE"] === undefined) delete env["NODE_DISABLE_COMPILE_CACHE"];
    return env;
}

describe("the compile cache folders of platform and of the engine", () => {
    it("unset: platform takes <tmpdir>/node-compile-cache/platform-cli, the engine keeps engine-env.sh's default", () => {
        assert.deepEqual(compileCacheFolders({}, "/tmp"), { cli: "/tmp/node-compile-cache/platform-cli" });
        // Empty counts as unset, as in scripts/engine-env.sh (${NODE_COMPILE_CACHE:-...}).
        assert.deepEqual(compileCacheFolders({ NODE_COMPILE_CACHE: "" }, "/var/tmp"), { cli: "/var/tmp/node-compile-cache/platform-cli" });
    });

    it("set: Node.js already put platform's cache there, so the engine moves to its engine subfolder", () => {
        assert.deepEqual(compileCacheFolders({ NODE_COMPILE_CACHE: "/cache/node" }, "/tmp"), {
            cli: "/cache/node",
            engine: "/cache/node/engine",
        });
    });

    it("a real `platform` run writes its entries into platform-cli only; NODE_DISABLE_COMPILE_CACHE=1 writes none", () => {
        const tmp = mkdtempSync(path.join(tmpdir(), "platform-compile-cache-"));
        try {
            execFileSync(process.execPath, [path.join(CLI_DIR, "main.js"), "--help"], { env: envWith({ TMPDIR: tmp }), stdio: "ignore" });
            // Node's layout: one folder per Node.js version and V8 flags, then the entries.
            assert.deepEqual(readdirSync(path.join(tmp, "node-compile-cache")), ["platform-cli"]);
            const versions = readdirSync(path.join(tmp, "node-compile-cache", "platform-cli"));
            assert.equal(versions.length, 1, versions.join(", "));
            assert.ok(readdirSync(path.join(tmp, "node-compile-cache", "platform-cli", versions[0])).length > 10);

            rmSync(path.join(tmp, "node-compile-cache"), { recursive: true });
            execFileSync(process.execPath, [path.join(CLI_DIR, "main.js"), "--help"], {
                env: envWith({ TMPDIR: tmp, NODE_DISABLE_COMPILE_CACHE: "1" }),
                stdio: "ignore",
            });
            assert.deepEqual(readdirSync(tmp), []);
        } finally {
            rmSync(tmp, { recursive: true, force: true });
        }
    });

    it("with NODE_COMPILE_CACHE set, the platform process hands its children (engine-env.sh) the engine subfolder", () => {
        const script = `require(${JSON.stringify(path.join(CLI_DIR, "compile-cache.js"))}); process.stdout.write(process.env.NODE_COMPILE_CACHE ?? "unset")`;
        assert.equal(
            execFileSync(process.execPath, ["-e", script], { env: envWith({ NODE_COMPILE_CACHE: "/cache/node" }), encoding: "utf8" }),
            "/cache/node/engine",
        );
        assert.equal(
            execFileSync(process.execPath, ["-e", script], { env: envWith({ TMPDIR: "/nonexistent" }), encoding: "utf8" }),
            "unset",
        );
    });
});
