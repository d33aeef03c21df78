import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { ingressTlsOnly } from "../../src/policies/ingress-tls-only.js";
import { run, violation } from "../fixtures.js";

const ingress = (s: StackFixture, name: string, spec: Record<string, unknown>) =>
    s.custom("kubernetes:networking.k8s.io/v1:Ingress", name, { metadata: { name, namespace: "apps" }, spec });
const rule = (host?: string) => ({
    ...(host !== undefined ? { host } : {}),
    http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "api", port: { number: 80 } } } }] },
});

describe("kubernetes-ingress-tls-only", () => {
    it("every host under spec.tls passes; an uncovered host, a rule without a host and unset tls are flagged", async () => {
        const s = new StackFixture({ stack: "prod" });
        ingress(s, "ok", {
            tls: [{ hosts: ["a.example.com", "b.example.com"], secretName: "tls" }],
            rules: [rule("a.example.com"), rule("b.example.com")],
        });
        const partial = ingress(s, "partial", {
            tls: [{ hosts: ["a.example.com"], secretName: "tls" }],
            rules: [rule("a.example.com"), rule("c.example.com"), rule()],
        });
        const none = ingress(s, "none", { rules: [rule("a.example.com")] });
        assert.deepEqual(await run(ingressTlsOnly, s), [
            violation(ingressTlsOnly, partial, "Ingress apps/partial serves c.example.com without TLS; list every host under spec.tls."),
            violation(
                ingressTlsOnly,
                partial,
                "Ingress apps/partial has a rule without a host, which TLS cannot cover; give every rule a host.",
            ),
            violation(ingressTlsOnly, none, "Ingress apps/none has no spec.tls; serve it over TLS."),
        ]);
    });
});
