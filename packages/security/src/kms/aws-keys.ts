/**
 * Customer-managed KMS keys, one per purpose, so a grant on backup encryption never opens the
 * secrets key. Keys rotate yearly, keep a 30-day deletion window, and are protected in
 * environments that protect stateful resources: losing a key loses every byte encrypted with it.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkNamingArgs, invalidArgument, resourceName, statefulChildOptions } from "@platform/core";
import { awsKeyPolicy } from "./aws-key-policy.js";
import { KEY_PURPOSES, type KeyPurpose } from "./purposes.js";

export interface AwsKmsKeysArgs {
    /** Project and environment for physical names (`alias/<project>-<env>-<purpose>`). */
    readonly naming: { readonly project: string; readonly environment: string };
    /**
     * Which keys to create. One key per purpose keeps blast radius and grants separate.
     * @default ["logs", "data", "secrets", "backups"]
     */
    readonly purposes?: readonly KeyPurpose[];
    /**
     * `protect: true` on every key: `pulumi destroy` and replacing diffs stop instead of
     * scheduling deletion of a key that still encrypts data. Set from the environment profile.
     */
    readonly protect: boolean;
    /**
     * Days a scheduled deletion waits before the key is gone (AWS allows 7..30). The maximum gives
     * the longest window to notice and cancel a mistake.
     * @default 30
     */
    readonly deletionWindowInDays?: number;
    /**
     * Automatic rotation period in days (AWS allows 90..2560).
     * @default 365
     */
    readonly rotationPeriodInDays?: number;
    /** IAM principals (role ARNs) that may administer but not use the keys. @default [] */
    readonly adminArns?: readonly string[];
}

export class AwsKmsKeys extends pulumi.ComponentResource {
    /** The keys by purpose. */
    readonly keys: Readonly<Partial<Record<KeyPurpose, aws.kms.Key>>>;
    readonly aliases: Readonly<Partial<Record<KeyPurpose, aws.kms.Alias>>>;
    readonly keyArns: Readonly<Partial<Record<KeyPurpose, pulumi.Output<string>>>>;
    readonly keyIds: Readonly<Partial<Record<KeyPurpose, pulumi.Output<string>>>>;

    constructor(name: string, args: AwsKmsKeysArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:security:AwsKmsKeys", name, {}, opts);
        const purposes = args.purposes ?? KEY_PURPOSES;
        const deletionWindowInDays = args.deletionWindowInDays ?? 30;
        const rotationPeriodInDays = args.rotationPeriodInDays ?? 365;
        this.validate(args, purposes, deletionWindowInDays, rotationPeriodInDays);

        const partition = aws.getPartitionOutput({}, { parent: this });
        const identity = aws.getCallerIdentityOutput({}, { parent: this });
        const region = aws.getRegionOutput({}, { parent: this });

        const keys: Partial<Record<KeyPurpose, aws.kms.Key>> = {};
        const aliases: Partial<Record<KeyPurpose, aws.kms.Alias>> = {};
        for (const purpose of purposes) {
            const physical = resourceName({ ...args.naming, component: purpose });
            const key = new aws.kms.Key(
                `${name}-${purpose}`,
                {
                    description: `${physical}: customer-managed key for ${purpose}`,
                    keyUsage: "ENCRYPT_DECRYPT",
                    customerMasterKeySpec: "SYMMETRIC_DEFAULT",
                    enableKeyRotation: true,
                    rotationPeriodInDays,
                    deletionWindowInDays,
                    policy: pulumi
                        .all([partition.partition, identity.accountId, region.region])
                        .apply(([p, accountId, r]) =>
                            awsKeyPolicy({ partition: p, accountId, region: r, purpose, adminArns: args.adminArns }),
                        ),
                    tags: { Name: physical, purpose },
                },
                statefulChildOptions(this, args.protect),
            );
            keys[purpose] = key;
            aliases[purpose] = new aws.kms.Alias(
                `${name}-${purpose}`,
                { name: `alias/${physical}`, targetKeyId: key.keyId },
                { parent: this },
            );
        }
        this.keys = keys;
        this.aliases = aliases;
        this.keyArns = Object.fromEntries(Object.entries(keys).map(([p, k]) => [p, k.arn]));
        this.keyIds = Object.fromEntries(Object.entries(keys).map(([p, k]) => [p, k.keyId]));
        this.registerOutputs({ keyArns: this.keyArns, keyIds: this.keyIds });
    }

    private validate(args: AwsKmsKeysArgs, purposes: readonly KeyPurpose[], deletionWindow: number, rotation: number): void {
        checkNamingArgs(this, args.naming);
        if (purposes.length === 0) {
            throw invalidArgument(this, {
                field: "purposes",
                value: purposes,
                problem: "no key purpose given",
                fix: `list at least one of ${KEY_PURPOSES.join(", ")}, or omit it for all`,
            });
        }
        const unknown = purposes.filter((p) => !KEY_PURPOSES.includes(p));
        if (unknown.length > 0) {
            throw invalidArgument(this, {
                field: "purposes",
                value: purposes,
                problem: `unknown purpose ${unknown.join(", ")}`,
                fix: `use ${KEY_PURPOSES.join(", ")}`,
            });
        }
        if (new Set(purposes).size !== purposes.length) {
            throw invalidArgument(this, {
                field: "purposes",
                value: purposes,
                problem: "a purpose is listed twice",
                fix: "list each purpose once",
            });
        }
        if (!Number.isInteger(deletionWindow) || deletionWindow < 7 || deletionWindow > 30) {
            throw invalidArgument(this, {
                field: "deletionWindowInDays",
                value: args.deletionWindowInDays,
                problem: "AWS accepts 7 to 30 days",
                fix: "use 30 (the default) unless a shorter window is required",
            });
        }
        if (!Number.isInteger(rotation) || rotation < 90 || rotation > 2560) {
            throw invalidArgument(this, {
                field: "rotationPeriodInDays",
                value: args.rotationPeriodInDays,
                problem: "AWS accepts 90 to 2560 days",
                fix: "use 365 (the default) or a value in range",
            });
        }
        const badAdmin = (args.adminArns ?? []).find((a) => !/^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/.+$/.test(a));
        if (badAdmin !== undefined) {
            throw invalidArgument(this, {
                field: "adminArns",
                value: badAdmin,
                problem: "not an IAM role or user ARN (wildcards are not allowed)",
                fix: "give full ARNs such as arn:aws:iam::123456789012:role/break-glass",
            });
        }
    }
}
