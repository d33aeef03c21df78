/**
 * AWS Backup (best practice: a vault with a customer key, a vault lock, tag-based selection): the
 * vault encrypted with the foundation's `backups` key, locked in production (compliance mode:
 * after a three-day grace period nobody, not even the account root, can shorten retention or
 * delete recovery points), and the plan of seed 001 — daily at 02:00 UTC kept 30 days, hourly kept
 * 7 days — applied to every resource carrying the selection tag, through a role with the AWS
 * managed backup and restore policies (S3 included).
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { checkOneOf, checkWholeNumber, type ComponentNaming, type Issue } from "@platform/core";
import { DataComponent } from "../component.js";
import { awsManagedPolicyArn, serviceTrustPolicy } from "../aws/iam.js";

/** The tag key that puts a resource into the plan; its value is the plan's name. */
export const BACKUP_SELECTION_TAG_KEY = "backup-plan";

/** Vault lock: none, governance (removable by privileged principals), compliance (immutable after the grace period). */
export const VAULT_LOCK_MODES = ["none", "governance", "compliance"] as const;
export type VaultLockMode = (typeof VAULT_LOCK_MODES)[number];
/** Days a compliance-mode lock can still be removed after it is set (the AWS minimum is 3). */
export const VAULT_LOCK_GRACE_DAYS = 3;
/** Backup vault names: 2-50 letters, digits, hyphens and underscores. */
export const BACKUP_NAME_MAX_LENGTH = 50;

/** The AWS managed policies the plan's role needs: back up and restore, S3 included. */
export const BACKUP_ROLE_POLICIES = [
    "service-role/AWSBackupServiceRolePolicyForBackup",
    "service-role/AWSBackupServiceRolePolicyForRestores",
    "AWSBackupServiceRolePolicyForS3Backup",
    "AWSBackupServiceRolePolicyForS3Restore",
] as const;

export interface BackupRuleSpec {
    readonly ruleName: string;
    /** An AWS Backup cron expression in UTC. */
    readonly schedule: string;
    readonly deleteAfterDays: number;
    readonly startWindowMinutes: number;
    readonly completionWindowMinutes: number;
}

/** Seed 001: daily backups at 02:00 UTC kept 30 days, hourly backups kept 7 days. */
export function backupRules(dailyRetentionDays: number, hourlyRetentionDays: number): BackupRuleSpec[] {
    return [
        {
            ruleName: "daily",
            schedule: "cron(0 2 * * ? *)",
            deleteAfterDays: dailyRetentionDays,
            startWindowMinutes: 60,
            completionWindowMinutes: 360,
        },
        {
            ruleName: "hourly",
            schedule: "cron(0 * * * ? *)",
            deleteAfterDays: hourlyRetentionDays,
            startWindowMinutes: 60,
            completionWindowMinutes: 120,
        },
    ];
}

export interface AwsBackupPlanArgs {
    readonly naming: ComponentNaming;
    /** The foundation's `backups` key (the vault's). */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** Days daily backups are kept. @default 30 (seed 001) */
    readonly dailyRetentionDays?: number;
    /** Days hourly backups are kept. @default 7 (seed 001) */
    readonly hourlyRetentionDays?: number;
    /** The vault lock (`compliance` in production). @default "none" */
    readonly vaultLock?: VaultLockMode;
}

export class AwsBackupPlan extends DataComponent {
    readonly vaultName: pulumi.Output<string>;
    readonly vaultArn: pulumi.Output<string>;
    readonly planId: pulumi.Output<string>;
    /** Put this tag on a resource to back it up with this plan. */
    readonly selectionTag: { readonly key: string; readonly value: string };

    constructor(name: string, args: AwsBackupPlanArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:data:AwsBackupPlan", name, args.naming, opts);
        const daily = args.dailyRetentionDays ?? 30;
        const hourly = args.hourlyRetentionDays ?? 7;
        const lock = args.vaultLock ?? "none";
        this.validate(validateAwsBackupPlanArgs(daily, hourly, lock));
        const children = this.children;
        const partition = aws.getPartitionOutput({}, { parent: this }).partition;
        const vaultName = children.physicalWithin("vault", BACKUP_NAME_MAX_LENGTH);
        const planName = children.physicalWithin("plan", BACKUP_NAME_MAX_LENGTH);
        this.selectionTag = { key: BACKUP_SELECTION_TAG_KEY, value: planName };

        const vault = new aws.backup.Vault(
            children.name("vault"),
            { name: vaultName, kmsKeyArn: args.kmsKeyArn, forceDestroy: false, tags: { Name: vaultName } },
            children.stateful(),
        );
        if (lock !== "none") {
            new aws.backup.VaultLockConfiguration(
                children.name("vault"),
                {
                    backupVaultName: vault.name,
                    minRetentionDays: Math.min(daily, hourly),
                    maxRetentionDays: 365,
                    ...(lock === "compliance" ? { changeableForDays: VAULT_LOCK_GRACE_DAYS } : {}),
                },
                children.options(),
            );
        }
        const role = new aws.iam.Role(
            children.name("role"),
            {
                name: children.physical("role", "iamRole"),
                description: `AWS Backup: backs up and restores the resources tagged ${BACKUP_SELECTION_TAG_KEY}=${planName}`,
                assumeRolePolicy: JSON.stringify(serviceTrustPolicy("backup.amazonaws.com")),
            },
            children.options(),
        );
        const attachments = BACKUP_ROLE_POLICIES.map(
            (policy) =>
                new aws.iam.RolePolicyAttachment(
                    children.name(
                        `role-${
                            policy
                                .split("/")
                                .pop()
                                ?.replace(/^AWSBackupServiceRolePolicyFor/, "")
                                .toLowerCase() ?? "policy"
                        }`,
                    ),
                    { role: role.name, policyArn: partition.apply((p) => awsManagedPolicyArn(p, policy)) },
                    children.options(),
                ),
        );
        const plan = new aws.backup.Plan(
            children.name("plan"),
            {
                name: planName,
                rules: backupRules(daily, hourly).map((rule) => ({
                    ruleName: rule.ruleName,
                    targetVaultName: vault.name,
                    schedule: rule.schedule,
                    scheduleExpressionTimezone: "Etc/UTC",
                    startWindow: rule.startWindowMinutes,
                    completionWindow: rule.completionWindowMinutes,
                    lifecycle: { deleteAfter: rule.deleteAfterDays },
                    recoveryPointTags: { [BACKUP_SELECTION_TAG_KEY]: planName, rule: rule.ruleName },
                })),
                tags: { Name: planName },
            },
            children.options(),
        );
        new aws.backup.Selection(
            children.name("selection"),
            {
                name: children.physicalWithin("tagged", BACKUP_NAME_MAX_LENGTH),
                planId: plan.id,
                iamRoleArn: role.arn,
                selectionTags: [{ type: "STRINGEQUALS", key: BACKUP_SELECTION_TAG_KEY, value: planName }],
            },
            children.options({ dependsOn: attachments }),
        );
        this.vaultName = vault.name;
        this.vaultArn = vault.arn;
        this.planId = plan.id;
        this.complete("vaultName", "vaultArn", "planId", "selectionTag");
    }
}

/** Every problem with AwsBackupPlan's arguments. */
export function validateAwsBackupPlanArgs(dailyRetentionDays: number, hourlyRetentionDays: number, vaultLock: string): Issue[] {
    return [
        ...checkWholeNumber(
            "dailyRetentionDays",
            dailyRetentionDays,
            { min: 7, max: 365 },
            "keep daily backups 7 to 365 days (the vault lock's range), e.g. 30",
        ),
        ...checkWholeNumber("hourlyRetentionDays", hourlyRetentionDays, { min: 1, max: 35 }, "keep hourly backups 1 to 35 days, e.g. 7"),
        ...checkOneOf("vaultLock", vaultLock, VAULT_LOCK_MODES),
    ];
}
