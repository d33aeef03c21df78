import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { dnsDnssecAlgorithm } from "../../src/policies/dns-dnssec-algorithm.js";

const ZONE = "gcp:dns/managedZone:ManagedZone";

describe("gcp-dns-dnssec-algorithm", () => {
    it("passes RSASHA256 and ECDSA key specs and unset ones; flags RSASHA1 per key", async () => {
        const s = new StackFixture();
        s.custom(ZONE, "ok", {
            dnssecConfig: {
                state: "on",
                defaultKeySpecs: [
                    { algorithm: "rsasha256", keyType: "keySigning" },
                    { algorithm: "ecdsap256sha256", keyType: "zoneSigning" },
                ],
            },
        });
        s.custom(ZONE, "unset", { dnssecConfig: { state: "on" } });
        s.custom(ZONE, "private", { visibility: "private" });
        const weak = s.custom(ZONE, "weak", {
            dnssecConfig: {
                state: "on",
                defaultKeySpecs: [
                    { algorithm: "rsasha1", keyType: "keySigning" },
                    { algorithm: "RSASHA1", keyType: "zoneSigning" },
                ],
            },
        });
        const v = (key: string) =>
            expectedViolation(
                packName,
                dnsDnssecAlgorithm,
                weak.urn,
                `DNS zone weak signs its ${key} key with RSASHA1; use "rsasha256" or "ecdsap256sha256".`,
            );
        assert.deepEqual(await evaluatePack({ name: packName, policies: [dnsDnssecAlgorithm] }, s.build()), [
            v("keySigning"),
            v("zoneSigning"),
        ]);
    });
});
