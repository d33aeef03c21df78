import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { fieldsAndProblems, findResource, ofType, rejectedIssues, synthesize } from "@platform/synth";
import { AwsDnsZones, type AwsDnsZonesArgs } from "../../src/index.js";

const ZONE = "aws:route53/zone:Zone";
const naming = { project: "acme", environment: "prod" };

async function synth(args: Omit<AwsDnsZonesArgs, "naming">, opts?: pulumi.ComponentResourceOptions) {
    return synthesize({
        project: "t",
        stack: "prod",
        program: () => {
            const zones = new AwsDnsZones("dns", { naming, ...args }, opts);
            return { publicZoneId: zones.publicZoneId, privateZoneId: zones.privateZoneId, ns: zones.publicNameServers };
        },
    });
}

describe("AwsDnsZones", () => {
    it("public and private zones; the private zone is attached to the VPC", async () => {
        const { resources, outputs } = await synth({ publicZone: "acme.example.com", privateZone: "prod.acme.internal", vpcId: "vpc-1" });
        const pub = findResource(resources, ZONE, "dns-public");
        const priv = findResource(resources, ZONE, "dns-private");
        assert.deepEqual(
            [pub.inputs["name"], pub.inputs["vpcs"], pub.inputs["forceDestroy"], pub.inputs["comment"]],
            ["acme.example.com", undefined, false, "Public zone of acme-prod, managed by the platform"],
        );
        assert.deepEqual([priv.inputs["name"], priv.inputs["vpcs"]], ["prod.acme.internal", [{ vpcId: "vpc-1" }]]);
        assert.equal(outputs["publicZoneId"], pub.id);
        assert.equal(outputs["privateZoneId"], priv.id);
        assert.equal((outputs["ns"] as string[]).length, 4);
    });

    it("protect through resource options reaches the zones, which are also retained on delete", async () => {
        const { resources } = await synth(
            { publicZone: "acme.example.com", privateZone: "prod.acme.internal", vpcId: "vpc-1" },
            { protect: true },
        );
        assert.deepEqual(
            ofType(resources, ZONE).map((z) => [z.name, z.protect, z.retainOnDelete]),
            [
                ["dns-public", true, true],
                ["dns-private", true, true],
            ],
        );
    });

    it("private only: no public zone, null id and no name servers; unprotected and not retained by default", async () => {
        const { resources, outputs } = await synth({ privateZone: "dev.acme.internal", vpcId: "vpc-1" });
        assert.deepEqual(
            ofType(resources, ZONE).map((z) => [z.name, z.protect, z.retainOnDelete]),
            [["dns-private", false, false]],
        );
        assert.deepEqual([outputs["publicZoneId"], outputs["ns"]], [null, []]);
    });

    describe("bad arguments", () => {
        const cases: Array<[string, Omit<AwsDnsZonesArgs, "naming">, Array<[string, string]>]> = [
            ["neither zone", {}, [["publicZone", "neither publicZone nor privateZone is set"]]],
            ["uppercase domain", { publicZone: "Acme.com" }, [["publicZone", "is not a lowercase domain name"]]],
            ["private zone without VPC", { privateZone: "x.internal" }, [["vpcId", "a private zone needs the VPC it answers in"]]],
        ];
        for (const [label, args, expected] of cases) {
            it(`rejects ${label}`, async () => {
                assert.deepEqual(fieldsAndProblems(await rejectedIssues(synth(args))), expected);
            });
        }
    });
});
