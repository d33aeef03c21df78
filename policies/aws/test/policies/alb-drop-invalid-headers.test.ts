import * as assert from "node:assert/strict";
import { albDropInvalidHeaders } from "../../src/policies/alb-drop-invalid-headers.js";
import { runPolicy, violation } from "./prod-fixtures.js";
import { edgeStack, GOOD_LB } from "./alb-fixtures.js";

describe("aws-alb-drop-invalid-headers", () => {
    it("passes dropInvalidHeaderFields with strictest or (unset) defensive desync mitigation; ignores network load balancers", async () => {
        const { s, lb } = edgeStack();
        lb("alb");
        lb("defaults", { dropInvalidHeaderFields: true });
        lb("nlb", { loadBalancerType: "network" });
        assert.deepEqual(await runPolicy(albDropInvalidHeaders, s), []);
    });

    it("flags invalid headers kept (false or unset) and monitor-mode desync mitigation", async () => {
        const { s, lb } = edgeStack();
        const off = lb("off", { ...GOOD_LB, dropInvalidHeaderFields: false });
        const unset = lb("unset", {});
        const monitor = lb("monitor", { ...GOOD_LB, desyncMitigationMode: "monitor" });
        const drop = "does not drop invalid header fields; set dropInvalidHeaderFields: true.";
        assert.deepEqual(await runPolicy(albDropInvalidHeaders, s), [
            violation(albDropInvalidHeaders, off.urn, `load balancer ${off.id} (${off.urn}) ${drop}`),
            violation(albDropInvalidHeaders, unset.urn, `load balancer ${unset.id} (${unset.urn}) ${drop}`),
            violation(
                albDropInvalidHeaders,
                monitor.urn,
                `load balancer ${monitor.id} (${monitor.urn}) uses desync mitigation monitor; use defensive or strictest.`,
            ),
        ]);
    });
});
