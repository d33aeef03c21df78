import * as assert from "node:assert/strict";
import { fieldsAndProblems, findResource, ofType, rejectedIssues, synthesize } from "@platform/synth";
import { GcpPublicEdge, type GcpPublicEdgeArgs, validateGcpPublicEdgeArgs } from "../../src/index.js";

const naming = { project: "acme", environment: "dr" };
const base: GcpPublicEdgeArgs = { naming, project: "acme-dr-prod", hostnames: ["app.acme.example.com", "api.acme.example.com"] };

const run = (args: Partial<GcpPublicEdgeArgs> = {}, protect = false) =>
    synthesize({
        project: "t",
        stack: "dr",
        program: () => {
            const e = new GcpPublicEdge("edge", { ...base, ...args }, { protect });
            return {
                address: e.address,
                addressName: e.addressName,
                armor: e.securityPolicyName,
                ssl: e.sslPolicyName,
                map: e.certificateMapName,
                authorizations: e.dnsAuthorizations,
            };
        },
    });

describe("GcpPublicEdge", () => {
    it("a global address, Cloud Armor and SSL policies, one DNS authorization per name, one certificate for all, a map entry per name", async () => {
        const { resources } = await run();
        const address = findResource(resources, "gcp:compute/globalAddress:GlobalAddress", "edge-address");
        assert.deepEqual(
            [address.inputs["name"], address.inputs["project"], address.inputs["addressType"], address.inputs["ipVersion"]],
            ["acme-dr-edge-address", "acme-dr-prod", "EXTERNAL", "IPV4"],
        );
        assert.equal(
            findResource(resources, "gcp:compute/securityPolicy:SecurityPolicy", "edge-security-armor").inputs["name"],
            "acme-dr-edge-security-armor",
        );
        assert.equal(findResource(resources, "gcp:compute/sSLPolicy:SSLPolicy", "edge-security-tls").inputs["minTlsVersion"], "TLS_1_2");
        const auths = ofType(resources, "gcp:certificatemanager/dnsAuthorization:DnsAuthorization");
        assert.deepEqual(
            auths.map((a) => [a.name, a.inputs["name"], a.inputs["domain"]]),
            [
                ["edge-dns-authorization-1", "acme-dr-edge-dns-auth-1", "app.acme.example.com"],
                ["edge-dns-authorization-2", "acme-dr-edge-dns-auth-2", "api.acme.example.com"],
            ],
        );
        const certificate = findResource(resources, "gcp:certificatemanager/certificate:Certificate", "edge-certificate");
        assert.deepEqual(certificate.inputs["managed"], {
            domains: ["app.acme.example.com", "api.acme.example.com"],
            dnsAuthorizations: auths.map((a) => a.id),
        });
        assert.equal(certificate.inputs["scope"], "DEFAULT");
        const map = findResource(resources, "gcp:certificatemanager/certificateMap:CertificateMap", "edge-certificate-map");
        assert.equal(map.inputs["name"], "acme-dr-edge-certmap");
        assert.deepEqual(
            ofType(resources, "gcp:certificatemanager/certificateMapEntry:CertificateMapEntry").map((e) => [
                e.inputs["hostname"],
                e.inputs["map"],
                e.inputs["certificates"],
            ]),
            [
                ["app.acme.example.com", "acme-dr-edge-certmap", [certificate.id]],
                ["api.acme.example.com", "acme-dr-edge-certmap", [certificate.id]],
            ],
        );
        assert.equal(
            resources.filter((r) => r.custom).length,
            9,
            "address, armor, ssl policy, 2 authorizations, certificate, map, 2 entries",
        );
    });

    it("exports the address, the names the Gateway refers to and each name's authorization record", async () => {
        const { outputs, resources } = await run();
        const address = findResource(resources, "gcp:compute/globalAddress:GlobalAddress", "edge-address");
        assert.match(String(outputs["address"]), /^34\.\d+\.\d+\.\d+$/);
        assert.equal(outputs["address"], address.outputs["address"]);
        assert.deepEqual(
            [outputs["addressName"], outputs["armor"], outputs["ssl"], outputs["map"]],
            ["acme-dr-edge-address", "acme-dr-edge-security-armor", "acme-dr-edge-security-tls", "acme-dr-edge-certmap"],
        );
        const records = outputs["authorizations"] as Array<Record<string, string>>;
        assert.deepEqual(
            records.map((r) => [r["domain"], r["recordName"], r["recordType"]]),
            [
                ["app.acme.example.com", "_acme-challenge.app.acme.example.com.", "CNAME"],
                ["api.acme.example.com", "_acme-challenge.api.acme.example.com.", "CNAME"],
            ],
        );
        for (const r of records) assert.match(r["recordData"] ?? "", /^[0-9a-f]{12}\.9\.authorize\.certificatemanager\.goog\.$/);
    });

    it("protected: every child is protected and the address (the failover target) is retained on delete", async () => {
        const { resources } = await run({}, true);
        const custom = resources.filter((r) => r.custom);
        assert.ok(custom.every((r) => r.protect));
        assert.deepEqual(
            custom.filter((r) => r.retainOnDelete).map((r) => r.type),
            ["gcp:compute/globalAddress:GlobalAddress"],
        );
        assert.ok((await run()).resources.filter((r) => r.custom).every((r) => !r.protect && !r.retainOnDelete));
    });

    it("rejects no names, a repeated or malformed name, a bad project and a rate limit out of range, all at once", async () => {
        assert.deepEqual(
            fieldsAndProblems(
                await rejectedIssues(
                    run({
                        project: "X",
                        hostnames: ["app.acme.example.com", "app.acme.example.com", "*.acme.example.com"],
                        rateLimitPer5Minutes: 5,
                    }),
                ),
            ),
            [
                ["project", "is not a GCP project id (6-30 lowercase letters, digits and hyphens, starting with a letter)"],
                ["rateLimitPer5Minutes", "must be a whole number from 100 to 2000000000"],
                ["hostnames", '"app.acme.example.com" listed twice'],
                ["hostnames[2]", "is not a lowercase host name"],
            ],
        );
        assert.deepEqual(fieldsAndProblems(await rejectedIssues(run({ hostnames: [] }))), [
            ["hostnames", "an edge certifies 1 to 20 names (its managed certificate and HTTPS listener need at least one)"],
        ]);
    });

    it("validation accepts the base arguments and 20 names, refuses 21", () => {
        const names = (n: number) => Array.from({ length: n }, (_, i) => `app${i}.acme.example.com`);
        assert.deepEqual(validateGcpPublicEdgeArgs({ project: "acme-dr-prod", hostnames: base.hostnames, rateLimitPer5Minutes: 2000 }), []);
        assert.deepEqual(validateGcpPublicEdgeArgs({ project: "acme-dr-prod", hostnames: names(20), rateLimitPer5Minutes: 2000 }), []);
        assert.deepEqual(
            validateGcpPublicEdgeArgs({ project: "acme-dr-prod", hostnames: names(21), rateLimitPer5Minutes: 2000 }).map((i) => [
                i.field,
                i.value,
            ]),
            [["hostnames", 21]],
        );
    });
});
