/**
 * What each customer-managed key protects. Shared by the AWS and GCP key components: one key per
 * purpose on both clouds, so a grant on one kind of data never opens another.
 */
import { checkUnique, type Issue } from "@platform/core";

export const KEY_PURPOSES = ["logs", "data", "secrets", "backups"] as const;

/**
 * - `logs`: log groups / log buckets, flow logs, audit trails.
 * - `data`: databases, caches, brokers and volumes (RDS / Cloud SQL, ElastiCache / Memorystore, EBS / PD).
 * - `secrets`: secret stores and Kubernetes secret envelope encryption.
 * - `backups`: backup buckets and snapshot copies (Velero, database exports).
 */
export type KeyPurpose = (typeof KEY_PURPOSES)[number];

/** Purposes: at least one, each known, each once (shared by the AWS and GCP key components). */
export function checkPurposes(purposes: readonly unknown[]): Issue[] {
    if (purposes.length === 0) {
        return [
            {
                field: "purposes",
                value: purposes,
                problem: "no key purpose given",
                fix: `list at least one of ${KEY_PURPOSES.join(", ")}, or omit it for all`,
            },
        ];
    }
    const unknown = purposes.filter((p) => !(KEY_PURPOSES as readonly unknown[]).includes(p));
    return [
        ...(unknown.length > 0
            ? [
                  {
                      field: "purposes",
                      value: purposes,
                      problem: `unknown purpose ${unknown.join(", ")}`,
                      fix: `use ${KEY_PURPOSES.join(", ")}`,
                  },
              ]
            : []),
        ...checkUnique("purposes", purposes, "purpose (one key per purpose)"),
    ];
}
