import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { countByType, fieldsAndProblems, findResource, ofType, rejectedIssues } from "@platform/synth";
import { AwsBackupPlan, type AwsBackupPlanArgs, backupRules } from "../../src/index.js";
import { ACCOUNT, BACKUPS_KEY, json, protection, synth } from "../helpers.js";

function run(extra: Partial<AwsBackupPlanArgs> = {}, opts?: pulumi.ComponentResourceOptions) {
    return synth(() => {
        const p = new AwsBackupPlan("backup", { naming: { project: "acme", environment: "prod" }, kmsKeyArn: BACKUPS_KEY, ...extra }, opts);
        return { vaultName: p.vaultName, planId: p.planId, selectionTag: p.selectionTag };
    });
}

describe("AwsBackupPlan", () => {
    it("a vault with the backups key, the plan, its role with four managed policies, and a tag selection", async () => {
        const { resources, outputs } = await run();
        assert.deepEqual(
            countByType(resources).filter((c) => c.type.startsWith("aws:")),
            [
                { type: "aws:backup/plan:Plan", count: 1 },
                { type: "aws:backup/selection:Selection", count: 1 },
                { type: "aws:backup/vault:Vault", count: 1 },
                { type: "aws:iam/role:Role", count: 1 },
                { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", count: 4 },
            ],
        );
        assert.deepEqual(findResource(resources, "aws:backup/vault:Vault", "backup-vault").inputs, {
            name: "acme-prod-backup-vault",
            kmsKeyArn: BACKUPS_KEY,
            forceDestroy: false,
            tags: { Name: "acme-prod-backup-vault" },
        });
        assert.deepEqual(outputs["selectionTag"], { key: "backup-plan", value: "acme-prod-backup-plan" });
        assert.equal(outputs["vaultName"], "acme-prod-backup-vault");
    });

    it("seed 001: daily at 02:00 UTC kept 30 days, hourly kept 7 days, into the vault", async () => {
        const plan = findResource((await run()).resources, "aws:backup/plan:Plan", "backup-plan");
        assert.deepEqual(plan.inputs, {
            name: "acme-prod-backup-plan",
            rules: [
                {
                    ruleName: "daily",
                    targetVaultName: "acme-prod-backup-vault",
                    schedule: "cron(0 2 * * ? *)",
                    scheduleExpressionTimezone: "Etc/UTC",
                    startWindow: 60,
                    completionWindow: 360,
                    lifecycle: { deleteAfter: 30 },
                    recoveryPointTags: { "backup-plan": "acme-prod-backup-plan", rule: "daily" },
                },
                {
                    ruleName: "hourly",
                    targetVaultName: "acme-prod-backup-vault",
                    schedule: "cron(0 * * * ? *)",
                    scheduleExpressionTimezone: "Etc/UTC",
                    startWindow: 60,
                    completionWindow: 120,
                    lifecycle: { deleteAfter: 7 },
                    recoveryPointTags: { "backup-plan": "acme-prod-backup-plan", rule: "hourly" },
                },
            ],
            tags: { Name: "acme-prod-backup-plan" },
        });
        assert.deepEqual(
            backupRules(30, 7).map((r) => [r.ruleName, r.schedule, r.deleteAfterDays]),
            [
                ["daily", "cron(0 2 * * ? *)", 30],
                ["hourly", "cron(0 * * * ? *)", 7],
            ],
        );
    });

    it("selects by tag through a role AWS Backup assumes, after its policies are attached", async () => {
        const { resources } = await run();
        const plan = findResource(resources, "aws:backup/plan:Plan", "backup-plan");
        const selection = findResource(resources, "aws:backup/selection:Selection", "backup-selection");
        assert.deepEqual(selection.inputs, {
            name: "acme-prod-backup-tagged",
            planId: plan.id,
            iamRoleArn: `arn:aws:iam::${ACCOUNT}:role/acme-prod-backup-role`,
            selectionTags: [{ type: "STRINGEQUALS", key: "backup-plan", value: "acme-prod-backup-plan" }],
        });
        const attachments = ofType(resources, "aws:iam/rolePolicyAttachment:RolePolicyAttachment");
        assert.deepEqual(
            attachments.map((a) => a.inputs["policyArn"]),
            [
                "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
                "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores",
                "arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup",
                "arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Restore",
            ],
        );
        assert.deepEqual(
            attachments.filter((a) => !selection.dependencies.includes(a.urn)),
            [],
        );
        assert.deepEqual(json(findResource(resources, "aws:iam/role:Role", "backup-role").inputs["assumeRolePolicy"]), {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "backup.amazonaws.com" }, Action: "sts:AssumeRole" }],
        });
    });

    it("vault lock: none by default, governance without, compliance with a three-day grace period", async () => {
        const lock = "aws:backup/vaultLockConfiguration:VaultLockConfiguration";
        assert.deepEqual(ofType((await run()).resources, lock), []);
        assert.deepEqual(findResource((await run({ vaultLock: "governance" })).resources, lock, "backup-vault").inputs, {
            backupVaultName: "acme-prod-backup-vault",
            minRetentionDays: 7,
            maxRetentionDays: 365,
        });
        assert.deepEqual(findResource((await run({ vaultLock: "compliance" })).resources, lock, "backup-vault").inputs, {
            backupVaultName: "acme-prod-backup-vault",
            minRetentionDays: 7,
            maxRetentionDays: 365,
            changeableForDays: 3,
        });
    });

    it("protect: true protects every child and retains the vault", async () => {
        const lines = protection((await run({ vaultLock: "compliance" }, { protect: true })).resources);
        assert.deepEqual(
            lines.filter((l) => l.includes("retain=true")),
            ["backup-vault aws:backup/vault:Vault protect=true retain=true"],
        );
        assert.deepEqual(
            lines.filter((l) => !l.includes("protect=true")),
            [],
        );
    });

    describe("bad arguments", () => {
        const cases: Array<[string, Partial<AwsBackupPlanArgs>, Array<[string, string]>]> = [
            ["daily backups kept 3 days", { dailyRetentionDays: 3 }, [["dailyRetentionDays", "must be a whole number from 7 to 365"]]],
            ["hourly backups kept 40 days", { hourlyRetentionDays: 40 }, [["hourlyRetentionDays", "must be a whole number from 1 to 35"]]],
            ["an unknown lock", { vaultLock: "legal" as never }, [["vaultLock", "is not an allowed value"]]],
        ];
        for (const [label, override, expected] of cases) {
            it(`rejects ${label}`, async () => {
                assert.deepEqual(fieldsAndProblems(await rejectedIssues(run(override))), expected);
            });
        }
    });
});
