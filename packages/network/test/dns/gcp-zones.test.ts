import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { countByType, type InventoryResource, rejectedIssues, synthesize, type SynthesisResult } from "@platform/synth";
import { describeValue } from "@platform/core";
import { GcpDnsZones, type GcpDnsZonesArgs } from "../../src/index.js";

const ZONE = "gcp:dns/managedZone:ManagedZone";
const COMPONENT = "platform:network:GcpDnsZones";
const NETWORK_SELF_LINK = "https://www.googleapis.com/compute/v1/projects/acme-dr-prod/global/networks/acme-dr-vpc";
const BASE = { project: "acme-dr-prod", naming: { project: "acme", environment: "dr" } } as const;

function synth(args: GcpDnsZonesArgs, name = "dns", opts?: pulumi.ComponentResourceOptions): Promise<SynthesisResult> {
    return synthesize({
        project: "platform",
        stack: "test",
        program: () => {
            const zones = new GcpDnsZones(name, args, opts);
            return {
                publicZoneId: zones.publicZoneId,
                privateZoneId: zones.privateZoneId,
                publicZoneName: zones.publicZoneName,
                privateZoneName: zones.privateZoneName,
                publicNameServers: zones.publicNameServers,
                publicDnsName: zones.publicDnsName ?? "(none)",
                privateDnsName: zones.privateDnsName ?? "(none)",
            };
        },
    });
}

function zone(resources: readonly InventoryResource[], name: string): InventoryResource {
    const found = resources.filter((r) => r.type === ZONE && r.name === name);
    assert.equal(found.length, 1, `expected one zone named ${name}`);
    return found[0];
}

async function rejectsArgument(args: unknown, field: string, value: string, problem: string): Promise<void> {
    const issues = await rejectedIssues(synth(args as GcpDnsZonesArgs));
    assert.deepEqual(
        issues.map((i) => [i.field, describeValue(i.value), i.problem, i.fix.length > 0]),
        [[field, value, problem, true]],
    );
}

const PUBLIC_INPUTS = (component = "dns") => ({
    project: "acme-dr-prod",
    name: `acme-dr-${component}-public`,
    dnsName: "example.com.",
    description: "Public zone managed by the platform",
    visibility: "public",
    dnssecConfig: { state: "on", nonExistence: "nsec3" },
    cloudLoggingConfig: { enableLogging: true },
    forceDestroy: false,
});
const PRIVATE_INPUTS = (component = "dns") => ({
    project: "acme-dr-prod",
    name: `acme-dr-${component}-private`,
    dnsName: "dr.internal.",
    description: "Private zone managed by the platform",
    visibility: "private",
    privateVisibilityConfig: { networks: [{ networkUrl: NETWORK_SELF_LINK }] },
    forceDestroy: false,
});

describe("GcpDnsZones", () => {
    it("public only: one DNSSEC-signed public zone, name servers, null private outputs", async () => {
        const { resources, outputs } = await synth({ ...BASE, publicZone: "example.com" });
        assert.deepEqual(countByType(resources), [
            { type: ZONE, count: 1 },
            { type: COMPONENT, count: 1 },
            { type: "pulumi:pulumi:Stack", count: 1 },
        ]);
        assert.deepEqual(zone(resources, "dns-public").inputs, PUBLIC_INPUTS());
        assert.deepEqual(outputs, {
            publicZoneId: "projects/acme-dr-prod/managedZones/acme-dr-dns-public",
            privateZoneId: null,
            publicZoneName: "acme-dr-dns-public",
            privateZoneName: null,
            publicNameServers: [1, 2, 3, 4].map((n) => `ns-cloud-${n}.simulated-dns.invalid.`),
            publicDnsName: "example.com.",
            privateDnsName: "(none)",
        });
    });

    it("private only: one private zone bound to the network, no name servers", async () => {
        const { resources, outputs } = await synth({
            ...BASE,
            privateZone: "dr.internal",
            networkSelfLink: pulumi.output(NETWORK_SELF_LINK),
        });
        assert.deepEqual(countByType(resources), [
            { type: ZONE, count: 1 },
            { type: COMPONENT, count: 1 },
            { type: "pulumi:pulumi:Stack", count: 1 },
        ]);
        assert.deepEqual(zone(resources, "dns-private").inputs, PRIVATE_INPUTS());
        assert.deepEqual(outputs, {
            publicZoneId: null,
            privateZoneId: "projects/acme-dr-prod/managedZones/acme-dr-dns-private",
            publicZoneName: null,
            privateZoneName: "acme-dr-dns-private",
            publicNameServers: [],
            publicDnsName: "(none)",
            privateDnsName: "dr.internal.",
        });
    });

    it("both: two zones, each a child of the component with a name derived from it", async () => {
        const { resources } = await synth(
            { ...BASE, publicZone: "example.com", privateZone: "dr.internal", networkSelfLink: NETWORK_SELF_LINK },
            "edge",
        );
        const component = resources.find((r) => r.type === COMPONENT);
        assert.ok(component);
        assert.deepEqual(zone(resources, "edge-public").inputs, PUBLIC_INPUTS("edge"));
        assert.deepEqual(zone(resources, "edge-private").inputs, PRIVATE_INPUTS("edge"));
        for (const child of resources.filter((r) => r.custom)) {
            assert.equal(child.parent, component.urn);
            assert.equal(child.protect, false);
        }
    });

    it("protect through resource options protects both zones and retains them on delete", async () => {
        const { resources } = await synth(
            { ...BASE, publicZone: "example.com", privateZone: "dr.internal", networkSelfLink: NETWORK_SELF_LINK },
            "dns",
            {
                protect: true,
            },
        );
        assert.deepEqual(
            resources
                .filter((r) => r.custom)
                .map((r) => [r.name, r.protect, r.retainOnDelete])
                .sort(),
            [
                ["dns-private", true, true],
                ["dns-public", true, true],
            ],
        );
    });

    it("accepts a trailing dot on a zone name", async () => {
        const { resources } = await synth({ ...BASE, publicZone: "example.com." });
        assert.equal(zone(resources, "dns-public").inputs["dnsName"], "example.com.");
    });

    describe("bad arguments", () => {
        it("neither zone", async () => {
            await rejectsArgument({ ...BASE }, "publicZone", "(unset)", "neither publicZone nor privateZone is set");
        });

        it("a public zone that is not a domain name", async () => {
            await rejectsArgument({ ...BASE, publicZone: "Example.COM" }, "publicZone", '"Example.COM"', "is not a lowercase domain name");
        });

        it("a private zone that is not a domain name", async () => {
            await rejectsArgument(
                { ...BASE, privateZone: "internal", networkSelfLink: NETWORK_SELF_LINK },
                "privateZone",
                '"internal"',
                "is not a lowercase domain name",
            );
        });

        it("a private zone without a network", async () => {
            await rejectsArgument(
                { ...BASE, privateZone: "dr.internal" },
                "networkSelfLink",
                "(unset)",
                "a private zone needs the network it answers in",
            );
        });

        it("a project that is not a GCP project id", async () => {
            await rejectsArgument(
                { ...BASE, project: "x", publicZone: "example.com" },
                "project",
                '"x"',
                "is not a GCP project id (6-30 lowercase letters, digits and hyphens, starting with a letter)",
            );
        });

        it("a naming part that is not a name segment", async () => {
            await rejectsArgument(
                { ...BASE, naming: { project: "acme", environment: "DR" }, publicZone: "example.com" },
                "naming.environment",
                '"DR"',
                "is not a name segment",
            );
        });
    });
});
