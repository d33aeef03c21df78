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
                ["security", "prod"],
                ["cluster", "prod"],
                ["data", "prod"],
                ["platform-addons", "prod"],
            ],
        );
        const stack = report.stacks[0];
        assert.deepEqual(Object.keys(stack), ["project", "stack", "resources", "outputs", "waivers"]);
        assert.deepEqual(stack.waivers, []);
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
        // The config passed because its weakening overrides are waived; the report lists the waivers.
        const reason = "deliberately weakened fixture for the platform-ha-in-prod policy test";
        assert.deepEqual(report.stacks[0].waivers, [
            { setting: "profile.network.availabilityZones", reason, owner: "platform" },
            { setting: "profile.network.natGateways", reason, owner: "platform" },
            {
                setting: "profile.cluster.nodeZones",
                reason: "the cluster follows the fixture's two AZs (nodes need subnets in their zones)",
                owner: "platform",
            },
        ]);
    });

    it("the text report lists the waivers a stack applied", async () => {
        const { stdout } = await cli(["synth", "--env", "prod", "--stack", "noncompliant", "--root", path.join(FIXTURES, "noncompliant")]);
        assert.match(
            stdout,
            /\n {2}waivers \(3\):\n {4}profile\.network\.availabilityZones: deliberately weakened fixture for the platform-ha-in-prod policy test \(owner platform\)\n {4}profile\.network\.natGateways: /,
        );
    });

    it("an environment whose network overlaps another environment's file exits 2, naming both files", async () => {
        const { code, stdout, stderr } = await cli([
            "synth",
            "--env",
            "staging",
            "--stack",
            "overlap",
            "--root",
            path.join(FIXTURES, "overlap"),
        ]);
        assert.equal(code, EXIT.usage);
        assert.equal(stdout, "");
        assert.equal(
            stderr,
            [
                "platform: Invalid platform configuration (1 problem):",
                '  - Pulumi.staging.yaml platform:network.cidr = "10.10.128.0/17": overlaps Pulumi.dev.yaml platform:network.cidr (10.10.0.0/16). Fix: choose non-overlapping blocks so routing and peering stay unambiguous',
            ].join("\n"),
        );
        assert.equal(
            (await cli(["synth", "--env", "dev", "--stack", "overlap", "--root", path.join(FIXTURES, "overlap")])).code,
            EXIT.usage,
        );
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
        [
            "an unknown environment",
            ["synth", "--env", "qa"],
            /^platform: --env = "qa": unknown environment. Fix: use one of dev, staging, prod, dr$/,
        ],
        ["a missing --env", ["synth"], /^platform: --env: required. Fix: pass --env dev, staging, prod or dr$/],
        ["an --env without a value", ["synth", "--env"], /^platform: --env: needs a value/],
        [
            "a repeated --env",
            ["synth", "--env", "dev", "--env", "prod"],
            /^platform: --env = "dev", "prod": given 2 times. Fix: pass --env once$/,
        ],
        [
            "an unknown stack",
            ["synth", "--env", "prod", "--stack", "nope"],
            /--stack nope: no such project; use one of foundation, security, cluster, data, platform-addons, platform or all/,
        ],
        [
            "a stack without config for the env",
            ["synth", "--env", "staging", "--stack", "noncompliant", "--root", path.join(FIXTURES, "noncompliant")],
            /Pulumi.staging.yaml does not exist; create it or pick another --env/,
        ],
        ["an unknown option", ["synth", "--env", "prod", "--yes"], /^platform: --yes: unknown option/],
        ["an unknown command", ["deploy"], /^platform: "deploy": unknown command/],
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

    it("exits 2 on up without --simulate and without a backend (real clouds need the user's PULUMI_BACKEND_URL)", async () => {
        const saved = process.env["PULUMI_BACKEND_URL"];
        delete process.env["PULUMI_BACKEND_URL"];
        try {
            const { code, stdout, stderr } = await cli(["up", "--env", "dev"]);
            assert.deepEqual({ code, stdout }, { code: EXIT.usage, stdout: "" });
            assert.match(stderr, /PULUMI_BACKEND_URL = \(unset\): without --simulate, platform runs the engine against real clouds/);
        } finally {
            if (saved !== undefined) process.env["PULUMI_BACKEND_URL"] = saved;
        }
    });

    describe("destroy of a production environment needs the environment named again", () => {
        for (const env of ["prod", "dr"]) {
            it(`destroy --env ${env} without --confirm-production exits 2 before anything runs`, async () => {
                const { code, stdout, stderr } = await cli(["destroy", "--env", env, "--simulate"]);
                assert.deepEqual({ code, stdout }, { code: EXIT.usage, stdout: "" });
                assert.equal(
                    stderr,
                    `platform: --env = "${env}": ${env} is a production environment, and destroying it needs the environment named again. ` +
                        `Fix: platform destroy --env ${env} --simulate --confirm-production ${env} (protected resources, and what they depend on, are kept either way)`,
                );
            });
        }

        it("a --confirm-production that names another environment exits 2", async () => {
            const { code, stderr } = await cli([
                "destroy",
                "--env",
                "prod",
                "--simulate",
                "--stack",
                "foundation",
                "--confirm-production",
                "dev",
            ]);
            assert.equal(code, EXIT.usage);
            assert.equal(
                stderr,
                'platform: --confirm-production = "dev": does not name the environment being destroyed (prod). Fix: --confirm-production prod, or check --env',
            );
        });
    });

    it("--help prints usage and exits 0", async () => {
        const { code, stdout } = await cli(["--help"]);
        assert.equal(code, EXIT.ok);
        assert.match(stdout, /^usage: platform synth {3}--env <dev\|staging\|prod\|dr>/);
        assert.match(stdout, /platform up {6}--env <env> \[--simulate\]/);
        assert.match(stdout, /platform destroy --env <env> \[--simulate\] \[--confirm-production <env>\]/);
        assert.match(stdout, /platform refresh --env <env> \[--simulate\] \[--clear-pending-creates\]/);
        assert.match(stdout, /platform cancel {2}--env <env>/);
    });

    it("synth --stack all runs the layers in the registry's order, not directory order", async () => {
        const { code, stdout } = await cli(["synth", "--env", "dev", "--json", "--root", path.join(FIXTURES, "layers")]);
        assert.equal(code, EXIT.ok);
        const report = JSON.parse(stdout) as SynthReport;
        assert.deepEqual(
            report.stacks.map((s) => [s.project, s.outputs]),
            [
                ["layers-foundation", { layer: "layers-foundation" }],
                ["layers-security", { layer: "layers-security" }],
                ["layers-cluster", { layer: "layers-cluster" }],
            ],
        );
    });

    it("synth --stack <layer> alone synthesizes its upstream layers first for their outputs, and reports only that layer", async () => {
        // The data layer reads foundation/dev and cluster/dev through stack references.
        const { code, stdout } = await cli(["synth", "--env", "dev", "--json", "--stack", "data", "--root", REPO_ROOT]);
        assert.equal(code, EXIT.ok);
        const report = JSON.parse(stdout) as SynthReport;
        assert.deepEqual(
            report.stacks.map((s) => s.project),
            ["data"],
        );
        assert.ok((report.stacks[0]?.resources.length ?? 0) > 20);
    });

    it("finds the repository root from a subdirectory", async () => {
        const { code } = await cli(["synth", "--env", "staging", "--stack", "foundation"], path.join(REPO_ROOT, "packages", "core"));
        assert.equal(code, EXIT.ok);
    });
});
