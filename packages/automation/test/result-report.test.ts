import * as assert from "node:assert/strict";
import { markdownSummary, outcomeOf, resultDocument, type StackOperationResult } from "../src/index.js";

const VPC = "urn:pulumi:dev::foundation::platform:network:AwsNetwork$aws:ec2/vpc:Vpc::network-vpc";
const BUCKET = "urn:pulumi:prod::data::platform:data:Backups$aws:s3/bucketV2:BucketV2::backups";

const FOUNDATION: StackOperationResult = {
    project: "foundation",
    stack: "prod",
    status: "ok",
    summary: '{"create":50}',
    details: [],
    changes: { create: 50, same: 2, "create-replacement": 1, "delete-replaced": 1 },
    violations: [{ policy: "aws-tags-required", pack: "platform-aws", level: "warning", urn: VPC, message: "missing tag | owner\nadd it" }],
    durationMs: 6125,
};
const DATA: StackOperationResult = {
    project: "data",
    stack: "prod",
    status: "violations",
    summary: "1 mandatory policy violation (listed above) stopped the engine",
    details: [],
    violations: [{ policy: "s3-no-public-read", pack: "platform-aws", level: "mandatory", urn: BUCKET, message: "public read" }],
    durationMs: 7301,
};
const CLUSTER: StackOperationResult = { project: "cluster", stack: "prod", status: "not-started", summary: "not started", details: [] };

describe("platform preview|up|drift: the JSON result and the markdown summary", () => {
    it("exit codes name the outcome", () => {
        assert.deepEqual([0, 1, 2, 3, 4, 130, 143].map(outcomeOf), [
            "ok",
            "violations",
            "usage",
            "failed",
            "drift",
            "cancelled",
            "cancelled",
        ]);
    });

    it("the JSON result: one entry per layer with its changes, violations and duration (drift only for drift; no duration for a layer that did not run)", () => {
        assert.deepEqual(resultDocument("preview", "prod", [FOUNDATION, DATA, CLUSTER], 1), {
            command: "preview",
            env: "prod",
            exitCode: 1,
            outcome: "violations",
            layers: [
                {
                    project: "foundation",
                    stack: "prod",
                    status: "ok",
                    summary: '{"create":50}',
                    changes: { create: 50, same: 2, "create-replacement": 1, "delete-replaced": 1 },
                    violations: FOUNDATION.violations,
                    durationMs: 6125,
                },
                {
                    project: "data",
                    stack: "prod",
                    status: "violations",
                    summary: DATA.summary,
                    changes: {},
                    violations: DATA.violations,
                    durationMs: 7301,
                },
                { project: "cluster", stack: "prod", status: "not-started", summary: "not started", changes: {}, violations: [] },
            ],
        });
        const drift = resultDocument(
            "drift",
            "dev",
            [{ ...CLUSTER, status: "ok", drift: [{ urn: VPC, change: "update", properties: ["tags"] }] }, CLUSTER],
            4,
        );
        assert.deepEqual(
            drift.layers.map((l) => l.drift),
            [[{ urn: VPC, change: "update", properties: ["tags"] }], []],
        );
        assert.equal(drift.outcome, "drift");
    });

    it("the markdown summary of a preview: change counts per layer, the violations escaped for a table", () => {
        assert.equal(
            markdownSummary("preview", "prod", [FOUNDATION, DATA, CLUSTER], 1),
            [
                "## platform preview --env prod",
                "",
                "| layer | status | create | update | replace | delete | same | other |",
                "|---|---|---:|---:|---:|---:|---:|---:|",
                "| foundation | ok | 50 | 0 | 0 | 0 | 2 | 2 |",
                "| data | policy violations | 0 | 0 | 0 | 0 | 0 | 0 |",
                "| cluster | not run | 0 | 0 | 0 | 0 | 0 | 0 |",
                "",
                "### Policy violations (2)",
                "",
                "| layer | level | policy | resource | message |",
                "|---|---|---|---|---|",
                "| foundation | warning | platform-aws/aws-tags-required | `aws:ec2/vpc:Vpc network-vpc` | missing tag \\| owner add it |",
                "| data | mandatory | platform-aws/s3-no-public-read | `aws:s3/bucketV2:BucketV2 backups` | public read |",
                "",
                "exit 1: mandatory policy violations",
                "",
            ].join("\n"),
        );
    });

    it("a layer skipped for a failed dependency: status skipped with the reason, listed where the registry puts it", () => {
        const failed: StackOperationResult = {
            project: "security",
            stack: "prod",
            status: "failed",
            summary: "the engine failed",
            details: [],
        };
        const skipped: StackOperationResult = {
            project: "cluster",
            stack: "prod",
            status: "skipped",
            summary: "skipped: needs security/prod, which failed",
            details: [],
        };
        const results = [FOUNDATION, failed, skipped];
        assert.deepEqual(
            resultDocument("up", "prod", results, 3).layers.map((l) => [l.project, l.status, l.summary]),
            [
                ["foundation", "ok", '{"create":50}'],
                ["security", "failed", "the engine failed"],
                ["cluster", "skipped", "skipped: needs security/prod, which failed"],
            ],
        );
        assert.deepEqual(
            markdownSummary("up", "prod", results, 3)
                .split("\n")
                .filter((l) => /^\| (security|cluster) \|/.test(l)),
            ["| security | FAILED | 0 | 0 | 0 | 0 | 0 | 0 |", "| cluster | skipped | 0 | 0 | 0 | 0 | 0 | 0 |"],
        );
    });

    it("the markdown summary of drift: the drifted resources per layer, or none", () => {
        const drifted: StackOperationResult = {
            ...CLUSTER,
            project: "foundation",
            stack: "dev",
            status: "ok",
            summary: "drift: 1 resource differs from the state (1 update)",
            changes: { same: 48, update: 1 },
            drift: [{ urn: VPC, change: "update", properties: ["tags"] }],
        };
        const clean: StackOperationResult = {
            ...CLUSTER,
            stack: "dev",
            status: "ok",
            summary: "no drift",
            changes: { same: 12 },
            drift: [],
        };
        assert.equal(
            markdownSummary("drift", "dev", [drifted, clean], 4),
            [
                "## platform drift --env dev",
                "",
                "| layer | status | create | update | replace | delete | same | other |",
                "|---|---|---:|---:|---:|---:|---:|---:|",
                "| foundation | drift | 0 | 1 | 0 | 0 | 48 | 0 |",
                "| cluster | ok | 0 | 0 | 0 | 0 | 12 | 0 |",
                "",
                "### Drift (1)",
                "",
                "- foundation: aws:ec2/vpc:Vpc network-vpc: changed outside Pulumi (tags)",
                "",
                "exit 4: drift found",
                "",
            ].join("\n"),
        );
        assert.equal(
            markdownSummary("drift", "dev", [clean], 0),
            [
                "## platform drift --env dev",
                "",
                "| layer | status | create | update | replace | delete | same | other |",
                "|---|---|---:|---:|---:|---:|---:|---:|",
                "| cluster | ok | 0 | 0 | 0 | 0 | 12 | 0 |",
                "",
                "### Drift",
                "",
                "none: every layer matches its state",
                "",
                "exit 0: no problems",
                "",
            ].join("\n"),
        );
    });
});
