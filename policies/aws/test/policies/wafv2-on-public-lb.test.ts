import * as assert from "node:assert/strict";
import { wafv2OnPublicLb } from "../../src/policies/wafv2-on-public-lb.js";
import { runPolicy, violation } from "./prod-fixtures.js";
import { edgeStack, GOOD_LB } from "./alb-fixtures.js";

describe("aws-wafv2-on-public-lb", () => {
    it("passes an internet-facing ALB with an association, and internal or network load balancers without one", async () => {
        const { s, lb, acl, associate } = edgeStack();
        associate("waf", lb("alb"), acl("acl"));
        lb("internal", { ...GOOD_LB, internal: true });
        lb("nlb", { loadBalancerType: "network" });
        assert.deepEqual(await runPolicy(wafv2OnPublicLb, s), []);
    });

    it("flags an internet-facing ALB (internal unset) with no association, even when another ALB has one", async () => {
        const { s, lb, acl, associate } = edgeStack();
        associate("waf", lb("guarded"), acl("acl"));
        const bare = lb("bare", { loadBalancerType: "application" });
        assert.deepEqual(await runPolicy(wafv2OnPublicLb, s), [
            violation(
                wafv2OnPublicLb,
                bare.urn,
                `internet-facing load balancer ${bare.id} (${bare.urn}) has no WAFv2 web ACL association; associate the web ACL.`,
            ),
        ]);
    });
});
