import * as assert from "node:assert/strict";
import { simulateResource } from "../src/index.js";

describe("simulated cloud: GCP collection paths", () => {
    it("puts global and regional addresses under `addresses`, like the Compute API", () => {
        const global = simulateResource({
            type: "gcp:compute/globalAddress:GlobalAddress",
            name: "psa",
            inputs: { project: "p1", name: "acme-dr-psa" },
        });
        assert.equal(global.id, "projects/p1/global/addresses/acme-dr-psa");
        assert.equal(global.state["selfLink"], "https://www.googleapis.com/compute/v1/projects/p1/global/addresses/acme-dr-psa");
        const regional = simulateResource({
            type: "gcp:compute/address:Address",
            name: "ip",
            inputs: { project: "p1", name: "lb", region: "us-west1" },
        });
        assert.equal(regional.id, "projects/p1/regions/us-west1/addresses/lb");
    });

    it("keeps the regular `<type>s` collection for other types", () => {
        const subnet = simulateResource({
            type: "gcp:compute/subnetwork:Subnetwork",
            name: "s",
            inputs: { project: "p1", name: "sub", region: "us-west1" },
        });
        assert.equal(subnet.id, "projects/p1/regions/us-west1/subnetworks/sub");
    });
});

describe("simulated cloud: the GCP public edge", () => {
    it("a reserved external global address gets a public IPv4 address, like a regional one", () => {
        const global = simulateResource({
            type: "gcp:compute/globalAddress:GlobalAddress",
            name: "edge-address",
            inputs: { project: "p1", name: "acme-dr-edge-address", addressType: "EXTERNAL" },
        });
        assert.match(String(global.state["address"]), /^34\.\d+\.\d+\.\d+$/);
        const given = simulateResource({
            type: "gcp:compute/globalAddress:GlobalAddress",
            name: "psa",
            inputs: { project: "p1", name: "psa", addressType: "INTERNAL", address: "10.40.64.0" },
        });
        assert.equal(given.state["address"], "10.40.64.0", "an address given in the inputs is kept");
    });

    it("a DNS authorization reports the _acme-challenge CNAME its domain's zone must carry; certificates and maps live under locations/global", () => {
        const auth = simulateResource({
            type: "gcp:certificatemanager/dnsAuthorization:DnsAuthorization",
            name: "a",
            inputs: { project: "p1", name: "acme-dr-edge-dns-auth-1", domain: "app.acme.example.com" },
        });
        assert.equal(auth.id, "projects/p1/locations/global/dnsAuthorizations/acme-dr-edge-dns-auth-1");
        const [record] = auth.state["dnsResourceRecords"] as Array<Record<string, string>>;
        assert.deepEqual([record?.["name"], record?.["type"]], ["_acme-challenge.app.acme.example.com.", "CNAME"]);
        assert.match(record?.["data"] ?? "", /^[0-9a-f]{12}\.9\.authorize\.certificatemanager\.goog\.$/);
        const map = simulateResource({
            type: "gcp:certificatemanager/certificateMap:CertificateMap",
            name: "m",
            inputs: { project: "p1", name: "map" },
        });
        assert.equal(map.id, "projects/p1/locations/global/certificateMaps/map");
        const entry = simulateResource({
            type: "gcp:certificatemanager/certificateMapEntry:CertificateMapEntry",
            name: "e",
            inputs: { project: "p1", name: "entry", map: "map" },
        });
        assert.equal(entry.id, "projects/p1/locations/global/certificateMaps/map/certificateMapEntries/entry");
    });
});
