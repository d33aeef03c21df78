import * as assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { discoverProjects, readProject, readStackConfig, SECRET_PLACEHOLDER, toEngineValue, UsageError } from "../src/index.js";

function workspace(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), "platform-ws-"));
    for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
    }
    return dir;
}

describe("workspace projects and stack config", () => {
    it("discovers stack projects in directory order and the root last", () => {
        const dir = workspace({
            "Pulumi.yaml": "name: root\nmain: dist/index.js\n",
            "stacks/b/Pulumi.yaml": "name: bee\nmain: dist/main.js\n",
            "stacks/a/Pulumi.yaml": "name: ay\nmain: dist/main.js\n",
            "stacks/notes/README.md": "not a project",
        });
        assert.deepEqual(
            discoverProjects(dir).map((p) => [p.name, path.relative(dir, p.main), p.isRoot]),
            [
                ["ay", "stacks/a/dist/main.js", false],
                ["bee", "stacks/b/dist/main.js", false],
                ["root", "dist/index.js", true],
            ],
        );
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

    it("rejects a missing stack file and a non-mapping config", () => {
        const dir = workspace({ "Pulumi.yaml": "name: p\nmain: x.js\n", "Pulumi.dev.yaml": "config: [1, 2]\n" });
        const project = readProject(dir, true);
        assert.throws(() => readStackConfig(project, "prod"), /Pulumi.prod.yaml does not exist; create it or pick another --env/);
        assert.throws(() => readStackConfig(project, "dev"), /"config" must be a mapping of keys to values/);
    });
});
