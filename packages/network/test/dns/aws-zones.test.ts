import * as assert from "node:assert/strict";
import { findResource, ofType, synthesize } from "@platform/synth";
import { AwsDnsZones, type AwsDnsZonesArgs } from "../../src/index.js";

const ZONE = "aws:route53/zone:Zone";

async function synth(args: AwsDnsZonesArgs) {
    return synthesize({
        project: "t",
        stack: "prod",
        program: () => {
            const zones = new AwsDnsZones("dns", args);
            return { publicZoneId: zones.publicZoneId, privateZoneId: zones.privateZoneId, ns: zones.publicNameServers };
        },
    });
}

describe("AwsDnsZones", () => {
    it("public and private zones; the private zone is attached to the VPC", async () => {
        const { resources, outputs } = await synth({
            publicZone: "acme.example.com",
            privateZone: "prod.acme.internal",
            vpcId: "vpc-1",
            protect: true,
        });
        const pub = findResource(resources, ZONE, "dns-public");
        const priv = findResource(resources, ZONE, "dns-private");
        assert.deepEqual(
            [pub.inputs["name"], pub.inputs["vpcs"], pub.inputs["forceDestroy"], pub.protect],
            ["acme.example.com", undefined, false, true],
        );
        assert.deepEqual([priv.inputs["name"], priv.inputs["vpcs"], priv.protect], ["prod.acme.internal", [{ vpcId: "vpc-1" }], true]);
        assert.equal(outputs["publicZoneId"], pub.id);
        assert.equal(outputs["privateZoneId"], priv.id);
        assert.equal((outputs["ns"] as string[]).length, 4);
    });

    it("private only: no public zone, null id and no name servers; unprotected by default", async () => {
        const { resources, outputs } = await synth({ privateZone: "dev.acme.internal", vpcId: "vpc-1" });
        assert.deepEqual(
            ofType(resources, ZONE).map((z) => [z.name, z.protect]),
            [["dns-private", false]],
        );
        assert.deepEqual([outputs["publicZoneId"], outputs["ns"]], [null, []]);
    });

    describe("bad arguments", () => {
        const cases: Array<[string, AwsDnsZonesArgs, RegExp]> = [
            ["neither zone", {}, /Invalid argument publicZone = \(unset\): neither publicZone nor privateZone is set/],
            ["uppercase domain", { publicZone: "Acme.com" }, /publicZone = "Acme.com": not a lowercase domain name/],
            ["private zone without VPC", { privateZone: "x.internal" }, /vpcId = \(unset\): a private zone needs the VPC it answers in/],
        ];
        for (const [label, args, message] of cases) {
            it(`rejects ${label}`, async () => {
                await assert.rejects(synth(args), message);
            });
        }
    });
});
