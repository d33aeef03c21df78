import type { StackValidationPolicy } from "@pulumi/policy";
import { asNonEmptyString, asRecord, checkov, referencedResources, resourceLabel, resourcesOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

const STORAGE = "storage.googleapis.com/";

/**
 * Log sinks that export to a Cloud Storage bucket write to a bucket whose retention policy is
 * locked (CKV2_GCP_4): audit logs an attacker (or a mistake) can delete before the retention ends
 * are no evidence. The bucket is found in the stack by the sink's `destination`
 * (`storage.googleapis.com/<bucket>`, by reference or by name); a sink to a Cloud Logging bucket,
 * BigQuery or Pub/Sub, or to a bucket of another stack, is not judged (as Checkov does not).
 * Reported on the sink.
 */
export const logSinkBucketLocked: StackValidationPolicy = {
    name: "gcp-log-sink-bucket-locked",
    description: "Log sinks to Cloud Storage write to a bucket with a locked retention policy.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV2_GCP_4: "Ensure that retention policies on log buckets are configured using Bucket Lock" }),
    remediationSteps:
        "Set retentionPolicy: { retentionPeriod: <seconds>, isLocked: true } on the destination bucket (locking is permanent: pick the period first), or export to a Cloud Logging bucket with locked retention.",
    url: "https://cloud.google.com/storage/docs/bucket-lock",
    validateStack: (args, reportViolation) => {
        const buckets = resourcesOfTypes(args.resources, GCP_TYPES.storageBucket);
        for (const sink of resourcesOfTypes(args.resources, GCP_TYPES.loggingProjectSink)) {
            const destination = asNonEmptyString(sink.props["destination"]) ?? "";
            if (!destination.startsWith(STORAGE)) continue;
            const name = destination.slice(STORAGE.length);
            const targets = [
                ...new Set([
                    ...referencedResources(sink, "destination", buckets),
                    ...buckets.filter((b) => asNonEmptyString(b.props["name"]) === name),
                ]),
            ];
            for (const bucket of targets) {
                if (asRecord(bucket.props["retentionPolicy"])?.["isLocked"] === true) continue;
                reportViolation(
                    `log sink ${resourceLabel(sink)} exports to bucket ${bucket.name}, whose retention policy is not locked, so the logs can be deleted; lock it (retentionPolicy.isLocked: true).`,
                    sink.urn,
                );
            }
        }
    },
};
