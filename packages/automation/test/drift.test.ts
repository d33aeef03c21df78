import * as assert from "node:assert/strict";
import type { EngineEvent } from "@pulumi/pulumi/automation/index.js";
import { driftedResource, driftLine, driftSummary, engineExitCode, EXIT, type StackOperationResult } from "../src/index.js";

const VPC = "urn:pulumi:dev::foundation::platform:network:AwsNetwork$aws:ec2/vpc:Vpc::network-vpc";
const ALIAS = "urn:pulumi:dev::foundation::platform:security:AwsKmsKeys$aws:kms/alias:Alias::kms-data";

/** An engine event of a refresh preview for one resource, as the engine sends it. */
function outputs(op: string, urn: string, diffs?: string[], kind: "resOutputsEvent" | "resourcePreEvent" = "resOutputsEvent"): EngineEvent {
    const metadata = { op, urn, type: "aws:ec2/vpc:Vpc", provider: "", ...(diffs === undefined ? {} : { diffs }) };
    return { sequence: 1, timestamp: 0, [kind]: { metadata, planning: true } };
}

function result(project: string, status: StackOperationResult["status"], drift?: StackOperationResult["drift"]): StackOperationResult {
    return { project, stack: "dev", status, summary: "", details: [], ...(drift === undefined ? {} : { drift }) };
}

describe("platform drift: the report of a refresh preview", () => {
    it("an output event that would update or delete a resource is drift, with its changed properties sorted", () => {
        assert.deepEqual(driftedResource(outputs("update", VPC, ["tags", "enableDnsSupport"])), {
            urn: VPC,
            change: "update",
            properties: ["enableDnsSupport", "tags"],
        });
        assert.deepEqual(driftedResource(outputs("delete", ALIAS)), { urn: ALIAS, change: "delete", properties: [] });
    });

    it("same, the refresh steps, reads and pre-events are not drift", () => {
        for (const op of ["same", "refresh", "read"]) {
            assert.equal(driftedResource(outputs(op, VPC)), undefined, op);
        }
        assert.equal(driftedResource(outputs("update", VPC, ["tags"], "resourcePreEvent")), undefined);
        assert.equal(driftedResource({ sequence: 2, timestamp: 0, summaryEvent: undefined }), undefined);
    });

    it("names each resource by type and name, and what changed", () => {
        assert.equal(
            driftLine({ urn: VPC, change: "update", properties: ["enableDnsSupport", "tags"] }),
            "aws:ec2/vpc:Vpc network-vpc: changed outside Pulumi (enableDnsSupport, tags)",
        );
        assert.equal(driftLine({ urn: ALIAS, change: "delete", properties: [] }), "aws:kms/alias:Alias kms-data: deleted outside Pulumi");
        assert.equal(
            driftLine({ urn: VPC, change: "replace", properties: ["cidrBlock"] }),
            "aws:ec2/vpc:Vpc network-vpc: replace on refresh (cidrBlock)",
        );
    });

    it("summarizes a layer: no drift, or the count by change", () => {
        assert.equal(driftSummary([]), "no drift");
        assert.equal(
            driftSummary([{ urn: VPC, change: "update", properties: ["tags"] }]),
            "drift: 1 resource differs from the state (1 update)",
        );
        assert.equal(
            driftSummary([
                { urn: VPC, change: "update", properties: ["tags"] },
                { urn: ALIAS, change: "delete", properties: [] },
                { urn: `${VPC}2`, change: "update", properties: [] },
            ]),
            "drift: 3 resources differ from the state (1 delete, 2 update)",
        );
    });

    it("exit 4 when any layer drifted, 0 when none; failures (3) and violations (1) come first", () => {
        const drifted = [{ urn: VPC, change: "update", properties: ["tags"] }];
        assert.equal(EXIT.drift, 4);
        assert.equal(engineExitCode([result("foundation", "ok", []), result("security", "ok", [])], undefined), 0);
        assert.equal(engineExitCode([result("foundation", "ok", []), result("security", "ok", drifted)], undefined), 4);
        assert.equal(
            engineExitCode(
                [result("foundation", "ok", drifted), result("security", "failed"), result("cluster", "not-started")],
                undefined,
            ),
            3,
        );
        assert.equal(engineExitCode([result("foundation", "ok", drifted), result("security", "violations")], undefined), 1);
        const cancelled = new AbortController();
        cancelled.abort("SIGINT");
        assert.equal(engineExitCode([result("foundation", "ok", drifted), result("security", "cancelled")], cancelled.signal), 130);
    });
});
