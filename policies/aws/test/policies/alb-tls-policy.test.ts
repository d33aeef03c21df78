import * as assert from "node:assert/strict";
import { albTlsPolicy } from "../../src/policies/alb-tls-policy.js";
import { runPolicy, violation } from "./prod-fixtures.js";
import { edgeStack } from "./alb-fixtures.js";

describe("aws-alb-tls-policy", () => {
    it("passes HTTPS listeners with a TLS13-1-2 or TLS13-1-3 policy, and ignores HTTP listeners", async () => {
        const { s, lb, listener } = edgeStack();
        const alb = lb("alb");
        listener("https", alb, { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" });
        listener("strict", alb, { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06" });
        listener("http", alb, { protocol: "HTTP" });
        assert.deepEqual(await runPolicy(albTlsPolicy, s), []);
    });

    it("flags a TLS 1.2-only policy, a TLS 1.3 policy that still accepts 1.0, and the unset default", async () => {
        const { s, lb, listener } = edgeStack();
        const alb = lb("alb");
        const old = listener("old", alb, { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS-1-2-2017-01" });
        const legacy = listener("legacy", alb, { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-0-2021-06" });
        const unset = listener("unset", alb, { protocol: "HTTPS" });
        const fix = "use ELBSecurityPolicy-TLS13-1-2-2021-06.";
        assert.deepEqual(await runPolicy(albTlsPolicy, s), [
            violation(albTlsPolicy, old.urn, `listener old-id (${old.urn}) uses ELBSecurityPolicy-TLS-1-2-2017-01; ${fix}`),
            violation(albTlsPolicy, legacy.urn, `listener legacy-id (${legacy.urn}) uses ELBSecurityPolicy-TLS13-1-0-2021-06; ${fix}`),
            violation(
                albTlsPolicy,
                unset.urn,
                `listener unset-id (${unset.urn}) does not set sslPolicy (the default ELBSecurityPolicy-2016-08 accepts TLS 1.0); ${fix}`,
            ),
        ]);
    });
});
