import * as assert from "node:assert/strict";
import { BEGIN_MARKER, END_MARKER, lineDiff, policyTables, withPolicyTables } from "../src/index.js";

describe("policy table generator", () => {
    it("writes one table per pack from the metadata, escaping pipes and newlines, leaving unset fields empty", () => {
        const tables = policyTables([
            {
                name: "pk",
                policies: [
                    {
                        name: "pk-a",
                        description: "checks a | b",
                        enforcementLevel: "mandatory",
                        severity: "high",
                        framework: { name: "Checkov", version: "3.3", reference: "CKV_X_1, CKV_X_2", specification: "x" },
                        tags: ["seed-001", "other"],
                        remediationSteps: "Fix\n  it.",
                        url: "https://docs.example.com/a",
                        validateResource: () => undefined,
                    },
                    { name: "pk-b", description: "b", tags: ["seed-003", "seed-004"], validateStack: () => undefined },
                ],
            },
        ]);
        assert.equal(
            tables,
            [
                "### `pk` pack",
                "",
                "| policy | kind | enforcement | severity | checks | remediation | peer | docs |",
                "|---|---|---|---|---|---|---|---|",
                "| [`pk-a`](pk/src/policies/a.ts) | resource | mandatory | high | checks a \\| b | Fix it. | Checkov CKV_X_1, CKV_X_2; seed 001 | [docs.example.com](https://docs.example.com/a) |",
                "| [`pk-b`](pk/src/policies/b.ts) | stack | advisory |  | b |  | seeds 003, 004 |  |",
            ].join("\n"),
        );
    });

    it("replaces only the marked section, and refuses a README without one", () => {
        const readme = `intro\n${BEGIN_MARKER}\nold\n${END_MARKER}\noutro\n`;
        assert.equal(withPolicyTables(readme, "new"), `intro\n${BEGIN_MARKER}\n\nnew\n\n${END_MARKER}\noutro\n`);
        assert.throws(() => withPolicyTables("no markers", "new"), /has no .* section to generate into/);
    });

    it("lineDiff shows the removed and added lines in order", () => {
        assert.equal(lineDiff("a\nb\nc\nd", "a\nc\nx\nd"), "- b\n+ x");
        assert.equal(lineDiff("a\nb", "a\nc\nd"), "- b\n+ c\n+ d");
        assert.equal(lineDiff("same", "same"), "");
    });
});
