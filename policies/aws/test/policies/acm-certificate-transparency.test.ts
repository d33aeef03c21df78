import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { acmCertificateTransparency } from "../../src/policies/acm-certificate-transparency.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [acmCertificateTransparency] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, acmCertificateTransparency, urn, detail);
const CERT = "aws:acm/certificate:Certificate";
const WHY = "a certificate missing from the transparency logs is rejected by browsers and hides mis-issuance.";

describe("aws-acm-certificate-transparency", () => {
    it("passes ENABLED, no options, and options without the preference", async () => {
        const s = new StackFixture();
        s.custom(CERT, "enabled", { domainName: "a.example.com", options: { certificateTransparencyLoggingPreference: "ENABLED" } });
        s.custom(CERT, "unset", { domainName: "b.example.com" });
        s.custom(CERT, "empty-options", { domainName: "c.example.com", options: {} });
        assert.deepEqual(await run(s), []);
    });

    it("flags DISABLED and any other value", async () => {
        const s = new StackFixture();
        const disabled = s.custom(CERT, "disabled", {
            domainName: "a.example.com",
            options: { certificateTransparencyLoggingPreference: "DISABLED" },
        });
        const lower = s.custom(CERT, "lower", {
            domainName: "b.example.com",
            options: { certificateTransparencyLoggingPreference: "enabled" },
        });
        assert.deepEqual(await run(s), [
            v(
                disabled.urn,
                `ACM certificate disabled has certificateTransparencyLoggingPreference "DISABLED"; remove it or set "ENABLED": ${WHY}`,
            ),
            v(
                lower.urn,
                `ACM certificate lower has certificateTransparencyLoggingPreference "enabled"; remove it or set "ENABLED": ${WHY}`,
            ),
        ]);
    });
});
