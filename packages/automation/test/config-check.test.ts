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
    it("valid platform config passes without loading the program (its main does not even exist)", async () => {
        const dir = foundationOnly("dev", readFileSync(path.join(PLATFORM_REPOSITORY, "environments", "Pulumi.dev.yaml"), "utf8"));
        await checkStackConfig(dir, foundationOf(dir), "dev");
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
