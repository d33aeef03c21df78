import * as assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { attachedPolicyPacks, packSelection, policyPackDirs, STACK_CLOUD_POLICY } from "../src/index.js";

/** The repository (packages/automation/dist/test is four levels below it). */
const REPO = path.resolve(__dirname, "..", "..", "..", "..");
const pack = (name: string) => path.join(REPO, "policies", name);

describe("the policy packs a layer runs with (policy-packs.ts)", () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "platform-packs-"))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it("a stack of one cloud: that cloud's pack, the platform pack with platform-stack-cloud set to it, kubernetes", () => {
        assert.equal(STACK_CLOUD_POLICY, "platform-stack-cloud");
        for (const cloud of ["aws", "gcp"] as const) {
            assert.deepEqual(packSelection(cloud), [
                { pack: cloud, config: {} },
                { pack: "platform", config: { "platform-stack-cloud": { cloud } } },
                { pack: "kubernetes", config: {} },
            ]);
        }
    });

    it("a stack without a cloud (no platform settings): every pack, none configured", () => {
        assert.deepEqual(packSelection(undefined), [
            { pack: "aws", config: {} },
            { pack: "gcp", config: {} },
            { pack: "platform", config: {} },
            { pack: "kubernetes", config: {} },
        ]);
        assert.deepEqual(policyPackDirs(), ["aws", "gcp", "platform", "kubernetes"].map(pack));
    });

    it("attachedPolicyPacks writes one config file per pack, in the packs' order, for the CLI's --policy-pack-config", () => {
        const attached = attachedPolicyPacks("gcp", path.join(dir, "config"));
        assert.deepEqual(attached.packs, ["gcp", "platform", "kubernetes"].map(pack));
        assert.deepEqual(
            attached.configs,
            ["gcp", "platform", "kubernetes"].map((name) => path.join(dir, "config", `${name}.json`)),
        );
        assert.deepEqual(
            attached.configs.map((file) => JSON.parse(readFileSync(file, "utf8")) as unknown),
            [{}, { "platform-stack-cloud": { cloud: "gcp" } }, {}],
        );
    });

    it("attachedPolicyPacks without a cloud: every pack and no config file at all", () => {
        assert.deepEqual(attachedPolicyPacks(undefined, path.join(dir, "config")), { packs: policyPackDirs(), configs: [] });
        assert.deepEqual(readdirSync(dir), []);
    });
});
