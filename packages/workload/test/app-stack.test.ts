import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { synthesize } from "@platform/synth";
import { appStack } from "../src/index.js";

const config = (publicZone?: string) => ({
    "platform:environment": "staging",
    "platform:project": "acme",
    "platform:team": "platform",
    "platform:costCenter": "1042",
    "platform:network": JSON.stringify({ cidr: "10.20.0.0/16" }),
    ...(publicZone !== undefined ? { "platform:dns": JSON.stringify({ publicZone }) } : {}),
});
const cluster = {
    clusterName: "acme-staging-eks",
    clusterArn: "arn:aws:eks:us-east-1:111111111111:cluster/acme-staging-eks",
    kubeconfig: "{}",
};
const HOSTS = ["app.staging.acme.example.com", "staging.acme.example.com", "a.b.staging.acme.example.com", "app.example.org"];

/** `publicGateway(host)` for each of HOSTS: the gateway, or null where the edge does not serve the host. */
function gateways(publicZone: string | undefined, publicGateway: string | null) {
    return synthesize({
        project: "shop",
        stack: "staging",
        config: config(publicZone),
        cloud: { stackOutputs: { "cluster/staging": cluster, "platform-addons/staging": { istio: { publicGateway } } } },
        program: () => {
            const app = appStack("shop");
            return { gateways: pulumi.all(HOSTS.map((h) => app.publicGateway(h) ?? null)) };
        },
    }).then((r) => r.outputs["gateways"]);
}

describe("appStack", () => {
    it("publicGateway(host): the platform's edge Gateway for the zone's apex and one label under it, undefined for other names", async () => {
        assert.deepEqual(await gateways("staging.acme.example.com", "istio-ingress/public-edge"), [
            "istio-ingress/public-edge",
            "istio-ingress/public-edge",
            null,
            null,
        ]);
    });

    it("publicGateway(host): undefined everywhere without a public zone (no edge), the platform contract unread", async () => {
        assert.deepEqual(await gateways(undefined, null), [null, null, null, null]);
    });

    it("fails the deployment, naming the output and the fix, when the edge serves the host but the platform layer exports no gateway", async () => {
        await assert.rejects(gateways("staging.acme.example.com", null), (err: Error) => {
            assert.match(
                err.message,
                /platform-addons\/staging istio\.publicGateway = null: the edge of environment staging serves app\.staging\.acme\.example\.com, but the platform layer exports no gateway for it\. Fix: deploy the platform layer first/,
            );
            return true;
        });
    });
});
