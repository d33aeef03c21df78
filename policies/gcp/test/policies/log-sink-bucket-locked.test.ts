import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { logSinkBucketLocked } from "../../src/policies/log-sink-bucket-locked.js";

const SINK = "gcp:logging/projectSink:ProjectSink";
const BUCKET = "gcp:storage/bucket:Bucket";

describe("gcp-log-sink-bucket-locked", () => {
    it("passes a sink to a locked bucket, to a Logging bucket, and to a bucket outside the stack", async () => {
        const s = new StackFixture();
        s.custom(BUCKET, "locked", { name: "audit-locked", retentionPolicy: { retentionPeriod: 31536000, isLocked: true } });
        s.custom(SINK, "to-locked", { destination: "storage.googleapis.com/audit-locked" });
        s.custom(SINK, "to-logging", { destination: "logging.googleapis.com/projects/p/locations/us-west1/buckets/audit" });
        s.custom(SINK, "elsewhere", { destination: "storage.googleapis.com/another-project-bucket" });
        assert.deepEqual(await evaluatePack({ name: packName, policies: [logSinkBucketLocked] }, s.build()), []);
    });

    it("flags a sink to a bucket whose retention is not locked, or unset", async () => {
        const s = new StackFixture();
        s.custom(BUCKET, "unlocked", { name: "audit-unlocked", retentionPolicy: { retentionPeriod: 31536000, isLocked: false } });
        s.custom(BUCKET, "none", { name: "audit-none" });
        const a = s.custom(SINK, "to-unlocked", { destination: "storage.googleapis.com/audit-unlocked" }, { id: "to-unlocked" });
        const b = s.custom(SINK, "to-none", { destination: "storage.googleapis.com/audit-none" }, { id: "to-none" });
        const v = (r: { urn: string }, id: string, bucket: string) =>
            expectedViolation(
                packName,
                logSinkBucketLocked,
                r.urn,
                `log sink ${id} (${r.urn}) exports to bucket ${bucket}, whose retention policy is not locked, so the logs can be deleted; lock it (retentionPolicy.isLocked: true).`,
            );
        assert.deepEqual(await evaluatePack({ name: packName, policies: [logSinkBucketLocked] }, s.build()), [
            v(a, "to-unlocked", "unlocked"),
            v(b, "to-none", "none"),
        ]);
    });
});
