/**
 * The platform layer on the real engine: foundation, cluster and platform-addons `up` on the
 * simulated cloud in that order, the platform stack reading the cluster contract and the
 * foundation's zones through stack references resolved by the file backend; its Helm releases as
 * Helm records them, in the install chain's order; a no-change preview; destroy in reverse. The
 * security layer is left out: the platform layer only names its drift role (for the EKS access
 * entry), and the simulated cloud, unlike EKS, does not check that the role exists.
 */
import * as assert from "node:assert/strict";
import { discoverProjects } from "@platform/automation";
import { at } from "@platform/synth";
import type { Stack } from "@pulumi/pulumi/automation/index.js";
import { REPO_ROOT } from "../paths.js";
import { useSimulatedEngine } from "./harness.js";

interface StateResource {
    readonly type: string;
    readonly urn: string;
    readonly inputs?: Record<string, unknown>;
    readonly outputs?: Record<string, unknown>;
}

async function resources(stack: Stack): Promise<StateResource[]> {
    const state = (await stack.exportStack()) as { deployment: { resources?: StateResource[] } };
    return state.deployment.resources ?? [];
}

describe("the platform layer on the real engine (simulated cloud)", function () {
    this.timeout(900_000);
    const { stage } = useSimulatedEngine();
    const project = (name: string) => discoverProjects(REPO_ROOT).find((p) => p.name === name)!;

    it("staging: foundation, cluster and platform-addons up in order, references through the backend, a clean preview, destroy in reverse", async () => {
        const { stack: foundation } = await stage(project("foundation"), "staging");
        const { stack: cluster } = await stage(project("cluster"), "staging");
        const { stack: platform } = await stage(project("platform-addons"), "staging");

        assert.equal((await foundation.up({ color: "never" })).summary.result, "succeeded");
        assert.equal((await cluster.up({ color: "never" })).summary.result, "succeeded");
        const platformUp = await platform.up({ color: "never" });
        assert.equal(platformUp.summary.result, "succeeded");
        const created = platformUp.summary.resourceChanges?.["create"] ?? 0;

        const outputs = await platform.outputs();
        assert.deepEqual(outputs["clusterIssuers"]?.value, ["letsencrypt-staging", "letsencrypt-production"]);
        assert.equal(outputs["secretStore"]?.value, "platform-secrets");
        // Staging has a public zone: the WAF-guarded edge, aliased in that zone, bound to the ingress gateway.
        const edge = outputs["publicLoadBalancer"]?.value as { cloud: string; dnsName: string; hostnames: string[] };
        assert.deepEqual([edge.cloud, edge.hostnames], ["aws", ["staging.acme.example.com", "*.staging.acme.example.com"]]);
        assert.match(edge.dnsName, /\.us-east-1\.elb\.amazonaws\.com$/);

        const state = await resources(platform);
        const releases = state.filter((r) => r.type === "kubernetes:helm.sh/v3:Release");
        // The chain's order, except that the two gateways follow istiod side by side (in either order).
        const installed = releases.map((r) => [
            r.inputs?.["name"],
            r.inputs?.["chart"],
            (r.outputs?.["status"] as Record<string, unknown> | undefined)?.["status"],
        ]);
        // And Loki and Tempo follow the monitoring stack side by side too.
        const byName = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
        const gateways = installed.slice(7, 9).sort(byName);
        // (Loki and Tempo are the 17th and 18th: after kube-prometheus-stack, the 16th.)
        const stores = installed.slice(16, 18).sort(byName);
        assert.deepEqual(
            [...installed.slice(0, 7), ...gateways, ...installed.slice(9, 16), ...stores, ...installed.slice(18)],
            [
                ["prometheus-operator-crds", "prometheus-operator-crds", "deployed"],
                ["cert-manager", "cert-manager", "deployed"],
                ["metrics-server", "metrics-server", "deployed"],
                ["keda", "keda", "deployed"],
                ["istio-base", "base", "deployed"],
                ["istio-cni", "cni", "deployed"],
                ["istiod", "istiod", "deployed"],
                ["istio-egressgateway", "gateway", "deployed"],
                ["istio-ingressgateway", "gateway", "deployed"],
                // After istiod: its webhook gives the controller's pods their mesh sidecar.
                ["ingress-nginx", "ingress-nginx", "deployed"],
                ["aws-load-balancer-controller", "aws-load-balancer-controller", "deployed"],
                ["flagger", "flagger", "deployed"],
                ["external-secrets", "external-secrets", "deployed"],
                ["external-dns", "external-dns", "deployed"],
                ["kong", "kong", "deployed"],
                ["kube-prometheus-stack", "kube-prometheus-stack", "deployed"],
                ["loki", "loki", "deployed"],
                ["tempo", "tempo", "deployed"],
                ["otel-gateway", "opentelemetry-collector", "deployed"],
                ["otel-agent", "opentelemetry-collector", "deployed"],
                ["gatekeeper", "gatekeeper", "deployed"],
                ["falco", "falco", "deployed"],
            ],
        );
        // The reference really came through the backend: the issuers solve DNS-01 in the foundation's public zone.
        const zoneId = ((await foundation.outputs())["dns"]?.value as { publicZoneId: string }).publicZoneId;
        const issuer = state.find((r) => r.type === "kubernetes:cert-manager.io/v1:ClusterIssuer");
        const solvers = (issuer?.inputs?.["spec"] as { acme: { solvers: Array<{ dns01: { route53: { hostedZoneID: string } } }> } }).acme
            .solvers;
        assert.equal(solvers[0]?.dns01.route53.hostedZoneID, zoneId);
        // Values read from a stack with secret outputs arrive as secrets (the kubeconfig is one); the state keeps them encrypted.
        const association = state.find((r) => r.type === "aws:eks/podIdentityAssociation:PodIdentityAssociation");
        const clusterName = association?.inputs?.["clusterName"] as { plaintext?: string } | string | undefined;
        assert.equal(
            typeof clusterName === "object" ? JSON.parse(clusterName.plaintext ?? "null") : clusterName,
            (await cluster.outputs())["clusterName"]?.value,
        );

        // So did the foundation's data key: Loki's and Tempo's buckets are encrypted with it.
        const dataKey = ((await foundation.outputs())["kmsKeyArns"]?.value as { data: string }).data;
        // (The edge's access-log bucket is SSE-S3: load balancer log delivery supports nothing else.)
        const encryption = state.filter(
            (r) =>
                r.type === "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration" &&
                r.urn.includes("logs-traces"),
        );
        assert.equal(encryption.length, 2);
        for (const r of encryption) {
            const rules = r.inputs?.["rules"] as { plaintext?: string } | unknown[];
            const plain = Array.isArray(rules) ? rules : (JSON.parse(rules.plaintext ?? "[]") as unknown[]);
            assert.equal(at(plain, 0, "applyServerSideEncryptionByDefault", "kmsMasterKeyId"), dataKey, r.urn);
        }

        const preview = await platform.preview({ color: "never" });
        assert.deepEqual(Object.keys(preview.changeSummary), ["same"]);

        const platformDown = await platform.destroy({ color: "never" });
        assert.equal(platformDown.summary.resourceChanges?.["delete"], created);
        assert.equal((await cluster.destroy({ color: "never" })).summary.result, "succeeded");
        assert.equal((await foundation.destroy({ color: "never" })).summary.result, "succeeded");
    });
});
