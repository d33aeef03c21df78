import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { destinationTlsModes, istioNoTlsDisable } from "../../src/policies/istio-no-tls-disable.js";
import { run, violation } from "../fixtures.js";

const rule = (s: StackFixture, name: string, spec: Record<string, unknown>, namespace?: string) =>
    s.custom("kubernetes:networking.istio.io/v1:DestinationRule", name, {
        metadata: { name, ...(namespace !== undefined ? { namespace } : {}) },
        spec,
    });

describe("kubernetes-istio-no-tls-disable", () => {
    it("passes TLS left to Istio (unset), mutual TLS and TLS origination towards a controller", async () => {
        const s = new StackFixture({ stack: "prod" });
        rule(s, "unset", { host: "api.sma.svc.cluster.local", trafficPolicy: { loadBalancer: { simple: "LEAST_REQUEST" } } }, "sma");
        rule(s, "mutual", { host: "api.sma.svc.cluster.local", trafficPolicy: { tls: { mode: "ISTIO_MUTUAL" } } }, "sma");
        rule(
            s,
            "kong-kong-proxy-tls",
            {
                host: "kong-kong-proxy.kong.svc.cluster.local",
                trafficPolicy: { portLevelSettings: [{ port: { number: 443 }, tls: { mode: "SIMPLE" } }] },
            },
            "kong",
        );
        assert.deepEqual(await run(istioNoTlsDisable, s), []);
    });

    it("flags DISABLE on the rule, on a port and in a subset, one violation each, and an unset host", async () => {
        const s = new StackFixture({ stack: "prod" });
        const whole = rule(s, "whole", { host: "api.sma.svc.cluster.local", trafficPolicy: { tls: { mode: "DISABLE" } } }, "sma");
        const mixed = rule(
            s,
            "mixed",
            {
                host: "ingress-nginx-controller.ingress-nginx.svc.cluster.local",
                trafficPolicy: {
                    portLevelSettings: [
                        { port: { number: 443 }, tls: { mode: "SIMPLE" } },
                        { port: { number: 80 }, tls: { mode: "DISABLE" } },
                    ],
                },
                subsets: [{ name: "canary", labels: { track: "canary" }, trafficPolicy: { tls: { mode: "DISABLE" } } }],
            },
            "ingress-nginx",
        );
        const hostless = rule(s, "hostless", { trafficPolicy: { tls: { mode: "DISABLE" } } });
        assert.deepEqual(await run(istioNoTlsDisable, s), [
            violation(
                istioNoTlsDisable,
                whole,
                'DestinationRule sma/whole has spec.trafficPolicy.tls.mode = "DISABLE": requests to api.sma.svc.cluster.local leave the proxy unencrypted. Fix: remove it (Istio\'s mutual TLS is the default), or use SIMPLE towards a server that terminates TLS.',
            ),
            violation(
                istioNoTlsDisable,
                mixed,
                'DestinationRule ingress-nginx/mixed has spec.trafficPolicy.portLevelSettings[1] (port 80).tls.mode = "DISABLE": requests to ingress-nginx-controller.ingress-nginx.svc.cluster.local leave the proxy unencrypted. Fix: remove it (Istio\'s mutual TLS is the default), or use SIMPLE towards a server that terminates TLS.',
            ),
            violation(
                istioNoTlsDisable,
                mixed,
                'DestinationRule ingress-nginx/mixed has spec.subsets[0].trafficPolicy.tls.mode = "DISABLE": requests to ingress-nginx-controller.ingress-nginx.svc.cluster.local leave the proxy unencrypted. Fix: remove it (Istio\'s mutual TLS is the default), or use SIMPLE towards a server that terminates TLS.',
            ),
            violation(
                istioNoTlsDisable,
                hostless,
                'DestinationRule hostless has spec.trafficPolicy.tls.mode = "DISABLE": requests to (unset) leave the proxy unencrypted. Fix: remove it (Istio\'s mutual TLS is the default), or use SIMPLE towards a server that terminates TLS.',
            ),
        ]);
    });

    it("reads every mode set, in order, and none from an empty or unset spec", () => {
        assert.deepEqual(
            destinationTlsModes({
                trafficPolicy: {
                    tls: { mode: "ISTIO_MUTUAL" },
                    portLevelSettings: [{ tls: { mode: "SIMPLE" } }, { port: { number: 9000 } }],
                },
                subsets: [
                    { name: "a" },
                    { name: "b", trafficPolicy: { portLevelSettings: [{ port: { number: 8080 }, tls: { mode: "MUTUAL" } }] } },
                ],
            }),
            [
                { path: "spec.trafficPolicy.tls.mode", mode: "ISTIO_MUTUAL" },
                { path: "spec.trafficPolicy.portLevelSettings[0].tls.mode", mode: "SIMPLE" },
                { path: "spec.subsets[1].trafficPolicy.portLevelSettings[0] (port 8080).tls.mode", mode: "MUTUAL" },
            ],
        );
        assert.deepEqual(destinationTlsModes({}), []);
        assert.deepEqual(destinationTlsModes(undefined), []);
    });
});
