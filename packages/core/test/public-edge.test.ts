import * as assert from "node:assert/strict";
import { edgeServes, parsePlatformConfig, publicEdgeHostnames, zoneEdgeHostnames } from "../src/index.js";

const aws = {
    cloud: "aws",
    environment: "staging",
    project: "acme",
    team: "platform",
    costCenter: "cc-1042",
    network: { cidr: "10.20.0.0/16" },
};
const gcp = { ...aws, cloud: "gcp", environment: "dr", gcpProject: "acme-dr-prod", network: { cidr: "10.40.0.0/16" } };
const settings = (raw: Record<string, unknown>) => parsePlatformConfig(raw, { today: "2026-12-02" });

describe("publicEdgeHostnames", () => {
    it("AWS: the public zone's apex and wildcard; none without a public zone", () => {
        assert.deepEqual(publicEdgeHostnames(settings({ ...aws, dns: { publicZone: "staging.acme.example.com" } })), [
            "staging.acme.example.com",
            "*.staging.acme.example.com",
        ]);
        assert.equal(publicEdgeHostnames(settings(aws)), undefined);
        assert.deepEqual(zoneEdgeHostnames("acme.example.com"), ["acme.example.com", "*.acme.example.com"]);
    });

    it("GCP: platform:dr.hostnames; none without them", () => {
        assert.deepEqual(publicEdgeHostnames(settings({ ...gcp, dr: { hostnames: ["app.acme.example.com"] } })), ["app.acme.example.com"]);
        assert.equal(publicEdgeHostnames(settings(gcp)), undefined);
    });
});

describe("edgeServes", () => {
    const hosts = ["acme.example.com", "*.acme.example.com"];
    it("a listed name, or one label under a wildcard; not two labels, not a sibling zone", () => {
        assert.deepEqual(
            ["acme.example.com", "app.acme.example.com", "a.b.acme.example.com", "evilacme.example.com", "example.com"].map((h) =>
                edgeServes(hosts, h),
            ),
            [true, true, false, false, false],
        );
        assert.equal(edgeServes(["app.acme.example.com"], "api.acme.example.com"), false);
        assert.equal(edgeServes([], "acme.example.com"), false);
    });
});
