import * as assert from "node:assert/strict";
import * as path from "node:path";
import { EXIT, runCli, type SynthReport } from "@platform/automation";
import { FIXTURES, REPO_ROOT } from "./paths.js";

async function cli(argv: string[], cwd = REPO_ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd });
    return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

describe("platform CLI", () => {
    it("synth --env prod --json prints exactly one JSON document in the contract shape, exit 0", async () => {
        const { code, stdout, stderr } = await cli(["synth", "--env", "prod", "--json"]);
        assert.equal(stderr, "");
        assert.equal(code, EXIT.ok);
        const report = JSON.parse(stdout) as SynthReport;
        assert.deepEqual(Object.keys(report), ["env", "stacks", "violations", "summary"]);
        assert.equal(report.env, "prod");
        assert.deepEqual(
            report.stacks.map((s) => [s.project, s.stack]),
            [
                ["foundation", "prod"],
                ["cluster", "prod"],
            ],
        );
        const stack = report.stacks[0];
        assert.deepEqual(Object.keys(stack), ["project", "stack", "resources", "outputs"]);
        for (const r of stack.resources) {
            assert.deepEqual(Object.keys(r), ["urn", "type", "name", "parent", "protect", "inputs"]);
        }
        const root = stack.resources.filter((r) => r.parent === null);
        assert.deepEqual(
            root.map((r) => r.urn),
            ["urn:pulumi:prod::foundation::pulumi:pulumi:Stack::foundation-prod"],
        );
        const urns = new Set(stack.resources.map((r) => r.urn));
        assert.ok(
            stack.resources.every((r) => r.parent === null || urns.has(r.parent)),
            "every parent is a listed URN",
        );
        assert.deepEqual(report.violations, []);
        assert.deepEqual(report.summary, {
            resources: report.stacks.reduce((n, s) => n + s.resources.length, 0),
            mandatoryViolations: 0,
            advisoryViolations: 0,
        });
    });

    it("the text report shows the tree, counts by type and the policy report", async () => {
        const { code, stdout } = await cli(["synth", "--env", "dev"]);
        assert.equal(code, EXIT.ok);
        assert.match(stdout, /^platform synth --env dev {2}\(simulated cloud: nothing was created\)/);
        assert.match(stdout, /stack foundation\/dev: \d+ resources/);
        assert.match(stdout, /├─ platform:network:AwsNetwork {2}network\n/);
        assert.match(stdout, /\n +6 {2}aws:ec2\/subnet:Subnet\n/);
        assert.match(stdout, /\n +1 {2}aws:ec2\/natGateway:NatGateway\n/);
        assert.match(stdout, /policy report\n {2}no violations/);
        assert.match(stdout, /summary: \d+ resources, 0 mandatory violations, 0 advisory violations$/);
    });

    it("a deliberately non-compliant prod config exits 1 and names the policy", async () => {
        const { code, stdout } = await cli([
            "synth",
            "--env",
            "prod",
            "--json",
            "--stack",
            "noncompliant",
            "--root",
            path.join(FIXTURES, "noncompliant"),
        ]);
        assert.equal(code, EXIT.violations);
        const report = JSON.parse(stdout) as SynthReport;
        const mandatory = report.violations.filter((v) => v.enforcementLevel === "mandatory");
        assert.ok(mandatory.length > 0);
        const ha = mandatory.filter((v) => v.policy === "platform-ha-in-prod");
        assert.ok(ha.length > 0);
        assert.deepEqual(
            mandatory.filter((v) => !ha.includes(v)),
            [],
        );
        assert.equal(report.summary.mandatoryViolations, mandatory.length);
    });

    it("an invalid stack config exits 2 and names every bad key on stderr", async () => {
        const { code, stdout, stderr } = await cli([
            "synth",
            "--env",
            "prod",
            "--stack",
            "badconfig",
            "--root",
            path.join(FIXTURES, "bad-config"),
        ]);
        assert.equal(code, EXIT.usage);
        assert.equal(stdout, "");
        assert.match(stderr, /^platform: Invalid platform configuration \(3 problems\):/);
        assert.match(stderr, /platform:costCenter = \(unset\): required setting is missing/);
        assert.match(stderr, /platform:network.natGateway = "single": unknown setting/);
        assert.match(stderr, /platform:network.cidr = "10.30.0.1\/16": host bits are set/);
    });

    const usage: Array<[string, string[], RegExp]> = [
        ["an unknown environment", ["synth", "--env", "qa"], /--env qa: unknown environment; use one of dev, staging, prod, dr/],
        ["a missing --env", ["synth"], /--env is required/],
        ["an --env without a value", ["synth", "--env"], /--env needs a value/],
        [
            "an unknown stack",
            ["synth", "--env", "prod", "--stack", "nope"],
            /--stack nope: no such project; use one of foundation, cluster, platform or all/,
        ],
        [
            "a stack without config for the env",
            ["synth", "--env", "staging", "--stack", "noncompliant", "--root", path.join(FIXTURES, "noncompliant")],
            /Pulumi.staging.yaml does not exist; create it or pick another --env/,
        ],
        ["an unknown option", ["synth", "--env", "prod", "--yes"], /unknown option "--yes"/],
        ["an unknown command", ["deploy"], /unknown command "deploy"/],
        ["up without --simulate", ["up", "--env", "dev"], /platform up drives real clouds only with --simulate for now/],
        ["a root without Pulumi.yaml", ["synth", "--env", "prod", "--root", "/"], /\/ has no Pulumi.yaml/],
    ];
    for (const [label, argv, message] of usage) {
        it(`exits 2 on ${label}`, async () => {
            const { code, stdout, stderr } = await cli(argv);
            assert.equal(code, EXIT.usage);
            assert.equal(stdout, "");
            assert.match(stderr, message);
        });
    }

    it("--help prints usage and exits 0", async () => {
        const { code, stdout } = await cli(["--help"]);
        assert.equal(code, EXIT.ok);
        assert.match(stdout, /^usage: platform synth {3}--env <dev\|staging\|prod\|dr>/);
        assert.match(stdout, /platform up {6}--env <env> --simulate/);
    });

    it("finds the repository root from a subdirectory", async () => {
        const { code } = await cli(["synth", "--env", "staging", "--stack", "foundation"], path.join(REPO_ROOT, "packages", "core"));
        assert.equal(code, EXIT.ok);
    });
});
