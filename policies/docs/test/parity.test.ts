import * as assert from "node:assert/strict";
import type { Policies } from "@pulumi/policy";
import { checkov } from "@platform/policy-kit";
import {
    parityTable,
    readCheckovChecks,
    readCheckovExceptions,
    readNotEvaluatedReasons,
    withParityTable,
    PARITY_BEGIN,
    PARITY_END,
} from "../src/index.js";

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
            { id: "CKV_AWS_7", title: "Ensure rotation", types: ["aws_kms_key"], evaluated: true },
            { id: "CKV_AWS_18", title: "Ensure access | logging", types: ["aws_s3_bucket"], evaluated: true },
            { id: "CKV_AWS_21", title: "Ensure versioning", types: ["aws_s3_bucket"], evaluated: true },
            { id: "CKV_AWS_143", title: "Ensure object lock", types: ["aws_s3_bucket"], evaluated: false },
        ],
    };
    const exceptions = [{ check: "CKV_AWS_18", resources: ["aws_s3_bucket.*"], environments: ["dev"], reason: "No log bucket yet." }];

    it("gives each check its twin or its exception and why it never runs, the share of the evaluated ones, and twins of checks that do not apply", () => {
        assert.equal(
            parityTable(packs, checks, exceptions, { CKV_AWS_143: "reads the inline block." }),
            [
                "Checkov 3.3.30: 4 checks are listed for the 2 Terraform resource types the platform creates; Checkov evaluates 3 of them on some resource of the four environments' exports (the other 1 never run on a platform resource: why in the table, from `policies/checkov-not-evaluated.yaml`). **1 of the 3 evaluated checks (33.3%) have a CrossGuard twin**; 1 more fail on some environment's export and are documented exceptions (`policies/checkov-exceptions.yaml`); the other 1 have no twin and pass on every environment's export today.",
                "",
                "| Checkov check | title | resource types | evaluated on the exports | CrossGuard twin | exception (environments; resources) and why |",
                "|---|---|---|---|---|---|",
                "| CKV_AWS_7 | Ensure rotation | `aws_kms_key` | yes | `aws-kms-rotation` |  |",
                "| CKV_AWS_18 | Ensure access \\| logging | `aws_s3_bucket` | yes |  | (dev; `aws_s3_bucket.*`) No log bucket yet. |",
                "| CKV_AWS_21 | Ensure versioning | `aws_s3_bucket` | yes |  |  |",
                "| CKV_AWS_143 | Ensure object lock | `aws_s3_bucket` | never: reads the inline block. |  |  |",
                "",
                "Twins named for checks of resource types the platform does not create (yet): CKV_AWS_99.",
            ].join("\n"),
        );
    });

    it("says so when every evaluated check has a twin or an exception", () => {
        const covered = { ...checks, checks: checks.checks.filter((c) => c.id !== "CKV_AWS_21") };
        assert.match(
            parityTable(packs, covered, exceptions, { CKV_AWS_143: "reads the inline block." }).split("\n")[0] ?? "",
            /\*\*1 of the 2 evaluated checks \(50%\) have a CrossGuard twin\*\*; 1 more fail on some environment's export and are documented exceptions \(`policies\/checkov-exceptions\.yaml`\); no evaluated check is left without a twin or an exception\.$/,
        );
    });

    it("replaces only its own section, and refuses a README without one", () => {
        assert.equal(withParityTable(`a\n${PARITY_BEGIN}\nold\n${PARITY_END}\nb`, "new"), `a\n${PARITY_BEGIN}\n\nnew\n\n${PARITY_END}\nb`);
        assert.throws(() => withParityTable("no markers", "new"), /has no .* section to generate into/);
    });

    it("a twin does not count towards the share when Checkov never evaluates its check", () => {
        const neverRuns = { ...checks, checks: checks.checks.map((c) => ({ ...c, evaluated: c.id !== "CKV_AWS_7" })) };
        assert.match(parityTable(packs, neverRuns, exceptions, {}), /\*\*0 of the 3 evaluated checks \(0%\) have a CrossGuard twin\*\*/);
        assert.match(
            parityTable(packs, neverRuns, exceptions, {}),
            /\| CKV_AWS_7 \| Ensure rotation \| `aws_kms_key` \| never: \(no reason in checkov-not-evaluated.yaml\) \|/,
        );
    });

    it("reads the committed check list and exceptions: every exception names an evaluated check, every never-evaluated check has its reason", () => {
        const reasons = readNotEvaluatedReasons();
        const committedChecks = readCheckovChecks().checks;
        assert.deepEqual(
            Object.keys(reasons).sort(),
            committedChecks
                .filter((c) => !c.evaluated)
                .map((c) => c.id)
                .sort(),
        );
        const evaluatedIds = new Set(committedChecks.filter((c) => c.evaluated).map((c) => c.id));
        assert.deepEqual(
            readCheckovExceptions()
                .map((e) => e.check)
                .filter((id) => !evaluatedIds.has(id)),
            [],
        );
        assert.ok(committedChecks.length > 100, `${committedChecks.length} checks`);
    });
});
