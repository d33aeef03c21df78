import * as assert from "node:assert/strict";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { currentReadme, FIX_COMMAND, generatedReadme, lineDiff, PACKS, policySource, README_PATH } from "../src/index.js";

describe("policies/README.md", () => {
    it("its policy tables are exactly what the policies' metadata generates", () => {
        const readme = currentReadme();
        const expected = generatedReadme(readme);
        if (readme !== expected) {
            assert.fail(
                `${README_PATH} differs from the policies' metadata; run \`${FIX_COMMAND}\` (- README, + generated):\n${lineDiff(readme, expected)}`,
            );
        }
    });

    it("links every policy of every pack to its one source file, <pack>/src/policies/<name without the pack prefix>.ts", () => {
        const readme = currentReadme();
        const sources = PACKS.flatMap((pack) => pack.policies.map((p) => [p.name, policySource(pack.name, p.name)] as const));
        assert.deepEqual(
            sources.filter(([name, source]) => !readme.includes(`| [\`${name}\`](${source}) |`)),
            [],
        );
        assert.deepEqual(
            sources.filter(([, source]) => !existsSync(path.join(path.dirname(README_PATH), source))),
            [],
        );
        const names = sources.map(([name]) => name);
        assert.equal(new Set(names).size, names.length, "policy names are unique across packs");
    });
});
