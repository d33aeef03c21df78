import * as assert from "node:assert/strict";
import type { Policies } from "@pulumi/policy";
import { checkov } from "@platform/policy-kit";
import { parityTable, readCheckovChecks, readCheckovExceptions, withParityTable, PARITY_BEGIN, PARITY_END } from "../src/index.js";

const policy = (name: string, ids: Record<string, string>): Policies[number] => ({
    name,
    description: name,
    enforcementLevel: "mandatory",
    framework: checkov(ids),
    validateResource: () => undefined,
});

describe("policies/README.md: the Checkov parity table", () => {
    const packs = [
        {
            name: "aws",
            policies: [policy("aws-kms-rotation", { CKV_AWS_7: "rotation" }), policy("aws-other", { CKV_AWS_99: "elsewhere" })],
        },
    ];
    const checks = {
        checkov: "3.3.30",
        platformTypes: ["aws_kms_key", "aws_s3_bucket"],
        checks: [
            { id: "CKV_AWS_7", title: "Ensure rotation", types: ["aws_kms_key"] },
            { id: "CKV_AWS_18", title: "Ensure access | logging", types: ["aws_s3_bucket"] },
            { id: "CKV_AWS_21", title: "Ensure versioning", types: ["aws_s3_bucket"] },
        ],
    };
    const exceptions = [{ check: "CKV_AWS_18", resources: ["aws_s3_bucket.*"], environments: ["dev"], reason: "No log bucket yet." }];

    it("gives each applicable check its twin or its exception, the coverage, and twins of checks that do not apply", () => {
        assert.equal(
            parityTable(packs, checks, exceptions),
            [
                "Checkov 3.3.30: 3 checks apply to the 2 Terraform resource types the platform creates. **1 of them (33.3%) have a CrossGuard twin**; 1 more fail on some environment's export and are documented exceptions (`policies/checkov-exceptions.yaml`); the others have no twin and pass on every environment's export today.",
                "",
                "| Checkov check | title | resource types | CrossGuard twin | exception (environments; resources) and why |",
                "|---|---|---|---|---|",
                "| CKV_AWS_7 | Ensure rotation | `aws_kms_key` | `aws-kms-rotation` |  |",
                "| CKV_AWS_18 | Ensure access \\| logging | `aws_s3_bucket` |  | (dev; `aws_s3_bucket.*`) No log bucket yet. |",
                "| CKV_AWS_21 | Ensure versioning | `aws_s3_bucket` |  |  |",
                "",
                "Twins named for checks of resource types the platform does not create (yet): CKV_AWS_99.",
            ].join("\n"),
        );
    });

    it("replaces only its own section, and refuses a README without one", () => {
        assert.equal(withParityTable(`a\n${PARITY_BEGIN}\nold\n${PARITY_END}\nb`, "new"), `a\n${PARITY_BEGIN}\n\nnew\n\n${PARITY_END}\nb`);
        assert.throws(() => withParityTable("no markers", "new"), /has no .* section to generate into/);
    });

    it("reads the committed check list and exceptions: every exception names an applicable check", () => {
        const committed = readCheckovChecks();
        const ids = new Set(committed.checks.map((c) => c.id));
        assert.ok(committed.checks.length > 100, `${committed.checks.length} checks`);
        assert.deepEqual(
            readCheckovExceptions()
                .map((e) => e.check)
                .filter((id) => !ids.has(id)),
            [],
        );
    });
});
