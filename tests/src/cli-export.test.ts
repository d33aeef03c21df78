import * as assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { EXIT, runCli, type TerraformPlan } from "@platform/automation";
import { REPO_ROOT } from "./paths.js";

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: REPO_ROOT });
    return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

describe("platform export", () => {
    let dir: string;
    before(() => {
        dir = mkdtempSync(path.join(tmpdir(), "platform-cli-export-"));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it("--env dev --format tfplan --stack foundation --out DIR writes DIR/foundation/tfplan.json, empties the folder first, exit 0", async () => {
        const out = path.join(dir, "dev");
        const stale = path.join(out, "foundation", "stale.json");
        await cli(["export", "--env", "dev", "--format", "tfplan", "--stack", "foundation", "--out", out]);
        writeFileSync(stale, "{}");
        const { code, stdout, stderr } = await cli(["export", "--env", "dev", "--format", "tfplan", "--stack", "foundation", "--out", out]);
        assert.equal(stderr, "");
        assert.equal(code, EXIT.ok);
        assert.deepEqual(readdirSync(out), ["foundation"]);
        assert.deepEqual(readdirSync(path.join(out, "foundation")), ["tfplan.json"]);
        assert.equal(existsSync(stale), false);
        const plan = JSON.parse(readFileSync(path.join(out, "foundation", "tfplan.json"), "utf8")) as TerraformPlan;
        const count = plan.planned_values.root_module.resources.length;
        assert.ok(count > 20, `${count} resources`);
        assert.match(
            stdout,
            new RegExp(
                `^foundation: .*foundation/tfplan\\.json \\(${count} resources\\), 0 Kubernetes manifests\\nexported 1 stacks of dev into ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`,
            ),
        );
    });

    const bad: Array<[string[], string]> = [
        [
            ["export", "--env", "dev", "--format", "hcl"],
            'platform: --format = "hcl": not a format platform export writes. Fix: pass --format tfplan',
        ],
        [["export", "--env", "dev"], "platform: --format: required. Fix: pass --format tfplan"],
        [
            ["export", "--env", "qa", "--format", "tfplan"],
            'platform: --env = "qa": unknown environment. Fix: use one of dev, staging, prod, dr',
        ],
    ];
    for (const [argv, message] of bad) {
        it(`${argv.join(" ")}: exit 2 with the message, nothing on stdout`, async () => {
            const { code, stdout, stderr } = await cli(argv);
            assert.deepEqual({ code, stdout }, { code: EXIT.usage, stdout: "" });
            assert.equal(stderr, message);
        });
    }
});
