import * as assert from "node:assert/strict";
import { albHttpsRedirect } from "../../src/policies/alb-https-redirect.js";
import { runPolicy, violation } from "./prod-fixtures.js";
import { edgeStack } from "./alb-fixtures.js";

const redirect = [{ type: "redirect", redirect: { port: "443", protocol: "HTTPS", statusCode: "HTTP_301" } }];

describe("aws-alb-https-redirect", () => {
    it("passes HTTPS listeners and HTTP listeners that redirect to HTTPS", async () => {
        const { s, lb, listener } = edgeStack();
        const alb = lb("alb");
        listener("https", alb, { protocol: "HTTPS", defaultActions: [{ type: "forward", targetGroupArn: "tg" }] });
        listener("http", alb, { protocol: "HTTP", defaultActions: redirect });
        assert.deepEqual(await runPolicy(albHttpsRedirect, s), []);
    });

    it("flags HTTP forwarding, a redirect to HTTP, and an unset protocol with no actions", async () => {
        const { s, lb, listener } = edgeStack();
        const alb = lb("alb");
        const forward = listener("forward", alb, { protocol: "HTTP", defaultActions: [{ type: "forward", targetGroupArn: "tg" }] });
        const toHttp = listener("to-http", alb, {
            protocol: "HTTP",
            defaultActions: [{ type: "redirect", redirect: { protocol: "HTTP", port: "8080" } }],
        });
        const unset = listener("unset", alb, {});
        const fix = "without redirecting to HTTPS; redirect every request to HTTPS or make it an HTTPS listener.";
        assert.deepEqual(await runPolicy(albHttpsRedirect, s), [
            violation(albHttpsRedirect, forward.urn, `listener forward-id (${forward.urn}) serves HTTP ${fix}`),
            violation(albHttpsRedirect, toHttp.urn, `listener to-http-id (${toHttp.urn}) serves HTTP ${fix}`),
            violation(albHttpsRedirect, unset.urn, `listener unset-id (${unset.urn}) serves HTTP ${fix}`),
        ]);
    });

    it("ignores listeners of network load balancers", async () => {
        const { s, lb, listener } = edgeStack();
        listener("tcp", lb("nlb", { loadBalancerType: "network" }), { protocol: "TCP" });
        assert.deepEqual(await runPolicy(albHttpsRedirect, s), []);
    });
});
