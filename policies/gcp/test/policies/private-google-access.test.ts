import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { privateGoogleAccess } from "../../src/policies/private-google-access.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [privateGoogleAccess] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, privateGoogleAccess, urn, detail);
const SUBNET = "gcp:compute/subnetwork:Subnetwork";

describe("gcp-private-google-access", () => {
    it("passes when enabled and exempts proxy-only and PSC subnets", async () => {
        const s = new StackFixture();
        s.custom(SUBNET, "nodes", { privateIpGoogleAccess: true });
        s.custom(SUBNET, "proxy", { purpose: "REGIONAL_MANAGED_PROXY" });
        s.custom(SUBNET, "psc", { purpose: "PRIVATE_SERVICE_CONNECT" });
        assert.deepEqual(await run(s), []);
    });

    it("flags it turned off and left unset", async () => {
        const s = new StackFixture();
        const off = s.custom(SUBNET, "off", { privateIpGoogleAccess: false });
        const unset = s.custom(SUBNET, "unset", { purpose: "PRIVATE" });
        assert.deepEqual(await run(s), [
            v(
                off.urn,
                "subnetwork off sets privateIpGoogleAccess: false; set privateIpGoogleAccess: true so instances without external IPs reach Google APIs.",
            ),
            v(
                unset.urn,
                "subnetwork unset does not set privateIpGoogleAccess (off by default); set privateIpGoogleAccess: true so instances without external IPs reach Google APIs.",
            ),
        ]);
    });
});
