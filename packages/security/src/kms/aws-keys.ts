/**
 * Customer-managed KMS keys, one per purpose, so a grant on backup encryption never opens the
 * secrets key. Keys rotate yearly, keep a 30-day deletion window, and are protected in
 * environments that protect stateful resources: losing a key loses every byte encrypted with it.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
    checkPattern,
    checkWholeNumber,
    type ComponentNaming,
    IAM_PRINCIPAL_ARN_PATTERN,
    type Issue,
    PlatformComponent,
} from "@platform/core";
import { awsKeyPolicy } from "./aws-key-policy.js";
import { checkPurposes, KEY_PURPOSES, type KeyPurpose } from "./purposes.js";

export interface AwsKmsKeysArgs {
    /** Project and environment: aliases are `alias/<project>-<env>-<component name>-<purpose>`. */
    readonly naming: ComponentNaming;
    /**
     * Which keys to create. One key per purpose keeps blast radius and grants separate.
     * @default ["logs", "data", "secrets", "backups"]
     */
    readonly purposes?: readonly KeyPurpose[];
    /**
     * Days a scheduled deletion waits before the key is gone (AWS allows 7..30). The maximum gives
     * the longest window to notice and cancel a mistake.
     * @default 30
     */
    readonly deletionWindowDays?: number;
    /**
     * Automatic rotation period in days (AWS allows 90..2560).
     * @default 365
     */
    readonly rotationPeriodDays?: number;
    /** IAM principals (role ARNs) that may administer but not use the keys. @default [] */
    readonly adminArns?: readonly string[];
}

/**
 * Protection: pass `{ protect: true }` (production does): keys and aliases are protected, and the
 * keys are retained on delete, since losing a key loses every byte encrypted with it.
 */
export class AwsKmsKeys extends PlatformComponent {
    /** The keys by purpose. */
    readonly keys: Readonly<Partial<Record<KeyPurpose, aws.kms.Key>>>;
    readonly aliases: Readonly<Partial<Record<KeyPurpose, aws.kms.Alias>>>;
    readonly keyArns: Readonly<Partial<Record<KeyPurpose, pulumi.Output<string>>>>;
    readonly keyIds: Readonly<Partial<Record<KeyPurpose, pulumi.Output<string>>>>;

    constructor(name: string, args: AwsKmsKeysArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:security:AwsKmsKeys", name, args.naming, opts);
        const purposes = args.purposes ?? KEY_PURPOSES;
        const deletionWindowDays = args.deletionWindowDays ?? 30;
        const rotationPeriodDays = args.rotationPeriodDays ?? 365;
        this.validate(validateAwsKmsKeysArgs(args, purposes, deletionWindowDays, rotationPeriodDays));

        const partition = aws.getPartitionOutput({}, { parent: this });
        const identity = aws.getCallerIdentityOutput({}, { parent: this });
        const region = aws.getRegionOutput({}, { parent: this });

        const keys: Partial<Record<KeyPurpose, aws.kms.Key>> = {};
        const aliases: Partial<Record<KeyPurpose, aws.kms.Alias>> = {};
        for (const purpose of purposes) {
            const physical = this.physicalName(purpose);
            const key = new aws.kms.Key(
                this.childName(purpose),
                {
                    description: `${physical}: customer-managed key for ${purpose}`,
                    keyUsage: "ENCRYPT_DECRYPT",
                    customerMasterKeySpec: "SYMMETRIC_DEFAULT",
                    enableKeyRotation: true,
                    rotationPeriodInDays: rotationPeriodDays,
                    deletionWindowInDays: deletionWindowDays,
                    policy: pulumi
                        .all([partition.partition, identity.accountId, region.region])
                        .apply(([p, accountId, r]) =>
                            awsKeyPolicy({ partition: p, accountId, region: r, purpose, adminArns: args.adminArns }),
                        ),
                    tags: { Name: physical, purpose },
                },
                this.statefulOptions(),
            );
            keys[purpose] = key;
            aliases[purpose] = new aws.kms.Alias(
                this.childName(purpose),
                { name: `alias/${physical}`, targetKeyId: key.keyId },
                this.childOptions(),
            );
        }
        this.keys = keys;
        this.aliases = aliases;
        this.keyArns = Object.fromEntries(Object.entries(keys).map(([p, k]) => [p, k.arn]));
        this.keyIds = Object.fromEntries(Object.entries(keys).map(([p, k]) => [p, k.keyId]));
        this.complete("keyArns", "keyIds");
    }
}

/** Every problem with AwsKmsKeys' arguments. */
export function validateAwsKmsKeysArgs(
    args: AwsKmsKeysArgs,
    purposes: readonly KeyPurpose[],
    deletionWindowDays: number,
    rotationPeriodDays: number,
): Issue[] {
    return [
        ...checkPurposes(purposes),
        ...checkWholeNumber(
            "deletionWindowDays",
            deletionWindowDays,
            { min: 7, max: 30 },
            "use 30 (the default) unless a shorter window is required (AWS accepts 7 to 30)",
        ),
        ...checkWholeNumber(
            "rotationPeriodDays",
            rotationPeriodDays,
            { min: 90, max: 2560 },
            "use 365 (the default) or a value AWS accepts (90 to 2560)",
        ),
        ...(args.adminArns ?? []).flatMap((arn, i) =>
            checkPattern(
                `adminArns[${i}]`,
                arn,
                IAM_PRINCIPAL_ARN_PATTERN,
                "a full IAM role or user ARN without wildcards, e.g. arn:aws:iam::123456789012:role/break-glass",
            ),
        ),
    ];
}
