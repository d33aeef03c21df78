/**
 * A StorageClass for stateful workloads on GKE (the in-cluster RabbitMQ, PgBouncer's neighbours,
 * anything with a PersistentVolumeClaim) whose persistent disks are encrypted with the
 * foundation's `data` key: GKE's default `standard-rwo` stays the default (Google-managed
 * encryption; docs/decisions.md "GKE StorageClass", the cluster layer's), and a workload that
 * holds data asks for this class by name. Balanced persistent disks through the PD CSI driver,
 * bound where the pod lands (`WaitForFirstConsumer`, so a regional cluster never strands a volume
 * in another zone), expandable, and `Retain` in production: an accidental `kubectl delete pvc`
 * keeps the disk.
 *
 * The Compute Engine service agent encrypts the disks; the cluster layer already grants it the
 * `data` key (for the nodes' boot disks, `GkeCluster`). This component relies on that grant
 * instead of binding it a second time: two stacks owning the same non-authoritative binding means
 * the first to delete its copy removes it for both.
 */
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { checkOneOf, checkPattern, type ComponentNaming, type Issue } from "@platform/core";
import { DataComponent } from "../component.js";

/** The GKE persistent disk CSI driver. */
export const GKE_PD_CSI_PROVISIONER = "pd.csi.storage.gke.io";
/** Persistent disk types for data: balanced (the default) or SSD. */
export const GKE_DISK_TYPES = ["pd-balanced", "pd-ssd"] as const;
export type GkeDiskType = (typeof GKE_DISK_TYPES)[number];
export const VOLUME_RECLAIM_POLICIES = ["Retain", "Delete"] as const;
export type VolumeReclaimPolicy = (typeof VOLUME_RECLAIM_POLICIES)[number];
/** The class's name when none is given. */
export const DEFAULT_CMEK_STORAGE_CLASS = "pd-balanced-cmek";

/** A Kubernetes object name (DNS subdomain). */
const OBJECT_NAME_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A Cloud KMS crypto key resource name. */
const CRYPTO_KEY_PATTERN = /^projects\/[^/]+\/locations\/[^/]+\/keyRings\/[^/]+\/cryptoKeys\/[^/]+$/;

export interface GkeCmekStorageClassArgs {
    readonly naming: ComponentNaming;
    /** The data layer's provider for the cluster. */
    readonly kubernetesProvider: k8s.Provider;
    /** The foundation's `data` key (`projects/.../cryptoKeys/...`). */
    readonly kmsKeyId: pulumi.Input<string>;
    /** @default "pd-balanced-cmek" */
    readonly storageClassName?: string;
    /** @default "pd-balanced" */
    readonly diskType?: GkeDiskType;
    /** @default "Retain" when the component is protected, else "Delete" */
    readonly reclaimPolicy?: VolumeReclaimPolicy;
}

export class GkeCmekStorageClass extends DataComponent {
    readonly storageClassName: string;

    constructor(name: string, args: GkeCmekStorageClassArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:data:GkeCmekStorageClass", name, args.naming, opts);
        const storageClassName = args.storageClassName ?? DEFAULT_CMEK_STORAGE_CLASS;
        const diskType = args.diskType ?? "pd-balanced";
        const reclaimPolicy = args.reclaimPolicy ?? (this.children.isProtected ? "Retain" : "Delete");
        this.validate(validateGkeCmekStorageClassArgs(args, storageClassName, diskType, reclaimPolicy));
        new k8s.storage.v1.StorageClass(
            this.children.name("class"),
            {
                metadata: {
                    name: storageClassName,
                    annotations: { "storageclass.kubernetes.io/is-default-class": "false" },
                },
                provisioner: GKE_PD_CSI_PROVISIONER,
                parameters: { type: diskType, "disk-encryption-kms-key": args.kmsKeyId, "csi.storage.k8s.io/fstype": "ext4" },
                reclaimPolicy,
                volumeBindingMode: "WaitForFirstConsumer",
                allowVolumeExpansion: true,
            },
            this.children.options({ provider: args.kubernetesProvider }),
        );
        this.storageClassName = storageClassName;
        this.complete("storageClassName");
    }
}

/** Every problem with GkeCmekStorageClass's arguments (`kmsKeyId` only when it is known text). */
export function validateGkeCmekStorageClassArgs(
    args: GkeCmekStorageClassArgs,
    storageClassName: string,
    diskType: string,
    reclaimPolicy: string,
): Issue[] {
    return [
        ...checkPattern(
            "storageClassName",
            storageClassName,
            OBJECT_NAME_PATTERN,
            "a lowercase Kubernetes object name such as pd-balanced-cmek",
        ),
        ...checkOneOf("diskType", diskType, GKE_DISK_TYPES),
        ...checkOneOf("reclaimPolicy", reclaimPolicy, VOLUME_RECLAIM_POLICIES),
        ...(typeof args.kmsKeyId === "string"
            ? checkPattern(
                  "kmsKeyId",
                  args.kmsKeyId,
                  CRYPTO_KEY_PATTERN,
                  "projects/<project>/locations/<location>/keyRings/<ring>/cryptoKeys/<key>",
              )
            : []),
    ];
}
