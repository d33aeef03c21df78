/**
 * Real-engine tests: the pinned `pulumi` CLI (pnpm engine:setup), the real policy analyzer, and the
 * simulated cloud's provider plugins. Run by `pnpm test:engine`; skipped, with the reason printed,
 * when no engine has been built.
 */
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import {
    attachedPolicyPacks,
    discoverProjects,
    policyPackDirs,
    readProject,
    runCli,
    simulatedEngineEnvironment,
} from "@platform/automation";
import { FIXTURES, REPO_ROOT } from "../paths.js";
import { useSimulatedEngine } from "./harness.js";

describe("real engine against the simulated cloud", function () {
    this.timeout(600_000);
    const { stage, pulumi } = useSimulatedEngine();

    const foundation = () => discoverProjects(REPO_ROOT).find((p) => p.name === "foundation")!;
    const packArgs = () =>
        policyPackDirs()
            .filter((d) => !d.endsWith("gcp"))
            .flatMap((d) => ["--policy-pack", d]);

    it("the pinned CLI reports the version engine-env.sh pins, which the launcher answers `pulumi version` with", () => {
        const engine = simulatedEngineEnvironment(REPO_ROOT);
        assert.equal(engine.version, "v3.276.0");
        assert.equal(execFileSync(engine.pulumi, ["version"], { env: engine.env, encoding: "utf8" }).trim(), engine.version);
    });

    it("pulumi preview --policy-pack aws --policy-pack platform on foundation/prod: the analyzer passes it", async () => {
        const { workDir } = await stage(foundation(), "prod");
        const { code, output } = await pulumi(workDir, [
            "preview",
            "--stack",
            "prod",
            "--non-interactive",
            "--color",
            "never",
            ...packArgs(),
        ]);
        assert.equal(code, 0, output);
        assert.doesNotMatch(output, /mandatory/i);
        // The analyzer really ran both packs (listed under Policies:).
        assert.match(output, /aws@v0\.1\.0 \(local: /);
        assert.match(output, /platform@v0\.1\.0 \(local: /);
        assert.match(output, /\+ 79 to create/);
    });

    it("the same preview on a deliberately non-compliant project reports platform-ha-in-prod and fails", async () => {
        const noncompliant = readProject(path.join(FIXTURES, "noncompliant"), true);
        const { workDir } = await stage(noncompliant, "prod");
        const { code, output } = await pulumi(workDir, [
            "preview",
            "--stack",
            "prod",
            "--non-interactive",
            "--color",
            "never",
            ...packArgs(),
        ]);
        assert.notEqual(code, 0);
        assert.match(output, /platform-ha-in-prod/);
        assert.match(output, /mandatory/);
    });

    it("the packs platform attaches by cloud: foundation/dr (GCP) passes with the gcp set, and the aws set's platform-stack-cloud stops it", async () => {
        const { workDir } = await stage(foundation(), "dr");
        const preview = (cloud: "aws" | "gcp") => {
            const attached = attachedPolicyPacks(cloud, path.join(workDir, `packs-${cloud}`));
            return pulumi(workDir, [
                "preview",
                "--stack",
                "dr",
                "--non-interactive",
                "--color",
                "never",
                ...attached.packs.flatMap((d) => ["--policy-pack", d]),
                ...attached.configs.flatMap((c) => ["--policy-pack-config", c]),
            ]);
        };
        const gcp = await preview("gcp");
        assert.equal(gcp.code, 0, gcp.output);
        assert.match(gcp.output, /gcp@v0\.1\.0 \(local: /);
        assert.doesNotMatch(gcp.output, /aws@v0\.1\.0|mandatory/);
        const aws = await preview("aws");
        assert.notEqual(aws.code, 0);
        assert.doesNotMatch(aws.output, /gcp@v0\.1\.0/);
        assert.match(aws.output, /\[mandatory\].*platform-stack-cloud/);
        assert.match(aws.output, /is a gcp resource in a stack whose previews run with the aws policy pack only/);
    });

    it("Automation API: up, no-change preview, outputs, refresh; a StackReference resolves through the file backend; destroy", async () => {
        const { stack } = await stage(foundation(), "dev");
        const up = await stack.up({ color: "never" });
        assert.equal(up.summary.result, "succeeded");
        const created = up.summary.resourceChanges?.["create"] ?? 0;
        assert.ok(created > 40, `created ${created}`);

        const preview = await stack.preview({ color: "never" });
        assert.deepEqual(Object.keys(preview.changeSummary), ["same"]);
        assert.equal(preview.changeSummary["same"], created);

        const outputs = await stack.outputs();
        assert.match(String(outputs["vpcId"]?.value), /^vpc-[0-9a-f]{17}$/);
        assert.equal((outputs["privateSubnetIds"]?.value as string[]).length, 2);

        const refresh = await stack.refresh({ color: "never" });
        assert.equal(refresh.summary.result, "succeeded");

        const consumer = readProject(path.join(FIXTURES, "consumer"), true);
        const { stack: downstream } = await stage(consumer, "dev");
        const consumed = await downstream.up({ color: "never" });
        assert.equal(consumed.summary.result, "succeeded");
        const read = await downstream.outputs();
        assert.equal(read["vpcId"]?.value, outputs["vpcId"]?.value);
        assert.deepEqual(read["privateSubnetIds"]?.value, outputs["privateSubnetIds"]?.value);
        assert.equal(read["logsKeyArn"]?.value, (outputs["kmsKeyArns"]?.value as Record<string, string>)["logs"]);
        // The engine ran the program on the project's Node.js 24 (.npmrc use-node-version), not the machine's.
        assert.equal(read["nodeVersion"]?.value, "v24.22.3");

        await downstream.destroy({ color: "never" });
        const destroyed = await stack.destroy({ color: "never" });
        assert.equal(destroyed.summary.result, "succeeded");
        assert.equal(destroyed.summary.resourceChanges?.["delete"], created);
    });

    it("platform preview --env staging --simulate runs the engine with the policy packs and shows progress", async () => {
        const lines: string[] = [];
        const code = await runCli(["preview", "--env", "staging", "--simulate"], {
            stdout: (t) => lines.push(t),
            stderr: (t) => lines.push(t),
            cwd: REPO_ROOT,
        });
        const text = lines.join("\n");
        assert.equal(code, 0, text);
        assert.match(text, /==> foundation\/staging: pulumi preview \(simulated cloud, rehearsal only/);
        assert.match(text, /^ok +foundation\/staging: \{"create":67\}$/m);
        assert.match(text, /Loading policy packs/);
        // Each layer ran its cloud's pack (aws), platform and kubernetes; no layer loaded the gcp pack.
        for (const pack of ["aws", "platform", "kubernetes"]) {
            assert.match(text, new RegExp(`^foundation/staging +\\| +\\S+ ${pack}@v0\\.1\\.0 \\(local: `, "m"), pack);
        }
        assert.doesNotMatch(text, /gcp@v0\.1\.0/);
    });
});
