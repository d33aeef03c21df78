import * as assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { ConfigValidationError } from "@platform/core";
import { checkStackConfig } from "../src/engine/config-check.js";
import { discoverProjects, PLATFORM_REPOSITORY, UsageError } from "../src/index.js";

/** A one-layer workspace whose program was never built (`main` is missing) and whose stack file is `config`. */
function foundationOnly(env: string, config: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), "platform-config-check-"));
    mkdirSync(path.join(dir, "stacks", "foundation"), { recursive: true });
    writeFileSync(path.join(dir, "Pulumi.yaml"), "name: root\nmain: dist/index.js\n");
    writeFileSync(path.join(dir, "stacks", "foundation", "Pulumi.yaml"), "name: foundation\nmain: dist/main.js\n");
    writeFileSync(path.join(dir, "stacks", "foundation", `Pulumi.${env}.yaml`), config);
    return dir;
}

const foundationOf = (dir: string) => discoverProjects(dir).filter((p) => p.name === "foundation");

describe("checkStackConfig (platform preview|up, before the engine)", () => {
    it("valid platform config passes without loading the program (its main does not even exist) and gives the stack's cloud", async () => {
        const dir = foundationOnly("dev", readFileSync(path.join(PLATFORM_REPOSITORY, "environments", "Pulumi.dev.yaml"), "utf8"));
        assert.deepEqual(await checkStackConfig(dir, foundationOf(dir), "dev"), new Map([["foundation", "aws"]]));
        const dr = foundationOnly("dr", readFileSync(path.join(PLATFORM_REPOSITORY, "environments", "Pulumi.dr.yaml"), "utf8"));
        assert.deepEqual(await checkStackConfig(dr, foundationOf(dr), "dr"), new Map([["foundation", "gcp"]]));
    });

    it("a stack without platform: keys whose program runs offline has no cloud (every policy pack guards it)", async () => {
        const root = path.join(PLATFORM_REPOSITORY, "tests", "fixtures", "secure-config");
        const projects = discoverProjects(root).filter((p) => p.name === "secure-config");
        assert.deepEqual(await checkStackConfig(root, projects, "dev"), new Map([["secure-config", undefined]]));
    });

    it("bad platform config: the validation error listing every problem, still without the program", async () => {
        const bad = readFileSync(path.join(PLATFORM_REPOSITORY, "tests", "fixtures", "bad-config", "Pulumi.prod.yaml"), "utf8");
        const dir = foundationOnly("prod", bad);
        await assert.rejects(
            checkStackConfig(dir, foundationOf(dir), "prod"),
            (err: unknown) => err instanceof ConfigValidationError && /^Invalid platform configuration \(3 problems\):\n/.test(err.message),
        );
    });

    it("a stack without platform: keys still runs its program offline (here: the missing build is reported)", async () => {
        const dir = foundationOnly("dev", "config:\n  foundation:size: small\n");
        await assert.rejects(
            checkStackConfig(dir, foundationOf(dir), "dev"),
            (err: unknown) =>
                err instanceof UsageError &&
                err.message ===
                    `${path.join(dir, "stacks", "foundation", "dist", "main.js")} (main of project foundation) does not exist; run pnpm build first`,
        );
    });
});
