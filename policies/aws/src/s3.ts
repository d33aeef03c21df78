/**
 * S3 buckets and the separate resources that configure them (`aws.s3.BucketVersioning`,
 * `...PublicAccessBlock`...): a setting belongs to a bucket through its `bucket` property (matched
 * by property dependency, known name, or dependency). The legacy inline arguments of the bucket
 * itself (`versioning`, `serverSideEncryptionConfiguration`, `lifecycleRules`) count too.
 */
import type { PolicyResource } from "@pulumi/policy";
import { referencedResources, resourcesOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/** Every S3 bucket of the stack (the current and the legacy V2 type). */
export function s3Buckets(resources: readonly PolicyResource[]): PolicyResource[] {
    return resourcesOfTypes(resources, AWS_TYPES.s3Bucket, AWS_TYPES.s3BucketV2);
}

/** The settings resources of `type` that configure `bucket`. */
export function settingsOf(bucket: PolicyResource, resources: readonly PolicyResource[], type: string): PolicyResource[] {
    return resourcesOfTypes(resources, type).filter((setting) => referencedResources(setting, "bucket", [bucket]).length > 0);
}
