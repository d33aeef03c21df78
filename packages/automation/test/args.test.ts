import * as assert from "node:assert/strict";
import { parseArgs, type RunCommand, SECRET_OUTPUT, UsageError, visibleOutputs } from "../src/index.js";

const DEFAULTS: Omit<RunCommand, "command" | "env"> = {
    stack: "all",
    json: false,
    plain: false,
    simulate: false,
    root: undefined,
    confirmProduction: undefined,
    clearPendingCreates: false,
    out: undefined,
    format: undefined,
    parallel: undefined,
};

describe("platform argument parsing (node:util parseArgs)", () => {
    it("parses render: always simulated, --out optional", () => {
        assert.deepEqual(parseArgs(["render", "--env", "staging"]), { command: "render", env: "staging", ...DEFAULTS });
        assert.deepEqual(parseArgs(["render", "--env", "dev", "--out", "manifests", "--stack", "cluster"]), {
            ...DEFAULTS,
            command: "render",
            env: "dev",
            out: "manifests",
            stack: "cluster",
        });
    });

    it("parses export: --format tfplan required, --out optional", () => {
        assert.deepEqual(parseArgs(["export", "--env", "prod", "--format", "tfplan"]), {
            ...DEFAULTS,
            command: "export",
            env: "prod",
            format: "tfplan",
        });
        assert.deepEqual(parseArgs(["export", "--format=tfplan", "--env", "dr", "--out", "scan", "--stack", "data"]), {
            ...DEFAULTS,
            command: "export",
            env: "dr",
            format: "tfplan",
            out: "scan",
            stack: "data",
        });
    });

    it("parses synth with defaults", () => {
        assert.deepEqual(parseArgs(["synth", "--env", "prod"]), { command: "synth", env: "prod", ...DEFAULTS });
    });

    it("parses every synth option, in any order and in --flag=value form", () => {
        assert.deepEqual(parseArgs(["synth", "--json", "--stack=foundation", "--env", "dr", "--root", "/r"]), {
            ...DEFAULTS,
            command: "synth",
            env: "dr",
            stack: "foundation",
            json: true,
            root: "/r",
        });
    });

    it("parses the engine commands with --simulate", () => {
        for (const command of ["preview", "up", "destroy", "refresh", "drift"] as const) {
            assert.deepEqual(parseArgs([command, "--env", "dev", "--simulate"]), { ...DEFAULTS, command, env: "dev", simulate: true });
        }
    });

    it("parses the engine commands without --simulate: real clouds (the backend is checked when the engine starts)", () => {
        for (const command of ["preview", "up", "destroy", "refresh", "drift"] as const) {
            assert.deepEqual(parseArgs([command, "--env", "staging"]), { ...DEFAULTS, command, env: "staging", simulate: false });
        }
    });

    it("parses destroy --confirm-production, refresh --clear-pending-creates and cancel", () => {
        assert.deepEqual(parseArgs(["destroy", "--env", "prod", "--simulate", "--confirm-production", "prod"]), {
            ...DEFAULTS,
            command: "destroy",
            env: "prod",
            simulate: true,
            confirmProduction: "prod",
        });
        assert.deepEqual(parseArgs(["refresh", "--env", "dev", "--simulate", "--clear-pending-creates", "--stack", "foundation"]), {
            ...DEFAULTS,
            command: "refresh",
            env: "dev",
            simulate: true,
            stack: "foundation",
            clearPendingCreates: true,
        });
        assert.deepEqual(parseArgs(["cancel", "--env", "staging"]), { ...DEFAULTS, command: "cancel", env: "staging" });
        assert.deepEqual(parseArgs(["cancel", "--env", "staging", "--simulate"]), {
            ...DEFAULTS,
            command: "cancel",
            env: "staging",
            simulate: true,
        });
    });

    it("parses --json for preview, up and drift (one JSON document on stdout)", () => {
        for (const command of ["preview", "up", "drift"] as const) {
            assert.deepEqual(parseArgs([command, "--env", "staging", "--simulate", "--json"]), {
                ...DEFAULTS,
                command,
                env: "staging",
                simulate: true,
                json: true,
            });
        }
        assert.deepEqual(parseArgs(["drift", "--json", "--stack", "foundation", "--simulate", "--env=prod"]), {
            ...DEFAULTS,
            command: "drift",
            env: "prod",
            stack: "foundation",
            simulate: true,
            json: true,
        });
    });

    it("parses --plain for the engine commands that show progress (plain lines on a terminal)", () => {
        for (const command of ["preview", "up", "destroy", "refresh", "drift"] as const) {
            assert.deepEqual(parseArgs([command, "--env", "dev", "--simulate", "--plain"]), {
                ...DEFAULTS,
                command,
                env: "dev",
                simulate: true,
                plain: true,
            });
        }
        assert.deepEqual(parseArgs(["preview", "--plain", "--json", "--env=prod"]), {
            ...DEFAULTS,
            command: "preview",
            env: "prod",
            plain: true,
            json: true,
        });
    });

    it("refuses --plain where nothing shows progress, and --plain with a value or twice", () => {
        for (const command of ["synth", "cancel", "render"] as const) {
            assert.throws(() => parseArgs([command, "--env", "dev", "--plain"]), {
                message: `--plain: not an option of ${command}; only preview, up, destroy, refresh and drift show a task list to switch off. Fix: drop --plain`,
            });
        }
        assert.throws(() => parseArgs(["up", "--env", "dev", "--plain=yes"]), {
            message: '--plain: takes no value, got "yes". Fix: write --plain alone',
        });
        assert.throws(() => parseArgs(["up", "--env", "dev", "--plain", "--plain"]), {
            message: "--plain = (flag), (flag): given 2 times. Fix: pass --plain once",
        });
    });

    it("parses --parallel for the engine commands that run layers (unset: the engine's default, 2)", () => {
        for (const command of ["preview", "up", "destroy", "refresh", "drift"] as const) {
            assert.deepEqual(parseArgs([command, "--env", "dev", "--simulate", "--parallel", "3"]), {
                ...DEFAULTS,
                command,
                env: "dev",
                simulate: true,
                parallel: 3,
            });
        }
        assert.equal((parseArgs(["up", "--env", "dev", "--parallel=1"]) as RunCommand).parallel, 1);
        assert.equal((parseArgs(["up", "--env", "dev", "--parallel", "999"]) as RunCommand).parallel, 999);
        assert.equal((parseArgs(["up", "--env", "dev"]) as RunCommand).parallel, undefined);
    });

    it("refuses --parallel that is not a whole number from 1 to 999, and where no layers run", () => {
        for (const value of ["0", "00", "02", "1000", "two", "2.0", "1.5", "1e1", " 2", "+2", "0x2", ""]) {
            assert.throws(() => parseArgs(["up", "--env", "dev", `--parallel=${value}`]), {
                message:
                    `--parallel = ${JSON.stringify(value)}: not a whole number from 1 to 999. ` +
                    "Fix: pass --parallel 1 to run one layer at a time, or a larger number for more layers at once (default 2)",
            });
        }
        assert.throws(() => parseArgs(["up", "--env", "dev", "--parallel", "-1"]), {
            message: "--parallel: needs a value. Fix: --parallel <value> (see platform --help)",
        });
        assert.throws(() => parseArgs(["up", "--env", "dev", "--parallel"]), {
            message: "--parallel: needs a value. Fix: --parallel <value> (see platform --help)",
        });
        assert.throws(() => parseArgs(["up", "--env", "dev", "--parallel", "2", "--parallel", "3"]), {
            message: '--parallel = "2", "3": given 2 times. Fix: pass --parallel once',
        });
        for (const command of ["synth", "cancel", "render", "export"] as const) {
            const format = command === "export" ? ["--format", "tfplan"] : [];
            assert.throws(() => parseArgs([command, "--env", "dev", ...format, "--parallel", "2"]), {
                message: `--parallel: not an option of ${command}; only preview, up, destroy, refresh and drift run layers at once. Fix: drop --parallel`,
            });
        }
    });

    it("parses --layer (a registry layer instead of --stack) on every command, and outputs with --simulate and --json", () => {
        for (const command of ["synth", "preview", "up", "destroy", "refresh", "drift", "outputs", "cancel", "render"] as const) {
            assert.deepEqual(parseArgs([command, "--env", "dev", "--layer", "platform"]), {
                command,
                env: "dev",
                ...DEFAULTS,
                layer: "platform",
            });
        }
        assert.deepEqual(parseArgs(["outputs", "--env", "prod", "--simulate", "--json"]), {
            command: "outputs",
            env: "prod",
            ...DEFAULTS,
            simulate: true,
            json: true,
        });
    });

    it("refuses --layer with --stack, a name that is not a layer, and outputs options it does not take", () => {
        assert.throws(
            () => parseArgs(["up", "--env", "dev", "--layer", "data", "--stack", "data"]),
            /--layer = "data" and --stack = "data": both name what to run\. Fix: pass one of them$/,
        );
        assert.throws(
            () => parseArgs(["up", "--env", "dev", "--layer", "platform-addons"]),
            /--layer = "platform-addons": not a layer\. Fix: pass one of foundation, security, cluster, data, platform/,
        );
        assert.throws(() => parseArgs(["outputs", "--env", "dev", "--plain"]), /--plain: not an option of outputs/);
        assert.throws(() => parseArgs(["outputs", "--env", "dev", "--parallel", "2"]), /--parallel: not an option of outputs/);
    });

    it("help in any form", () => {
        for (const argv of [[], ["--help"], ["-h"], ["help"], ["synth", "--help"], ["up", "--env", "dev", "-h"]]) {
            assert.deepEqual(parseArgs(argv), { command: "help" });
        }
    });

    const bad: Array<[string[], string]> = [
        [["synth"], "--env: required. Fix: pass --env dev, staging, prod or dr"],
        [["synth", "--env"], "--env: needs a value. Fix: --env <value> (see platform --help)"],
        [["synth", "--env", "--json"], "--env: needs a value. Fix: --env <value> (see platform --help)"],
        [["synth", "--env", "prod2"], '--env = "prod2": unknown environment. Fix: use one of dev, staging, prod, dr'],
        [["synth", "--env", "dev", "--env", "prod"], '--env = "dev", "prod": given 2 times. Fix: pass --env once'],
        [
            ["synth", "--env", "dev", "--stack", "foundation", "--stack=platform"],
            '--stack = "foundation", "platform": given 2 times. Fix: pass --stack once',
        ],
        [["synth", "--env", "dev", "--json", "--json"], "--json = (flag), (flag): given 2 times. Fix: pass --json once"],
        [
            ["synth", "--env", "prod", "--force"],
            "--force: unknown option. Fix: use one of --env, --stack, --layer, --root, --json (see platform --help)",
        ],
        [
            ["synth", "--env", "prod", "-e"],
            "-e: unknown option. Fix: use one of --env, --stack, --layer, --root, --json (see platform --help)",
        ],
        [["synth", "--env", "prod", "--json=yes"], '--json: takes no value, got "yes". Fix: write --json alone'],
        [["synth", "--env", "prod", "extra"], '"extra": unexpected argument. Fix: synth takes only options (see platform --help)'],
        [
            ["synth", "--env", "prod", "--", "x"],
            '--: the platform command takes no positional arguments. Fix: remove "--" and what follows it',
        ],
        [
            ["deploy"],
            '"deploy": unknown command. Fix: use one of synth, preview, up, destroy, refresh, drift, outputs, cancel, render, export (see platform --help)',
        ],
        [
            ["--env", "dev"],
            "--env: options come after the command. Fix: platform <synth|preview|up|destroy|refresh|drift|outputs|cancel|render|export> --env dev",
        ],
        [
            ["destroy", "--env", "dev", "--simulate", "--json"],
            "--json: not an option of destroy; only synth, preview, up, drift and outputs print a JSON result. Fix: drop --json",
        ],
        [
            ["render", "--env", "dev", "--json"],
            "--json: not an option of render; only synth, preview, up, drift and outputs print a JSON result. Fix: drop --json",
        ],
        [
            ["drift", "--env", "dev", "--simulate", "--clear-pending-creates"],
            "--clear-pending-creates: not an option of drift; only refresh clears pending creates. Fix: platform refresh --env <env> --simulate --clear-pending-creates",
        ],
        [["drift", "--env", "dev", "--simulate", "--json", "--json"], "--json = (flag), (flag): given 2 times. Fix: pass --json once"],
        [["drift", "--simulate"], "--env: required. Fix: pass --env dev, staging, prod or dr"],
        [
            ["synth", "--env", "dev", "--simulate"],
            "--simulate: not an option of synth; synth and render always run against the simulated cloud. Fix: drop --simulate",
        ],
        [
            ["up", "--env", "prod", "--simulate", "--confirm-production", "prod"],
            "--confirm-production: not an option of up; only destroy needs it. Fix: drop --confirm-production",
        ],
        [
            ["up", "--env", "dev", "--simulate", "--clear-pending-creates"],
            "--clear-pending-creates: not an option of up; only refresh clears pending creates. Fix: platform refresh --env <env> --simulate --clear-pending-creates",
        ],
        [
            ["up", "--env", "dev", "--simulate", "--out", "x"],
            "--out: not an option of up; only render and export write files. Fix: drop --out, or platform render --env <env> --out <dir>",
        ],
        [
            ["render", "--env", "dev", "--simulate"],
            "--simulate: not an option of render; synth and render always run against the simulated cloud. Fix: drop --simulate",
        ],
        [["render", "--env", "dev", "--out"], "--out: needs a value. Fix: --out <value> (see platform --help)"],
        [["export", "--env", "dev"], "--format: required. Fix: pass --format tfplan"],
        [["export", "--env", "dev", "--format", "hcl"], '--format = "hcl": not a format platform export writes. Fix: pass --format tfplan'],
        [
            ["export", "--env", "dev", "--format", "tfplan", "--format", "tfplan"],
            '--format = "tfplan", "tfplan": given 2 times. Fix: pass --format once',
        ],
        [["export", "--env", "dev", "--format"], "--format: needs a value. Fix: --format <value> (see platform --help)"],
        [["export", "--format", "tfplan"], "--env: required. Fix: pass --env dev, staging, prod or dr"],
        [
            ["export", "--env", "dev", "--format", "tfplan", "--json"],
            "--json: not an option of export; only synth, preview, up, drift and outputs print a JSON result. Fix: drop --json",
        ],
        [
            ["synth", "--env", "dev", "--format", "tfplan"],
            "--format: not an option of synth; only export has formats. Fix: drop --format, or platform export --env <env> --format tfplan",
        ],
    ];
    for (const [argv, message] of bad) {
        it(`rejects ${argv.join(" ") || "(nothing)"}`, () => {
            assert.throws(
                () => parseArgs(argv),
                (err: Error) => err instanceof UsageError && err.message === message,
                `expected: ${message}`,
            );
        });
    }
});

describe("platform outputs: what is printed", () => {
    it("values as they are, secrets as [secret], keys sorted", () => {
        assert.deepEqual(
            visibleOutputs({
                vpcId: { value: "vpc-1", secret: false },
                kubeconfig: { value: "apiVersion: v1 ...", secret: true },
                dns: { value: { publicZoneId: "Z1" }, secret: false },
            }),
            { dns: { publicZoneId: "Z1" }, kubeconfig: "[secret]", vpcId: "vpc-1" },
        );
        assert.equal(SECRET_OUTPUT, "[secret]");
    });
});
