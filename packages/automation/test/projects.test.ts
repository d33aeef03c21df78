import * as assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import {
    discoverProjects,
    projectGraph,
    readProject,
    readStackConfig,
    SECRET_PLACEHOLDER,
    selectProjects,
    stackConfigPath,
    toEngineValue,
    upstreamProjects,
    UsageError,
} from "../src/index.js";

function workspace(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), "platform-ws-"));
    for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
    }
    return dir;
}

describe("workspace projects and stack config", () => {
    it("discovers layer stack projects in the layer registry's order (not directory order), the root last", () => {
        const dir = workspace({
            "Pulumi.yaml": "name: root\nmain: dist/index.js\n",
            "stacks/platform/Pulumi.yaml": "name: addons\nmain: dist/main.js\n",
            "stacks/data/Pulumi.yaml": "name: data\nmain: dist/main.js\n",
            "stacks/foundation/Pulumi.yaml": "name: foundation\nmain: dist/main.js\n",
            "stacks/cluster/Pulumi.yaml": "name: cluster\nmain: dist/main.js\n",
            "stacks/notes/README.md": "not a project",
        });
        assert.deepEqual(
            discoverProjects(dir).map((p) => [p.name, path.relative(dir, p.main), p.isRoot, "layer" in p ? p.layer : null]),
            [
                ["foundation", "stacks/foundation/dist/main.js", false, "foundation"],
                ["cluster", "stacks/cluster/dist/main.js", false, "cluster"],
                ["data", "stacks/data/dist/main.js", false, "data"],
                ["addons", "stacks/platform/dist/main.js", false, "platform"],
                ["root", "dist/index.js", true, null],
            ],
        );
    });

    it("rejects a stack project that is not a layer in the registry, naming the registry file", () => {
        const dir = workspace({
            "Pulumi.yaml": "name: root\nmain: dist/index.js\n",
            "stacks/foundation/Pulumi.yaml": "name: foundation\nmain: dist/main.js\n",
            "stacks/observability/Pulumi.yaml": "name: observability\nmain: dist/main.js\n",
        });
        assert.throws(
            () => discoverProjects(dir),
            (err: Error) =>
                err instanceof UsageError &&
                err.message ===
                    'stacks/observability: "observability" is not a layer in the layer registry (foundation, security, cluster, data, platform). ' +
                        "Fix: add it to LAYERS in packages/automation/src/workspace/layers.ts with the layers it depends on, or move the project out of stacks/",
        );
    });

    it("rejects two projects with one name (they would share state in the backend)", () => {
        const dir = workspace({
            "Pulumi.yaml": "name: platform\nmain: dist/index.js\n",
            "stacks/platform/Pulumi.yaml": "name: platform\nmain: dist/main.js\n",
        });
        assert.throws(
            () => discoverProjects(dir),
            (err: Error) =>
                err instanceof UsageError &&
                err.message ===
                    `${path.join(dir, "stacks/platform/Pulumi.yaml")}: name "platform" is also the name of ${path.join(dir, "Pulumi.yaml")}; ` +
                        "their stacks would share state in the backend. Fix: give one of them another name",
        );
    });

    describe("--stack all follows the registry: order, environments, dependencies", () => {
        const files = (envs: Record<string, string[]>): Record<string, string> => {
            const result: Record<string, string> = { "Pulumi.yaml": "name: root\nmain: x.js\n", "Pulumi.dev.yaml": "config: {}\n" };
            for (const [layer, stacks] of Object.entries(envs)) {
                result[`stacks/${layer}/Pulumi.yaml`] = `name: ${layer}\nmain: x.js\n`;
                for (const env of stacks) {
                    result[`stacks/${layer}/Pulumi.${env}.yaml`] = "config: {}\n";
                }
            }
            return result;
        };

        it("selects the layers with config for the environment, in deployment order, never the root project", () => {
            const projects = discoverProjects(
                workspace(files({ data: ["dev"], cluster: ["dev", "prod"], foundation: ["dev", "prod"], security: ["dev", "prod"] })),
            );
            assert.deepEqual(
                selectProjects(projects, "all", "dev").map((p) => p.name),
                ["foundation", "security", "cluster", "data"],
            );
            assert.deepEqual(
                selectProjects(projects, "all", "prod").map((p) => p.name),
                ["foundation", "security", "cluster"],
            );
            assert.deepEqual(
                selectProjects(projects, "root", "dev").map((p) => p.name),
                ["root"],
            );
        });

        it("rejects a layer whose declared dependency has no stack for the environment", () => {
            const projects = discoverProjects(workspace(files({ cluster: ["dev"], foundation: ["prod"], security: ["dev"] })));
            assert.throws(
                () => selectProjects(projects, "all", "dev"),
                (err: Error) =>
                    err instanceof UsageError &&
                    err.message ===
                        "stacks/security needs the foundation layer (declared in the layer registry), which has no stack for dev. " +
                            "Fix: add stacks/foundation with a Pulumi.dev.yaml, or run one stack with --stack security",
            );
            // A named dependency (the platform layer names the security layer's drift role) is needed too.
            const noSecurity = discoverProjects(
                workspace(files({ platform: ["dev"], data: ["dev"], cluster: ["dev"], foundation: ["dev"] })),
            );
            assert.throws(
                () => selectProjects(noSecurity, "all", "dev"),
                (err: Error) =>
                    err instanceof UsageError &&
                    err.message ===
                        "stacks/platform needs the security layer (declared in the layer registry), which has no stack for dev. " +
                            "Fix: add stacks/security with a Pulumi.dev.yaml, or run one stack with --stack platform",
            );
            // The cluster no longer needs it.
            assert.deepEqual(
                selectProjects(discoverProjects(workspace(files({ cluster: ["dev"], foundation: ["dev"] }))), "all", "dev").map(
                    (p) => p.name,
                ),
                ["foundation", "cluster"],
            );
        });

        it("upstream of one layer: its registry dependencies, transitively, in deployment order, not the selected ones", () => {
            const projects = discoverProjects(
                workspace(files({ data: ["dev"], cluster: ["dev"], foundation: ["dev"], security: ["dev"], platform: ["dev"] })),
            );
            const upstreamOf = (name: string) =>
                upstreamProjects(projects, selectProjects(projects, name, "dev"), "dev").map((p) => p.name);
            assert.deepEqual(upstreamOf("data"), ["foundation", "cluster"]);
            assert.deepEqual(upstreamOf("cluster"), ["foundation"]);
            // The platform layer only names the security layer's role: synth needs no security outputs for it.
            assert.deepEqual(upstreamOf("platform"), ["foundation", "cluster", "data"]);
            assert.deepEqual(upstreamOf("security"), ["foundation"]);
            assert.deepEqual(upstreamOf("foundation"), []);
            assert.deepEqual(upstreamOf("root"), [], "the root one-stack project reads no stack");
            assert.deepEqual(
                upstreamProjects(projects, selectProjects(projects, "all", "dev"), "dev"),
                [],
                "all: nothing outside the selection",
            );
        });

        it("upstream of one layer: a dependency without a stack for the environment is an error naming the fix", () => {
            const projects = discoverProjects(workspace(files({ data: ["dev"], cluster: ["prod"], foundation: ["dev"] })));
            assert.throws(
                () => upstreamProjects(projects, selectProjects(projects, "data", "dev"), "dev"),
                (err: Error) =>
                    err instanceof UsageError &&
                    err.message ===
                        "stacks/cluster has no Pulumi.dev.yaml, and the selected stack reads its outputs. Fix: add it, or synthesize with --stack all",
            );
        });

        it("the graph the engine commands walk: project names, the registry's dependencies among the selected, nothing for the root", () => {
            const projects = discoverProjects(
                workspace(files({ data: ["dev"], cluster: ["dev"], foundation: ["dev"], security: ["dev"], platform: ["dev"] })),
            );
            assert.deepEqual(projectGraph(selectProjects(projects, "all", "dev")), [
                { name: "foundation", dependsOn: [] },
                { name: "security", dependsOn: ["foundation"] },
                { name: "cluster", dependsOn: ["foundation"] },
                { name: "data", dependsOn: ["foundation", "cluster"] },
                { name: "platform", dependsOn: ["foundation", "security", "cluster", "data"] },
            ]);
            // One --stack: its dependencies are not run now, so it waits for nothing.
            assert.deepEqual(projectGraph(selectProjects(projects, "data", "dev")), [{ name: "data", dependsOn: [] }]);
            assert.deepEqual(projectGraph(selectProjects(projects, "root", "dev")), [{ name: "root", dependsOn: [] }]);
            // Another graph (the real-engine tests' fixture): every layer on its own.
            assert.deepEqual(
                projectGraph(selectProjects(projects, "all", "dev"), () => []).map((n) => n.dependsOn),
                [[], [], [], [], []],
            );
        });

        it("rejects an environment no layer has config for, and an unknown --stack", () => {
            const projects = discoverProjects(workspace(files({ foundation: ["dev"] })));
            assert.throws(
                () => selectProjects(projects, "all", "dr"),
                /^UsageError: no stack project has a Pulumi.dr.yaml; add one under stacks\/<layer>\/$/,
            );
            assert.throws(
                () => selectProjects(projects, "nope", "dev"),
                /^UsageError: --stack nope: no such project; use one of foundation, root or all$/,
            );
        });
    });

    it("reads config in engine form: strings as-is, mappings JSON, bare keys namespaced, secure values masked", () => {
        const dir = workspace({
            "Pulumi.yaml": "name: proj\nmain: x.js\n",
            "Pulumi.prod.yaml": [
                "config:",
                "  platform:environment: prod",
                "  platform:costCenter: '1042'",
                "  platform:network:",
                "    cidr: 10.0.0.0/16",
                "  replicas: 3",
                "  platform:dbPassword:",
                "    secure: AAABAJ...",
            ].join("\n"),
        });
        const config = readStackConfig(readProject(dir, true), "prod");
        assert.deepEqual(config.values, {
            "platform:environment": "prod",
            "platform:costCenter": "1042",
            "platform:network": '{"cidr":"10.0.0.0/16"}',
            "proj:replicas": "3",
            "platform:dbPassword": SECRET_PLACEHOLDER,
        });
        assert.deepEqual(config.secretKeys, ["platform:dbPassword"]);
    });

    it("engine values: numbers and booleans become their JSON text", () => {
        assert.deepEqual([toEngineValue("a"), toEngineValue(3), toEngineValue(true), toEngineValue(["x"])], ["a", "3", "true", '["x"]']);
    });

    const errors: Array<[string, Record<string, string>, RegExp]> = [
        ["Pulumi.yaml without name", { "Pulumi.yaml": "main: x.js\n" }, /"name" is missing; set the Pulumi project name/],
        ["Pulumi.yaml without main", { "Pulumi.yaml": "name: p\n" }, /"main" is missing; point it at the compiled entry/],
        ["malformed YAML", { "Pulumi.yaml": "name: [p\n" }, /Pulumi.yaml: not valid YAML/],
    ];
    for (const [label, files, message] of errors) {
        it(`rejects ${label}`, () => {
            assert.throws(
                () => discoverProjects(workspace(files)),
                (err: Error) => err instanceof UsageError && message.test(err.message),
            );
        });
    }

    describe("stackConfigDir (Pulumi.yaml): the stack files live in another folder", () => {
        it("reads Pulumi.<stack>.yaml from <project dir>/<stackConfigDir>, also outside the project", () => {
            const dir = workspace({
                "stacks/foundation/Pulumi.yaml": "name: foundation\nmain: dist/main.js\nstackConfigDir: ../../environments/foundation\n",
                "environments/foundation/Pulumi.dev.yaml": "config:\n  platform:environment: dev\n",
                "stacks/foundation/Pulumi.dev.yaml": "config:\n  platform:environment: WRONG\n",
            });
            const project = readProject(path.join(dir, "stacks", "foundation"), false);
            assert.equal(project.configDir, path.join(dir, "environments", "foundation"));
            assert.equal(stackConfigPath(project, "dev"), path.join(dir, "environments", "foundation", "Pulumi.dev.yaml"));
            assert.deepEqual(readStackConfig(project, "dev").values, { "platform:environment": "dev" });
        });

        it("without it, and with the old string form of config, as the pulumi CLI reads them", () => {
            const plain = workspace({ "Pulumi.yaml": "name: p\nmain: x.js\n" });
            assert.equal(readProject(plain, true).configDir, plain);
            const legacy = workspace({ "Pulumi.yaml": "name: p\nmain: x.js\nconfig: env\n" });
            assert.equal(stackConfigPath(readProject(legacy, true), "dev"), path.join(legacy, "env", "Pulumi.dev.yaml"));
        });

        it("selects projects by the stack files in their stackConfigDir", () => {
            const dir = workspace({
                "Pulumi.yaml": "name: root\nmain: x.js\n",
                "stacks/foundation/Pulumi.yaml": "name: foundation\nmain: x.js\nstackConfigDir: config\n",
                "stacks/foundation/config/Pulumi.staging.yaml": "config: {}\n",
            });
            assert.deepEqual(
                selectProjects(discoverProjects(dir), "all", "staging").map((p) => p.name),
                ["foundation"],
            );
            assert.throws(() => selectProjects(discoverProjects(dir), "all", "dev"), /no stack project has a Pulumi.dev.yaml/);
        });

        const bad: Array<[string, string]> = [
            [
                "stackConfigDir: 3\n",
                "stackConfigDir = 3: must be a directory path relative to the project. Fix: write e.g. stackConfigDir: environments, or remove the key to keep Pulumi.<stack>.yaml beside Pulumi.yaml",
            ],
            [
                'stackConfigDir: "  "\n',
                'stackConfigDir = "  ": must be a directory path relative to the project. Fix: write e.g. stackConfigDir: environments, or remove the key to keep Pulumi.<stack>.yaml beside Pulumi.yaml',
            ],
            [
                "stackConfigDir: a\nconfig: b\n",
                'both stackConfigDir and a string "config" are set; "config" is the old name of stackConfigDir. Fix: keep only stackConfigDir',
            ],
        ];
        for (const [yaml, message] of bad) {
            it(`rejects ${yaml.trim().replace(/\n/g, ", ")}`, () => {
                const dir = workspace({ "Pulumi.yaml": `name: p\nmain: x.js\n${yaml}` });
                assert.throws(
                    () => readProject(dir, true),
                    (err: Error) => err instanceof UsageError && err.message === `${path.join(dir, "Pulumi.yaml")}: ${message}`,
                );
            });
        }
    });

    it("rejects a missing stack file and a non-mapping config", () => {
        const dir = workspace({ "Pulumi.yaml": "name: p\nmain: x.js\n", "Pulumi.dev.yaml": "config: [1, 2]\n" });
        const project = readProject(dir, true);
        assert.throws(() => readStackConfig(project, "prod"), /Pulumi.prod.yaml does not exist; create it or pick another --env/);
        assert.throws(() => readStackConfig(project, "dev"), /"config" must be a mapping of keys to values/);
    });
});
