import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { route53FailoverHealthCheck } from "../../src/policies/route53-failover-health-check.js";

const RECORD = "aws:route53/record:Record";
const CHECK = "aws:route53/healthCheck:HealthCheck";
const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [route53FailoverHealthCheck] }, s.build());
const role = (type: string) => ({ failoverRoutingPolicies: [{ type }], name: "app.acme.example.com", type: "A", zoneId: "ZPUBLIC" });

describe("aws-route53-failover-health-check", () => {
    it("passes a primary with an HTTPS check, by reference or by id; secondaries and simple records are not asked", async () => {
        const s = new StackFixture();
        const check = s.custom(CHECK, "health", { type: "HTTPS", id: "hc-1" });
        s.custom(
            RECORD,
            "primary",
            { ...role("PRIMARY"), healthCheckId: pulumi.unknown },
            { propertyDependencies: { healthCheckId: [check] } },
        );
        s.custom(RECORD, "secondary", { ...role("SECONDARY"), records: ["34.105.10.20"] });
        s.custom(RECORD, "www", { name: "www.acme.example.com", type: "CNAME", records: ["app.acme.example.com"] });
        assert.deepEqual(await run(s), []);
        const byId = new StackFixture();
        byId.custom(CHECK, "health", { type: "HTTPS_STR_MATCH", id: "hc-1" });
        byId.custom(RECORD, "primary", { ...role("PRIMARY"), healthCheckId: "hc-1" });
        assert.deepEqual(await run(byId), []);
    });

    it("flags a primary without a health check (the unset case)", async () => {
        const s = new StackFixture();
        const primary = s.custom(RECORD, "primary", role("PRIMARY"));
        assert.deepEqual(await run(s), [
            expectedViolation(
                packName,
                route53FailoverHealthCheck,
                primary.urn,
                `primary failover record primary-id (${primary.urn}) has no health check, so Route 53 never fails over; set healthCheckId to an HTTPS route53.HealthCheck on the primary.`,
            ),
        ]);
    });

    it("flags a primary whose health check is plain HTTP or TCP", async () => {
        for (const type of ["HTTP", "TCP"]) {
            const s = new StackFixture();
            const check = s.custom(CHECK, "health", { type, id: "hc-1" });
            const primary = s.custom(RECORD, "primary", { ...role("PRIMARY"), healthCheckId: "hc-1" });
            assert.deepEqual(await run(s), [
                expectedViolation(
                    packName,
                    route53FailoverHealthCheck,
                    check.urn,
                    `health check hc-1 (${check.urn}) of primary failover record primary-id (${primary.urn}) is of type ${type}; use HTTPS (the application's listener).`,
                ),
            ]);
        }
    });
});
