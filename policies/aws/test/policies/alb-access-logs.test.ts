import * as assert from "node:assert/strict";
import { albAccessLogs } from "../../src/policies/alb-access-logs.js";
import { runPolicy, violation } from "./prod-fixtures.js";
import { edgeStack, GOOD_LB } from "./alb-fixtures.js";

describe("aws-alb-access-logs", () => {
    it("passes access logs enabled with a bucket", async () => {
        const { s, lb } = edgeStack();
        lb("alb");
        assert.deepEqual(await runPolicy(albAccessLogs, s), []);
    });

    it("flags no accessLogs, logs not enabled, and no bucket", async () => {
        const { s, lb } = edgeStack();
        const none = lb("none", { ...GOOD_LB, accessLogs: undefined });
        const off = lb("off", { ...GOOD_LB, accessLogs: { bucket: "logs" } });
        const nobucket = lb("nobucket", { ...GOOD_LB, accessLogs: { enabled: true, bucket: "" } });
        const fix = "set accessLogs: { enabled: true, bucket }.";
        assert.deepEqual(await runPolicy(albAccessLogs, s), [
            violation(albAccessLogs, none.urn, `load balancer ${none.id} (${none.urn}) has no accessLogs; ${fix}`),
            violation(albAccessLogs, off.urn, `load balancer ${off.id} (${off.urn}) does not enable accessLogs; ${fix}`),
            violation(albAccessLogs, nobucket.urn, `load balancer ${nobucket.id} (${nobucket.urn}) names no access-log bucket; ${fix}`),
        ]);
    });
});
