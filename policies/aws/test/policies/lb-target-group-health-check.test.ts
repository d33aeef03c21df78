import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { lbTargetGroupHealthCheck } from "../../src/policies/lb-target-group-health-check.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [lbTargetGroupHealthCheck] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, lbTargetGroupHealthCheck, urn, detail);
const TG = "aws:lb/targetGroup:TargetGroup";
const FIX = "set healthCheck.path to the targets' readiness endpoint, so the load balancer sends traffic only to ready targets.";
const check = { path: "/healthz/ready", port: "15021", protocol: "HTTP", matcher: "200" };

describe("aws-lb-target-group-health-check", () => {
    it("passes HTTP and HTTPS groups with a health check path, and does not judge other protocols or an unset one", async () => {
        const s = new StackFixture();
        s.custom(TG, "http", { protocol: "HTTP", port: 80, targetType: "ip", healthCheck: check });
        s.custom(TG, "https", { protocol: "HTTPS", port: 443, healthCheck: { ...check, enabled: true } });
        s.custom(TG, "tcp", { protocol: "TCP", port: 5432 });
        s.custom(TG, "lambda", { targetType: "lambda" });
        assert.deepEqual(await run(s), []);
    });

    it("flags a missing health check, one without a path, and one switched off", async () => {
        const s = new StackFixture();
        const none = s.custom(TG, "none", { protocol: "HTTP", port: 80 });
        const noPath = s.custom(TG, "no-path", { protocol: "HTTPS", port: 443, healthCheck: { port: "15021", path: "" } });
        const off = s.custom(TG, "off", { protocol: "HTTP", port: 80, healthCheck: { ...check, enabled: false } });
        assert.deepEqual(await run(s), [
            v(none.urn, `HTTP target group none defines no health check; ${FIX}`),
            v(noPath.urn, `HTTPS target group no-path has a health check without a path; ${FIX}`),
            v(off.urn, `HTTP target group off has its health check switched off (enabled: false); ${FIX}`),
        ]);
    });
});
