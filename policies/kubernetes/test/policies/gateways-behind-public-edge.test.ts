import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { StackFixture } from "@platform/policy-kit/harness";
import { gatewaysBehindPublicEdge as policy } from "../../src/policies/gateways-behind-public-edge.js";
import { run, violation } from "../fixtures.js";
import { addGateway } from "../gke-gateway-fixtures.js";

const AWS_INTERNAL = { "service.beta.kubernetes.io/aws-load-balancer-internal": "true" };
const GKE_INTERNAL = { "networking.gke.io/load-balancer-type": "Internal" };
const NLB = { "service.beta.kubernetes.io/aws-load-balancer-type": "nlb" };

/** A stack with the AWS edge: a web ACL attached to the edge's load balancer. */
function awsEdge(): StackFixture {
    const s = new StackFixture({ stack: "prod" });
    s.custom("aws:wafv2/webAclAssociation:WebAclAssociation", "edge-waf", { resourceArn: "arn:alb", webAclArn: "arn:acl" });
    return s;
}

const release = (s: StackFixture, name: string, chart: string, values: Record<string, unknown>) =>
    s.custom("kubernetes:helm.sh/v3:Release", name, { chart, namespace: name, values });
const service = (s: StackFixture, name: string, spec: Record<string, unknown>, annotations?: Record<string, string>) =>
    s.custom("kubernetes:core/v1:Service", name, {
        metadata: { name, namespace: "apps", ...(annotations !== undefined ? { annotations } : {}) },
        spec,
    });

describe(policy.name, () => {
    it("passes what the platform layer renders with the AWS edge: internal NLBs for ingress-nginx and Kong, a ClusterIP Istio gateway", async () => {
        const s = awsEdge();
        release(s, "ingress-nginx", "ingress-nginx", {
            controller: { service: { type: "LoadBalancer", annotations: { ...NLB, ...AWS_INTERNAL } } },
        });
        release(s, "kong", "kong", { proxy: { type: "LoadBalancer", annotations: { ...NLB, ...AWS_INTERNAL } } });
        release(s, "istio-ingressgateway", "gateway", { service: { type: "ClusterIP" } });
        release(s, "cert-manager", "cert-manager", { replicaCount: 2 });
        service(s, "internal-api", { type: "LoadBalancer" }, { "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal" });
        service(s, "api", { type: "ClusterIP" });
        service(s, "plain", {});
        assert.deepEqual(await run(policy, s), []);
    });

    it("without a public edge nothing is judged: dev's public gateways pass", async () => {
        const s = new StackFixture({ stack: "dev" });
        release(s, "kong", "kong", { proxy: { type: "LoadBalancer", annotations: NLB } });
        service(s, "lb", { type: "LoadBalancer" });
        assert.deepEqual(await run(policy, s), []);
    });

    it("flags public gateway charts beside the AWS edge, a type left unset (the charts default to LoadBalancer) included", async () => {
        const s = awsEdge();
        const nginx = release(s, "ingress-nginx", "ingress-nginx", { controller: { service: { type: "LoadBalancer", annotations: NLB } } });
        const kong = release(s, "kong", "kong", {});
        const istio = release(s, "istio-ingressgateway", "gateway", { service: { annotations: GKE_INTERNAL } });
        const accepted =
            "service.beta.kubernetes.io/aws-load-balancer-internal: true or service.beta.kubernetes.io/aws-load-balancer-scheme: internal";
        assert.deepEqual(await run(policy, s), [
            violation(
                policy,
                nginx,
                `ingress-nginx (${nginx.urn}) (chart ingress-nginx) asks for an internet-facing load balancer (values.controller.service) beside the public edge; make it internal (${accepted}) or ClusterIP.`,
            ),
            violation(
                policy,
                kong,
                `kong (${kong.urn}) (chart kong) asks for an internet-facing load balancer (values.proxy) beside the public edge; make it internal (${accepted}) or ClusterIP.`,
            ),
            violation(
                policy,
                istio,
                `istio-ingressgateway (${istio.urn}) (chart gateway) asks for an internet-facing load balancer (values.service) beside the public edge; make it internal (${accepted}) or ClusterIP.`,
            ),
        ]);
    });

    it("flags a LoadBalancer Service beside a public GKE Gateway unless GKE's internal annotation is set (AWS's does not count there)", async () => {
        const s = new StackFixture({ stack: "dr" });
        addGateway(s);
        service(s, "internal", { type: "LoadBalancer" }, GKE_INTERNAL);
        const wrongCloud = service(s, "wrong-cloud", { type: "LoadBalancer" }, AWS_INTERNAL);
        const disabled = service(s, "disabled", { type: "LoadBalancer" }, { "networking.gke.io/load-balancer-type": "External" });
        const accepted = "networking.gke.io/load-balancer-type: Internal or cloud.google.com/load-balancer-type: Internal";
        assert.deepEqual(await run(policy, s), [
            violation(
                policy,
                wrongCloud,
                `Service apps/wrong-cloud is an internet-facing load balancer beside the public edge; make it internal (${accepted}) or ClusterIP.`,
            ),
            violation(
                policy,
                disabled,
                `Service apps/disabled is an internet-facing load balancer beside the public edge; make it internal (${accepted}) or ClusterIP.`,
            ),
        ]);
    });

    it("values unknown in a preview are not judged", async () => {
        const s = awsEdge();
        s.custom("kubernetes:helm.sh/v3:Release", "kong", { chart: "kong" }, { exactOutputs: { chart: "kong", values: pulumi.unknown } });
        s.custom("kubernetes:core/v1:Service", "lb", {}, { exactOutputs: { metadata: { name: "lb" }, spec: pulumi.unknown } });
        assert.deepEqual(await run(policy, s), []);
    });
});
