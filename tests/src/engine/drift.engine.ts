/**
 * `platform drift` on the real engine: dev's foundation is brought up on the simulated cloud, then
 * the cloud is changed behind the engine's back (PLATFORM_SIMULATED_DRIFT: a VPC's tags edited, a
 * KMS alias deleted). drift names both resources and exits 4, with its JSON result and job
 * summary; it records nothing, so once the cloud matches the state again it exits 0.
 */
import * as assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { backendDirectory, type ResultDocument } from "@platform/automation";
import { useSimulatedEngine } from "./harness.js";
import { platform, readCheckpoint, stackFiles } from "./platform-process.js";

describe("platform drift on the real engine (simulated cloud)", function () {
    this.timeout(900_000);
    const harness = useSimulatedEngine();
    const DRIFT = ["drift", "--env", "dev", "--stack", "foundation", "--simulate"];

    it("exits 0 with no drift, 4 naming what changed outside Pulumi, and records nothing", async () => {
        // up with --json and a job summary: what a deploy job hands to GitHub.
        const dir = mkdtempSync(path.join(tmpdir(), "drift-engine-"));
        const upSummary = path.join(dir, "up.md");
        const startedAt = performance.now();
        const up = await platform(["up", "--env", "dev", "--stack", "foundation", "--simulate", "--json"], {
            GITHUB_STEP_SUMMARY: upSummary,
        });
        const wall = performance.now() - startedAt;
        assert.equal(up.code, 0, up.stderr);
        const upDoc = JSON.parse(up.stdout) as ResultDocument;
        const checkpoint = stackFiles(backendDirectory(harness.engine.backendUrl), "foundation", "dev").checkpoint;
        const resources = readCheckpoint(checkpoint)?.resources ?? [];
        // Every resource in the state was created, the stack and the provider included.
        const created = resources.length;
        assert.ok(created > 40, `${created} resources`);
        assert.deepEqual(
            [upDoc.command, upDoc.exitCode, upDoc.outcome, upDoc.layers.map((l) => [l.project, l.status, l.changes, l.violations.length])],
            ["up", 0, "ok", [["foundation", "ok", { create: created }, 0]]],
        );
        // The layer's duration covers its engine run: more than the engine's start, less than the whole command.
        const took = upDoc.layers[0]?.durationMs ?? 0;
        assert.ok(took > 1000 && took < wall, `durationMs ${took} of ${Math.round(wall)} ms`);
        assert.match(
            readFileSync(upSummary, "utf8"),
            new RegExp(`^\\| foundation \\| ok \\| ${created} \\| 0 \\| 0 \\| 0 \\| 0 \\| 0 \\|$`, "m"),
        );

        const clean = await platform(DRIFT);
        assert.equal(clean.code, 0, clean.stderr);
        assert.match(clean.stdout, /^ok {8}foundation\/dev: no drift$/m);
        assert.match(clean.stdout, /^==> foundation\/dev: pulumi refresh --preview-only \(simulated cloud/m);

        const before = readFileSync(checkpoint, "utf8");
        const urnOf = (type: string, name: string): string => {
            const found = resources.filter((r) => r.type === type && r.urn.endsWith(`::${name}`));
            assert.equal(found.length, 1, `${type} ${name}`);
            return found[0].urn;
        };
        const vpc = urnOf("aws:ec2/vpc:Vpc", "network-vpc");
        const alias = urnOf("aws:kms/alias:Alias", "kms-data");
        const driftFile = path.join(dir, "drift.json");
        writeFileSync(driftFile, JSON.stringify({ [vpc]: { set: { tags: { Name: "edited-in-the-console" } } }, [alias]: "deleted" }));
        const summaryFile = path.join(dir, "summary.md");
        const env = { PLATFORM_SIMULATED_DRIFT: driftFile, GITHUB_STEP_SUMMARY: summaryFile };

        const drifted = await platform(DRIFT, env);
        assert.equal(drifted.code, 4, drifted.stderr);
        assert.match(drifted.stdout, /^ok {8}foundation\/dev: drift: 2 resources differ from the state \(1 delete, 1 update\)$/m);
        assert.match(drifted.stdout, /^ {4}aws:ec2\/vpc:Vpc network-vpc: changed outside Pulumi \(tags\)$/m);
        assert.match(drifted.stdout, /^ {4}aws:kms\/alias:Alias kms-data: deleted outside Pulumi$/m);
        const summary = readFileSync(summaryFile, "utf8");
        assert.match(summary, /^\| foundation \| drift \| 0 \| 1 \| 0 \| 1 \| \d+ \| 0 \|$/m);
        assert.match(summary, /^- foundation: aws:kms\/alias:Alias kms-data: deleted outside Pulumi$/m);
        assert.match(summary, /^exit 4: drift found$/m);

        const json = await platform([...DRIFT, "--json"], env);
        assert.equal(json.code, 4, json.stderr);
        const doc = JSON.parse(json.stdout) as ResultDocument;
        assert.deepEqual(
            [doc.command, doc.env, doc.exitCode, doc.outcome, doc.layers.map((l) => [l.project, l.status, l.drift])],
            [
                "drift",
                "dev",
                4,
                "drift",
                [
                    [
                        "foundation",
                        "ok",
                        [
                            { urn: vpc, change: "update", properties: ["tags"] },
                            { urn: alias, change: "delete", properties: [] },
                        ].sort((a, b) => a.urn.localeCompare(b.urn)),
                    ],
                ],
            ],
        );
        assert.match(json.stderr, /pulumi refresh --preview-only/, "the engine's output goes to stderr with --json");

        // A preview-only refresh wrote nothing: the state is as up left it, and drift is gone with the edit.
        assert.equal(readFileSync(checkpoint, "utf8"), before);
        writeFileSync(driftFile, "{}");
        const again = await platform(DRIFT, env);
        assert.equal(again.code, 0, again.stderr);
    });
});
