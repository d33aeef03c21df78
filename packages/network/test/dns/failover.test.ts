import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { fieldsAndProblems, ofType, rejectedIssues, synthesize } from "@platform/synth";
import { AwsDnsFailover, type AwsDnsFailoverArgs } from "../../src/index.js";

const RECORD = "aws:route53/record:Record";
const CHECK = "aws:route53/healthCheck:HealthCheck";
const naming = { project: "acme", environment: "prod" };
const ALB = { dnsName: "acme-prod-public-123.us-east-1.elb.amazonaws.com", zoneId: "Z35SXDOTRQ7X7K" };
const args: Omit<AwsDnsFailoverArgs, "naming"> = {
    zoneId: "Z0PUBLIC",
    zoneName: "acme.example.com",
    hostname: "app.acme.example.com",
    primary: { alias: ALB },
    secondary: { address: "34.105.10.20" },
};

async function synth(a: Omit<AwsDnsFailoverArgs, "naming">, opts?: pulumi.ComponentResourceOptions) {
    return synthesize({
        project: "t",
        stack: "prod",
        program: () => {
            const f = new AwsDnsFailover("failover", { naming, ...a }, opts);
            return { healthCheckId: f.healthCheckId, fqdn: f.fqdn };
        },
    });
}

describe("AwsDnsFailover", () => {
    it("one HTTPS health check on the primary and a PRIMARY (alias, checked) / SECONDARY (A, 60 s) pair", async () => {
        const { resources, outputs } = await synth(args);
        const [check] = ofType(resources, CHECK);
        assert.deepEqual(ofType(resources, CHECK).length, 1);
        assert.deepEqual(
            ["type", "fqdn", "port", "resourcePath", "failureThreshold", "requestInterval", "enableSni"].map((k) => check.inputs[k]),
            ["HTTPS", ALB.dnsName, 443, "/healthz", 3, 30, true],
        );
        const records = ofType(resources, RECORD).sort((a, b) => a.name.localeCompare(b.name));
        assert.deepEqual(
            records.map((r) => [
                r.name,
                r.inputs["zoneId"],
                r.inputs["name"],
                r.inputs["type"],
                r.inputs["setIdentifier"],
                r.inputs["failoverRoutingPolicies"],
                r.inputs["healthCheckId"],
            ]),
            [
                ["failover-primary", "Z0PUBLIC", "app.acme.example.com", "A", "primary", [{ type: "PRIMARY" }], check.id],
                ["failover-secondary", "Z0PUBLIC", "app.acme.example.com", "A", "secondary", [{ type: "SECONDARY" }], undefined],
            ],
        );
        assert.deepEqual(records[0].inputs["aliases"], [{ name: ALB.dnsName, zoneId: ALB.zoneId, evaluateTargetHealth: true }]);
        assert.deepEqual(
            [records[1].inputs["records"], records[1].inputs["ttl"], records[1].inputs["aliases"]],
            [["34.105.10.20"], 60, undefined],
        );
        assert.deepEqual(outputs, { healthCheckId: check.id, fqdn: "app.acme.example.com" });
    });

    it("protect through resource options reaches every child; nothing is protected without it", async () => {
        const protectedRun = await synth(args, { protect: true });
        assert.deepEqual(
            protectedRun.resources
                .filter((r) => r.custom)
                .map((r) => [r.name, r.protect])
                .sort(),
            [
                ["failover-health", true],
                ["failover-primary", true],
                ["failover-secondary", true],
            ],
        );
        const plain = await synth(args);
        assert.deepEqual(plain.resources.filter((r) => r.custom && r.protect).length, 0);
    });

    it("refuses bad arguments before any resource exists", async () => {
        const issues = await rejectedIssues(
            synth({ ...args, secondary: { address: "192.168.1.1" }, healthCheck: { requestIntervalSeconds: 20 as 30 } }),
        );
        assert.deepEqual(fieldsAndProblems(issues), [
            ["secondary.address", "is not a public address (private, loopback or reserved range)"],
            ["healthCheck.requestIntervalSeconds", "Route 53 checks every 10 or 30 seconds only"],
        ]);
    });

    it("writes the dr certificate's authorization records into the public zone beside the pair", async () => {
        const { resources } = await synth({
            ...args,
            secondaryAuthorizations: [
                { recordName: "_acme-challenge.app.acme.example.com.", recordData: "0a1b2c3d4e5f.9.authorize.certificatemanager.goog." },
            ],
        });
        const cname = ofType(resources, RECORD).filter((r) => r.name.startsWith("failover-secondary-authorization"));
        assert.deepEqual(
            cname.map((r) => [r.name, r.inputs["zoneId"], r.inputs["name"], r.inputs["type"], r.inputs["records"], r.inputs["ttl"]]),
            [
                [
                    "failover-secondary-authorization-1",
                    "Z0PUBLIC",
                    "_acme-challenge.app.acme.example.com.",
                    "CNAME",
                    ["0a1b2c3d4e5f.9.authorize.certificatemanager.goog."],
                    300,
                ],
            ],
        );
        assert.equal(ofType(resources, RECORD).length, 3);
    });
});
