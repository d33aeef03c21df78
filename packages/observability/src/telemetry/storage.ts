/**
 * Where Loki and Tempo keep their data, per cloud, as the charts' values need it: an S3 bucket in
 * the stack's region (credentials from EKS Pod Identity: no keys in values) or a GCS bucket
 * (credentials from Workload Identity).
 */
export type ObjectStore =
    { readonly cloud: "aws"; readonly bucket: string; readonly region: string } | { readonly cloud: "gcp"; readonly bucket: string };

/** Loki's and Tempo's name for the backend. */
export function backendOf(store: ObjectStore): "s3" | "gcs" {
    return store.cloud === "aws" ? "s3" : "gcs";
}
