import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { sslPolicyMinTls } from "../../src/policies/ssl-policy-min-tls.js";
import { runPolicy, violation } from "./data-fixtures.js";

const SSL = "gcp:compute/sSLPolicy:SSLPolicy";

describe("gcp-ssl-policy-min-tls", () => {
    it("passes TLS 1.2 with RESTRICTED or MODERN", async () => {
        const s = new StackFixture();
        s.custom(SSL, "restricted", { minTlsVersion: "TLS_1_2", profile: "RESTRICTED" });
        s.custom(SSL, "modern", { minTlsVersion: "TLS_1_2", profile: "MODERN" });
        assert.deepEqual(await runPolicy(sslPolicyMinTls, s), []);
    });

    it("flags TLS 1.1, the COMPATIBLE profile, and both unset", async () => {
        const s = new StackFixture();
        const old = s.custom(SSL, "old", { minTlsVersion: "TLS_1_1", profile: "RESTRICTED" });
        const compatible = s.custom(SSL, "compatible", { minTlsVersion: "TLS_1_2", profile: "COMPATIBLE" });
        const unset = s.custom(SSL, "unset", {});
        assert.deepEqual(await runPolicy(sslPolicyMinTls, s), [
            violation(sslPolicyMinTls, old.urn, 'SSL policy old sets minTlsVersion: TLS_1_1; set "TLS_1_2".'),
            violation(sslPolicyMinTls, compatible.urn, "SSL policy compatible uses the COMPATIBLE profile; use RESTRICTED or MODERN."),
            violation(sslPolicyMinTls, unset.urn, 'SSL policy unset does not set minTlsVersion (TLS 1.0); set "TLS_1_2".'),
            violation(sslPolicyMinTls, unset.urn, "SSL policy unset does not set profile (COMPATIBLE); use RESTRICTED or MODERN."),
        ]);
    });
});
