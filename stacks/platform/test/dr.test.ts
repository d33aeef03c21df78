import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as gcp from "@pulumi/gcp";
import { type AwsSettings, type DnsZoneOutputs, type GcpSettings, parsePlatformConfig } from "@platform/core";
import { ofType, synthesize } from "@platform/synth";
import { dnsFailover, drPublicAddress } from "../src/dr.js";

const TODAY = "2026-12-02";
const base = { project: "acme", team: "platform", costCenter: "cc-1042" };
const failover = {
    hostname: "app.acme.example.com",
    primaryAlias: { dnsName: "acme-prod-public-1.us-east-1.elb.amazonaws.com", zoneId: "Z35SXDOTRQ7X7K" },
    secondaryAddress: "34.18.206.253",
};
const dns: DnsZoneOutputs = {
    publicZoneId: "Z0PUBLIC",
    privateZoneId: null,
    publicZoneName: "acme.example.com",
    privateZoneName: null,
    publicNameServers: [],
};

function prod(extra: Record<string, unknown>): AwsSettings {
    const s = parsePlatformConfig({ ...base, environment: "prod", network: { cidr: "10.30.0.0/16" }, ...extra }, { today: TODAY });
    assert.equal(s.cloud, "aws");
    return s;
}

describe("platform layer: disaster recovery wiring (stacks/platform/src/dr.ts)", () => {
    it("no platform:dr.failover: no records, no health check (the unset case)", async () => {
        const { resources } = await synthesize({
            project: "t",
            stack: "prod",
            program: () => {
                assert.equal(
                    dnsFailover(
                        prod({ dns: { publicZone: "acme.example.com" } }),
                        new aws.Provider("aws", { region: "us-east-1" }),
                        dns,
                        undefined,
                    ),
                    undefined,
                );
                return {};
            },
        });
        assert.deepEqual(
            resources.filter((r) => r.type.startsWith("aws:route53/")),
            [],
        );
    });

    it("with it: one protected health check and two records in the configured zone", async () => {
        const { resources } = await synthesize({
            project: "t",
            stack: "prod",
            program: () => {
                dnsFailover(
                    prod({ dns: { publicZone: "acme.example.com" }, dr: { failover } }),
                    new aws.Provider("aws", { region: "us-east-1" }),
                    dns,
                    undefined,
                );
                return {};
            },
        });
        assert.deepEqual(
            [...ofType(resources, "aws:route53/healthCheck:HealthCheck"), ...ofType(resources, "aws:route53/record:Record")].map((r) => [
                r.type,
                r.protect,
            ]),
            [
                ["aws:route53/healthCheck:HealthCheck", true],
                ["aws:route53/record:Record", true],
                ["aws:route53/record:Record", true],
            ],
        );
        assert.deepEqual(
            ofType(resources, "aws:route53/record:Record").map((r) => r.inputs["zoneId"]),
            ["Z0PUBLIC", "Z0PUBLIC"],
        );
    });

    it("refuses failover without a public zone, in the platform's error format", () => {
        assert.throws(
            () => dnsFailover(prod({ dr: { failover } }), new aws.Provider("aws", { region: "us-east-1" }), dns, undefined),
            /platform:dr\.failover = "app\.acme\.example\.com": fails over a public name, but platform:dns\.publicZone is not set\. Fix: set platform:dns\.publicZone/,
        );
    });

    it("no primary in config and no public edge: refused by name (the edge is the default primary)", () => {
        const { primaryAlias: _alias, ...withoutPrimary } = failover;
        assert.throws(
            () =>
                dnsFailover(
                    prod({ dns: { publicZone: "acme.example.com" }, dr: { failover: withoutPrimary } }),
                    new aws.Provider("aws", { region: "us-east-1" }),
                    dns,
                    undefined,
                ),
            /platform:dr\.failover = "app\.acme\.example\.com": names no primary, and this environment has no public edge to fail over from\. Fix: set platform:dr\.failover\.primaryAlias/,
        );
    });

    it("dr: one regional external address in the stack's region, protected and retained", async () => {
        const dr = parsePlatformConfig(
            { ...base, environment: "dr", gcpProject: "acme-dr-prod", network: { cidr: "10.40.0.0/16" } },
            { today: TODAY },
        ) as GcpSettings;
        const { resources, outputs } = await synthesize({
            project: "t",
            stack: "dr",
            program: () => ({ address: drPublicAddress(dr, new gcp.Provider("gcp", { project: "acme-dr-prod" })).address }),
        });
        const addresses = ofType(resources, "gcp:compute/address:Address");
        assert.deepEqual(
            addresses.map((a) => [a.inputs["name"], a.inputs["region"], a.inputs["addressType"], a.protect, a.retainOnDelete]),
            [["acme-dr-public-address", "us-west1", "EXTERNAL", true, true]],
        );
        assert.equal(outputs["address"], addresses[0].outputs["address"]);
    });
});
