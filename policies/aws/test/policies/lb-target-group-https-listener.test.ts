import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { lbTargetGroupHttpsListener } from "../../src/policies/lb-target-group-https-listener.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [lbTargetGroupHttpsListener] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, lbTargetGroupHttpsListener, urn, detail);
const TG = "aws:lb/targetGroup:TargetGroup";
const LISTENER = "aws:lb/listener:Listener";
const FIX = "so requests travel unencrypted from the client on; forward to it from an HTTPS listener, or make it HTTPS.";
const TG_ARN = "arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/gw/1";
const forward = (arn: string) => [{ type: "forward", targetGroupArn: arn }];
const redirect = [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }];

describe("aws-lb-target-group-https-listener", () => {
    it("passes an HTTP group behind an HTTPS listener (by dependency, by ARN, through forward.targetGroups), HTTPS and protocol-less groups", async () => {
        const s = new StackFixture();
        const gw = s.custom(TG, "gw", { protocol: "HTTP", port: 80 }, { outputs: { arn: TG_ARN } });
        s.custom(
            LISTENER,
            "https",
            { protocol: "HTTPS", port: 443, defaultActions: forward("unknown") },
            { propertyDependencies: { defaultActions: [gw] } },
        );
        s.custom(LISTENER, "http", { protocol: "HTTP", port: 80, defaultActions: redirect });
        s.custom(TG, "by-arn", { protocol: "HTTP", port: 8080 }, { outputs: { arn: `${TG_ARN}2` } });
        s.custom(LISTENER, "tls", {
            protocol: "HTTPS",
            port: 8443,
            defaultActions: [{ type: "forward", forward: { targetGroups: [{ arn: `${TG_ARN}2` }] } }],
        });
        s.custom(TG, "https-group", { protocol: "HTTPS", port: 443 });
        s.custom(TG, "lambda", { targetType: "lambda" });
        assert.deepEqual(await run(s), []);
    });

    it("flags an HTTP group no listener forwards to, and one only HTTP listeners (protocol set or unset) forward to", async () => {
        const s = new StackFixture();
        const orphan = s.custom(TG, "orphan", { protocol: "HTTP", port: 80 }, { outputs: { arn: `${TG_ARN}3` } });
        const plain = s.custom(TG, "plain", { protocol: "HTTP", port: 80 }, { outputs: { arn: `${TG_ARN}4` } });
        const http = s.custom(LISTENER, "http", { protocol: "HTTP", port: 80, defaultActions: forward(`${TG_ARN}4`) });
        const unset = s.custom(LISTENER, "unset", { port: 8080, defaultActions: forward(`${TG_ARN}4`) });
        assert.deepEqual(await run(s), [
            v(orphan.urn, `HTTP target group orphan-id (${orphan.urn}): no listener of the stack forwards to it, ${FIX}`),
            v(
                plain.urn,
                `HTTP target group plain-id (${plain.urn}): only HTTP listeners forward to it (http-id (${http.urn}), unset-id (${unset.urn})), ${FIX}`,
            ),
        ]);
    });
});
