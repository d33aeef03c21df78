/**
 * Customer-managed Cloud KMS keys, one per purpose, in one regional key ring, so a grant on
 * backup encryption never opens the secrets key and CMEK resources (Cloud SQL, GKE secrets,
 * buckets) find a key in their own region. Keys rotate at most every 90 days, a destroyed key
 * version stays restorable for 30 days, and rings and keys are protected in environments that
 * protect stateful resources: losing a key loses every byte encrypted with it.
 *
 * Cloud KMS never deletes key rings or keys (only key versions), and their names can never be
 * reused in the project and location: physical names are stable `<project>-<env>-...` names.
 */
import * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import {
    checkGcpProject,
    checkPattern,
    checkWholeNumber,
    type ComponentNaming,
    GCP_REGION_PATTERN,
    gcpLabels,
    type Issue,
    PlatformComponent,
} from "@platform/core";
import { checkPurposes, KEY_PURPOSES, type KeyPurpose } from "./purposes.js";

/** Longest rotation period the platform allows (seed / `gcp-kms-rotation` policy: at most 90 days). */
export const MAX_GCP_ROTATION_PERIOD_DAYS = 90;
/** Default rotation period, in days. */
export const DEFAULT_GCP_ROTATION_PERIOD_DAYS = 90;
/** How long a destroyed key version stays restorable (30 days, the Cloud KMS default, made explicit). */
export const GCP_KEY_DESTROY_SCHEDULED_DURATION = "2592000s";

const SECONDS_PER_DAY = 86_400;

/** Cloud KMS duration string for a whole number of days, e.g. 90 -> `"7776000s"`. */
export function kmsDuration(days: number): string {
    return `${days * SECONDS_PER_DAY}s`;
}

export interface GcpKmsKeysArgs {
    /** GCP project id the key ring lives in. */
    readonly project: string;
    /**
     * Region of the key ring, e.g. `us-west1`. CMEK requires the key in the same region as the
     * resource it encrypts (Cloud SQL, GKE, regional buckets), so the ring is regional, not global.
     */
    readonly location: string;
    /** Project and environment: names are `<project>-<env>-<component name>-keyring` / `-<purpose>`. */
    readonly naming: ComponentNaming;
    /**
     * Which keys to create. One key per purpose keeps blast radius and IAM grants separate.
     * Plain value: it decides how many keys exist.
     * @default ["logs", "data", "secrets", "backups"]
     */
    readonly purposes?: readonly KeyPurpose[];
    /**
     * Automatic rotation period in whole days, 1..90 (seed and the `gcp-kms-rotation` policy: at most
     * 90 days). Rotation adds a new primary version; old versions still decrypt.
     * @default 90
     */
    readonly rotationPeriodDays?: number;
    /**
     * Extra labels on every key (sanitized to GCP label rules; `purpose` is always set). Ownership
     * labels come from the provider's `defaultLabels`.
     * @default {}
     */
    readonly labels?: Readonly<Record<string, string>>;
}

/**
 * Protection: pass `{ protect: true }` (prod and dr do): the ring and keys are protected and
 * retained on delete (Pulumi's prevent-destroy), so no destroy or replacing diff schedules
 * destruction of key material that still encrypts data.
 */
export class GcpKmsKeys extends PlatformComponent {
    readonly keyRing: gcp.kms.KeyRing;
    /** Key ring id (`projects/<p>/locations/<l>/keyRings/<name>`). */
    readonly keyRingId: pulumi.Output<string>;
    /** Purposes created, in the order given. */
    readonly purposes: readonly KeyPurpose[];
    /** The keys by purpose (only the purposes created). */
    readonly keys: Readonly<Partial<Record<KeyPurpose, gcp.kms.CryptoKey>>>;
    /** Key ids (`<keyRingId>/cryptoKeys/<name>`, what CMEK `kmsKeyName` fields take) by purpose. */
    readonly keyIds: Readonly<Partial<Record<KeyPurpose, pulumi.Output<string>>>>;

    constructor(name: string, args: GcpKmsKeysArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:security:GcpKmsKeys", name, args.naming, opts);
        const purposes = args.purposes ?? KEY_PURPOSES;
        const rotationPeriodDays = args.rotationPeriodDays ?? DEFAULT_GCP_ROTATION_PERIOD_DAYS;
        this.validate(validateGcpKmsKeysArgs(args, purposes, rotationPeriodDays));

        const physical = (child: string) => this.physicalName(child, "gcp");
        this.purposes = [...purposes];
        this.keyRing = new gcp.kms.KeyRing(
            this.childName("keyring"),
            { project: args.project, location: args.location, name: physical("keyring") },
            this.statefulOptions(),
        );
        this.keyRingId = this.keyRing.id;

        const keys: Partial<Record<KeyPurpose, gcp.kms.CryptoKey>> = {};
        const keyIds: Partial<Record<KeyPurpose, pulumi.Output<string>>> = {};
        for (const purpose of purposes) {
            const key = new gcp.kms.CryptoKey(
                this.childName(purpose),
                {
                    name: physical(purpose),
                    keyRing: this.keyRing.id,
                    purpose: "ENCRYPT_DECRYPT",
                    rotationPeriod: kmsDuration(rotationPeriodDays),
                    destroyScheduledDuration: GCP_KEY_DESTROY_SCHEDULED_DURATION,
                    versionTemplate: { algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION", protectionLevel: "SOFTWARE" },
                    labels: gcpLabels({ ...args.labels, purpose }),
                },
                this.statefulOptions(),
            );
            keys[purpose] = key;
            keyIds[purpose] = key.id;
        }
        this.keys = keys;
        this.keyIds = keyIds;
        this.complete("keyRingId", "keyIds");
    }
}

/** Every problem with GcpKmsKeys' arguments. */
export function validateGcpKmsKeysArgs(args: GcpKmsKeysArgs, purposes: readonly KeyPurpose[], rotationPeriodDays: number): Issue[] {
    return [
        ...checkGcpProject("project", args.project),
        ...checkPattern(
            "location",
            args.location,
            GCP_REGION_PATTERN,
            "the region of the resources the keys encrypt, e.g. us-west1 (CMEK needs a key in the same region)",
        ),
        ...checkPurposes(purposes),
        ...checkWholeNumber(
            "rotationPeriodDays",
            rotationPeriodDays,
            { min: 1, max: MAX_GCP_ROTATION_PERIOD_DAYS },
            `rotate at least every ${MAX_GCP_ROTATION_PERIOD_DAYS} days (policy gcp-kms-rotation), e.g. ${DEFAULT_GCP_ROTATION_PERIOD_DAYS}`,
        ),
    ];
}
