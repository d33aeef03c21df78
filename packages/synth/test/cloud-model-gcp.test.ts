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
