/**
 * `platform destroy` of production: refused unless the environment is named again, and even then
 * protected resources (and what they depend on) are never touched, and are listed.
 */
import * as assert from "node:assert/strict";
import { backendDirectory, describeUrn } from "@platform/automation";
import { useSimulatedEngine } from "./harness.js";
import { platform, readCheckpoint, stackFiles } from "./platform-process.js";

describe("real engine: previewing a new prod, then destroying it", function () {
    this.timeout(600_000);
    const harness = useSimulatedEngine();

    it("refuses without --confirm-production (nothing deleted); with it, touches nothing protected and lists what it left", async () => {
        const { checkpoint } = stackFiles(backendDirectory(harness.engine.backendUrl), "foundation", "prod");
        const { checkpoint: clusterCheckpoint } = stackFiles(backendDirectory(harness.engine.backendUrl), "cluster", "prod");
        // A new environment's first preview (a pull request before anything is deployed): every
        // upstream output is unknown, and no mandatory policy may fail on that alone.
        const preview = await platform(["preview", "--env", "prod", "--simulate", "--plain"]);
        assert.equal(preview.code, 0, `${preview.stdout}\n${preview.stderr}`);
        assert.doesNotMatch(preview.stdout, /\[mandatory\]/);

        const up = await platform(["up", "--env", "prod", "--simulate"]);
        assert.equal(up.code, 0, up.stderr);
        const before = readCheckpoint(checkpoint)!.resources;
        assert.equal(before.length, 79);
        // In prod every foundation component is protected and its children inherit it: all but the stack and the provider.
        const protectedUrns = before.filter((r) => r.protect === true).map((r) => r.urn);
        assert.equal(protectedUrns.length, 77);
        assert.deepEqual(
            before.filter((r) => r.protect !== true).map((r) => r.type),
            ["pulumi:pulumi:Stack", "pulumi:providers:aws"],
        );

        const refused = await platform(["destroy", "--env", "prod", "--simulate"]);
        assert.deepEqual(refused, {
            code: 2,
            signal: null,
            stdout: "",
            stderr:
                'platform: --env = "prod": prod is a production environment, and destroying it needs the environment named again. ' +
                "Fix: platform destroy --env prod --simulate --confirm-production prod (protected resources, and what they depend on, are kept either way)\n",
        });
        assert.deepEqual(
            readCheckpoint(checkpoint)!.resources.map((r) => r.urn),
            before.map((r) => r.urn),
            "nothing was deleted",
        );

        const clusterBefore = readCheckpoint(clusterCheckpoint)!.resources;
        const destroyed = await platform(["destroy", "--env", "prod", "--simulate", "--confirm-production", "prod"]);
        assert.equal(destroyed.code, 0, destroyed.stderr);
        // The cluster layer goes first (reverse layer order) and keeps everything too.
        assert.deepEqual(
            readCheckpoint(clusterCheckpoint)!.resources.map((r) => r.urn),
            clusterBefore.map((r) => r.urn),
        );
        assert.match(destroyed.stdout, /^ok {8}cluster\/prod: \{\}$/m);
        assert.match(destroyed.stdout, /^cluster\/prod: left \d+ resources: \d+ protected, and \d+ that protected resources depend on/m);
        const after = readCheckpoint(checkpoint)!.resources;
        assert.deepEqual(
            after.map((r) => r.urn),
            before.map((r) => r.urn),
            "every resource is still there: all protected, or what protected resources depend on",
        );
        const foundationSection = destroyed.stdout.slice(destroyed.stdout.indexOf("foundation/prod: left"));
        const listed = foundationSection.split("\n").filter((l) => /^ {4}(protected|kept) {2}/.test(l));
        assert.deepEqual(listed, [
            ...after.filter((r) => r.protect === true).map((r) => `    protected  ${describeUrn(r.urn)}`),
            ...after.filter((r) => r.protect !== true).map((r) => `    kept       ${describeUrn(r.urn)}`),
        ]);
        assert.ok(
            destroyed.stdout.includes(
                "foundation/prod: left 79 resources: 77 protected, and 2 that protected resources depend on (destroy never touches them)\n",
            ),
            destroyed.stdout,
        );
        assert.match(destroyed.stdout, /^ok {8}foundation\/prod: \{\}$/m, "nothing deleted, and no stale summary of the earlier up");
        assert.deepEqual(
            listed.filter((l) => l.startsWith("    kept")),
            ["    kept       pulumi:pulumi:Stack foundation-prod", "    kept       pulumi:providers:aws acme-prod-aws"],
        );
        assert.ok(listed.includes("    protected  aws:kms/key:Key kms-data"));
        assert.ok(listed.includes("    protected  aws:route53/zone:Zone dns-public"));
    });
});
