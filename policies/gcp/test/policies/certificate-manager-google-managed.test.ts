import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { certificateManagerGoogleManaged } from "../../src/policies/certificate-manager-google-managed.js";
import { runPolicy, violation } from "./data-fixtures.js";

const CERTIFICATE = "gcp:certificatemanager/certificate:Certificate";

describe("gcp-certificate-manager-google-managed", () => {
    it("passes a Google-managed certificate authorized by DNS", async () => {
        const s = new StackFixture();
        s.custom(CERTIFICATE, "edge", {
            managed: { domains: ["app.example.com"], dnsAuthorizations: ["projects/p/locations/global/dnsAuthorizations/a"] },
        });
        assert.deepEqual(await runPolicy(certificateManagerGoogleManaged, s), []);
    });

    it("flags an uploaded certificate and one with neither block; other types are not its concern", async () => {
        const s = new StackFixture();
        const uploaded = s.custom(CERTIFICATE, "uploaded", {
            selfManaged: { pemCertificate: "-----BEGIN CERTIFICATE-----", pemPrivateKey: "[secret]" },
        });
        const neither = s.custom(CERTIFICATE, "neither", { scope: "DEFAULT" });
        s.custom("gcp:certificatemanager/certificateMap:CertificateMap", "map", {});
        assert.deepEqual(await runPolicy(certificateManagerGoogleManaged, s), [
            violation(
                certificateManagerGoogleManaged,
                uploaded.urn,
                "Certificate Manager certificate uploaded is selfManaged: its private key is in Pulumi state and nothing renews it; use managed with DNS authorizations.",
            ),
            violation(
                certificateManagerGoogleManaged,
                neither.urn,
                "Certificate Manager certificate neither sets neither managed nor selfManaged; use managed with DNS authorizations.",
            ),
        ]);
    });
});
