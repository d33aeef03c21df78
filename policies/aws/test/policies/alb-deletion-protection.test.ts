import * as assert from "node:assert/strict";
import { albDeletionProtection } from "../../src/policies/alb-deletion-protection.js";
import { runPolicy, violation } from "./prod-fixtures.js";
import { edgeStack, GOOD_LB } from "./alb-fixtures.js";

describe("aws-alb-deletion-protection", () => {
    it("passes protected load balancers in prod, and anything outside production", async () => {
        const prod = edgeStack("prod");
        prod.lb("alb");
        assert.deepEqual(await runPolicy(albDeletionProtection, prod.s), []);
        const staging = edgeStack("staging");
        staging.lb("alb", { ...GOOD_LB, enableDeletionProtection: false });
        assert.deepEqual(await runPolicy(albDeletionProtection, staging.s), []);
    });

    it("flags protection off or unset in dr", async () => {
        const { s, lb } = edgeStack("dr");
        const off = lb("off", { ...GOOD_LB, enableDeletionProtection: false });
        const unset = lb("unset", { loadBalancerType: "application" });
        assert.deepEqual(await runPolicy(albDeletionProtection, s), [
            violation(
                albDeletionProtection,
                off.urn,
                `load balancer ${off.id} (${off.urn}) is in dr but turns off enableDeletionProtection; set enableDeletionProtection: true.`,
            ),
            violation(
                albDeletionProtection,
                unset.urn,
                `load balancer ${unset.id} (${unset.urn}) is in dr but does not set enableDeletionProtection; set enableDeletionProtection: true.`,
            ),
        ]);
    });
});
