import * as assert from "node:assert/strict";
import { fieldsAndProblems, findResource, type InventoryResource, rejectedIssues, synthesize } from "@platform/synth";
import { GcpAuditLogs, type GcpAuditLogsArgs } from "../../src/index.js";

const base: GcpAuditLogsArgs = { naming: { project: "acme", environment: "dr" }, project: "acme-dr-prod", region: "us-west1" };

async function synth(args: GcpAuditLogsArgs, protect = false): Promise<InventoryResource[]> {
    return (
        await synthesize({ project: "t", stack: "dr", program: () => void new GcpAuditLogs("audit", args, protect ? { protect } : {}) })
    ).resources;
}

describe("GcpAuditLogs", () => {
    it("data access audit logs for all services, a sink of every audit log into a log bucket kept a year", async () => {
        const resources = await synth(base, true);
        assert.deepEqual(findResource(resources, "gcp:projects/iAMAuditConfig:IAMAuditConfig", "audit-all-services").inputs, {
            project: "acme-dr-prod",
            service: "allServices",
            auditLogConfigs: [{ logType: "ADMIN_READ" }, { logType: "DATA_READ" }, { logType: "DATA_WRITE" }],
        });
        const bucket = findResource(resources, "gcp:logging/projectBucketConfig:ProjectBucketConfig", "audit-logs");
        assert.deepEqual(
            ["project", "location", "bucketId", "retentionDays", "locked"].map((k) => bucket.inputs[k]),
            ["acme-dr-prod", "us-west1", "acme-dr-audit-logs", 365, false],
        );
        const sink = findResource(resources, "gcp:logging/projectSink:ProjectSink", "audit-audit");
        assert.deepEqual(
            ["name", "destination", "filter", "uniqueWriterIdentity"].map((k) => sink.inputs[k]),
            [
                "acme-dr-audit-audit",
                "logging.googleapis.com/projects/acme-dr-prod/locations/us-west1/buckets/acme-dr-audit-logs",
                'logName:"cloudaudit.googleapis.com"',
                true,
            ],
        );
        assert.deepEqual(
            resources.filter((r) => r.custom && r.retainOnDelete).map((r) => r.type),
            ["gcp:logging/projectBucketConfig:ProjectBucketConfig"],
        );
    });

    it("compliance locks the log bucket; governance and none leave it unlocked", async () => {
        const locked = async (objectLock: GcpAuditLogsArgs["objectLock"]) =>
            findResource(await synth({ ...base, objectLock }), "gcp:logging/projectBucketConfig:ProjectBucketConfig", "audit-logs").inputs[
                "locked"
            ];
        assert.deepEqual([await locked("compliance"), await locked("governance"), await locked("none")], [true, false, false]);
    });

    it("rejects a bad project, a retention out of range and an unknown lock mode", async () => {
        assert.deepEqual(
            fieldsAndProblems(await rejectedIssues(synth({ ...base, project: "X", retentionDays: 5000, objectLock: "x" as never }))),
            [
                ["project", "is not a GCP project id such as acme-dr-prod"],
                ["retentionDays", "must be a whole number from 30 to 3650"],
                ["objectLock", "is not an allowed value"],
            ],
        );
    });
});
