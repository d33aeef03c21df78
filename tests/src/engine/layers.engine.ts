/**
 * Whole environments run layer by layer in the layer registry's order under the real engine:
 * up runs foundation then cluster (stacks/cluster sorts first in the directory), destroy runs
 * them in reverse.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { FIXTURES } from "../paths.js";
import { useSimulatedEngine } from "./harness.js";
import { platform } from "./platform-process.js";

describe("real engine: layer order", function () {
    this.timeout(600_000);
    useSimulatedEngine();
    const root = ["--root", path.join(FIXTURES, "layers")];
    const started = (stdout: string) => [...stdout.matchAll(/^==> (\S+): pulumi (\w+)/gm)].map((m) => `${m[2]} ${m[1]}`);

    it("up runs foundation, then cluster; destroy runs cluster, then foundation", async () => {
        const up = await platform(["up", "--env", "dev", "--simulate", ...root]);
        assert.equal(up.code, 0, up.stderr);
        assert.deepEqual(started(up.stdout), ["up layers-foundation/dev", "up layers-cluster/dev"]);
        assert.match(up.stdout, /^ok {8}layers-foundation\/dev: \{"create":2\}\nok {8}layers-cluster\/dev: \{"create":2\}$/m);

        const destroy = await platform(["destroy", "--env", "dev", "--simulate", ...root]);
        assert.equal(destroy.code, 0, destroy.stderr);
        assert.deepEqual(started(destroy.stdout), ["destroy layers-cluster/dev", "destroy layers-foundation/dev"]);
    });
});
