import * as assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { checkedInStacks, readProject, stageWorkspace, writeStagedWorkspace } from "../src/index.js";

/** The repository (packages/automation/dist/test is four levels below it). */
const REPO = path.resolve(__dirname, "..", "..", "..", "..");

describe("staged workspaces with stackConfigDir", () => {
    const previousState = process.env["PLATFORM_STATE_DIR"];
    let state: string;
    let dir: string;
    let project: ReturnType<typeof readProject>;

    beforeEach(() => {
        state = mkdtempSync(path.join(tmpdir(), "platform-state-"));
        process.env["PLATFORM_STATE_DIR"] = state;
        dir = mkdtempSync(path.join(tmpdir(), "platform-project-"));
        mkdirSync(path.join(dir, "stacks", "foundation"), { recursive: true });
        mkdirSync(path.join(dir, "environments", "foundation"), { recursive: true });
        // main points at a real compiled program, so the staged node_modules link resolves.
        writeFileSync(
            path.join(dir, "stacks", "foundation", "Pulumi.yaml"),
            `name: foundation\nmain: ${path.join(REPO, "stacks", "foundation", "dist", "src", "main.js")}\nstackConfigDir: ../../environments/foundation\n`,
        );
        writeFileSync(path.join(dir, "environments", "foundation", "Pulumi.dev.yaml"), "config:\n  platform:environment: dev\n");
        writeFileSync(path.join(dir, "environments", "foundation", "Pulumi.prod.yaml"), "config:\n  platform:environment: prod\n");
        project = readProject(path.join(dir, "stacks", "foundation"), false);
    });

    afterEach(() => [state, dir].forEach((d) => rmSync(d, { recursive: true, force: true })));

    after(() => {
        if (previousState === undefined) {
            delete process.env["PLATFORM_STATE_DIR"];
        } else {
            process.env["PLATFORM_STATE_DIR"] = previousState;
        }
    });

    it("stageWorkspace reads the stack's config from the stackConfigDir", () => {
        const staged = stageWorkspace(REPO, project, "prod", "rehearsal");
        assert.equal(staged.workDir, path.join(state, "workspaces", "foundation"));
        assert.deepEqual(staged.stackSettings, { prod: { config: { "platform:environment": "prod" } } });
        assert.equal(path.resolve(staged.workDir, String(staged.projectSettings.main)), project.main);
    });

    it("stageWorkspace carries the checked-in secrets provider into a real run's staged stack and stack init, never into a rehearsal", () => {
        writeFileSync(
            path.join(dir, "environments", "foundation", "Pulumi.prod.yaml"),
            "secretsprovider: awskms://alias/acme-prod-secrets\nencryptedkey: AQID\nconfig:\n  platform:environment: prod\n  app:token:\n    secure: v1:abc\n",
        );
        const real = stageWorkspace(REPO, project, "prod", "real");
        assert.deepEqual(real.stackSettings, {
            prod: {
                config: { "platform:environment": "prod", "app:token": { secure: "v1:abc" } },
                secretsProvider: "awskms://alias/acme-prod-secrets",
                encryptedKey: "AQID",
            },
        });
        assert.deepEqual([real.secretsProvider, real.placeholders], ["awskms://alias/acme-prod-secrets", []]);
        assert.equal(real.stackFile.file, path.join(dir, "environments", "foundation", "Pulumi.prod.yaml"));
        const rehearsal = stageWorkspace(REPO, project, "prod", "rehearsal");
        assert.deepEqual(rehearsal.stackSettings, {
            prod: { config: { "platform:environment": "prod", "app:token": "[secret: not decrypted offline]" } },
        });
        assert.deepEqual([rehearsal.secretsProvider, rehearsal.placeholders], [undefined, ["app:token"]]);
    });

    it("a stack file that is not a mapping is refused with its path", () => {
        const file = path.join(dir, "environments", "foundation", "Pulumi.prod.yaml");
        writeFileSync(file, "- config\n");
        assert.throws(() => stageWorkspace(REPO, project, "prod", "real"), { message: `${file}: must be a mapping with a "config" key` });
    });

    it("writeStagedWorkspace stages a checked-in secure: value as a rehearsal does, never the file's provider", () => {
        writeFileSync(
            path.join(dir, "environments", "foundation", "Pulumi.dev.yaml"),
            "secretsprovider: awskms://alias/k\nencryptedkey: AQID\nconfig:\n  app:token:\n    secure: v1:abc\n",
        );
        const workDir = writeStagedWorkspace(REPO, project);
        assert.deepEqual(parseYaml(readFileSync(path.join(workDir, "Pulumi.dev.yaml"), "utf8")), {
            config: { "app:token": "[secret: not decrypted offline]" },
        });
    });

    it("writeStagedWorkspace writes every checked-in stack of the stackConfigDir and keeps the staged copy's salt", () => {
        assert.deepEqual(checkedInStacks(project), ["dev", "prod"]);
        const workDir = writeStagedWorkspace(REPO, project);
        const staged = (stack: string): unknown => parseYaml(readFileSync(path.join(workDir, `Pulumi.${stack}.yaml`), "utf8"));
        assert.deepEqual(staged("dev"), { config: { "platform:environment": "dev" } });
        writeFileSync(path.join(workDir, "Pulumi.dev.yaml"), "config: {}\nencryptionsalt: v1:salt\n");
        writeStagedWorkspace(REPO, project);
        assert.deepEqual(staged("dev"), { config: { "platform:environment": "dev" }, encryptionsalt: "v1:salt" });
        assert.deepEqual(parseYaml(readFileSync(path.join(workDir, "Pulumi.yaml"), "utf8")), {
            name: "foundation",
            runtime: { name: "nodejs", options: { typescript: false } },
            main: path.relative(workDir, project.main),
            description: `foundation (staged from ${path.relative(REPO, project.dir)} by platform)`,
        });
    });
});
