/**
 * What each customer-managed key protects. Shared by the AWS and GCP key components: one key per
 * purpose on both clouds, so a grant on one kind of data never opens another.
 */
export const KEY_PURPOSES = ["logs", "data", "secrets", "backups"] as const;

/**
 * - `logs`: log groups / log buckets, flow logs, audit trails.
 * - `data`: databases, caches, brokers and volumes (RDS / Cloud SQL, ElastiCache / Memorystore, EBS / PD).
 * - `secrets`: secret stores and Kubernetes secret envelope encryption.
 * - `backups`: backup buckets and snapshot copies (Velero, database exports).
 */
export type KeyPurpose = (typeof KEY_PURPOSES)[number];
