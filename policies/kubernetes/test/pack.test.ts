import * as assert from "node:assert/strict";
import * as path from "node:path";
import { evaluateBothWays, ownershipTags, policyConventionProblems, StackFixture } from "@platform/policy-kit/harness";
import { packName, policies } from "../src/index.js";
import { addWorkload, container, podSpec, without } from "./fixtures.js";

const PACK_DIR = path.resolve(__dirname, "../..");

/** One bad workload and objects that break every other rule. */
function everyViolation() {
    const s = new StackFixture({ stack: "prod" });
    s.awsProvider("aws", ownershipTags("prod"));
    const bad = container({ image: "nginx", securityContext: { privileged: true } });
    addWorkload(
        s,
        "Deployment",
        podSpec({ hostNetwork: true, securityContext: {} }, [
            without("readinessProbe", without("imagePullPolicy", without("resources", bad))),
        ]),
        { app: "api" },
        { replicas: 1 },
    );
    s.custom("kubernetes:core/v1:Service", "lb", { metadata: { name: "lb", namespace: "apps" }, spec: { type: "LoadBalancer" } });
    s.custom("kubernetes:core/v1:Service", "np", { metadata: { name: "np", namespace: "apps" }, spec: { type: "NodePort" } });
    s.custom("kubernetes:policy/v1:PodDisruptionBudget", "pdb", {
        metadata: { name: "pdb", namespace: "apps" },
        spec: { maxUnavailable: 0 },
    });
    s.custom("kubernetes:core/v1:Namespace", "apps", { metadata: { name: "apps" } });
    s.custom("kubernetes:helm.sh/v3:Release", "istiod", { chart: "istiod" });
    s.custom("kubernetes:networking.k8s.io/v1:Ingress", "web", {
        metadata: { name: "web", namespace: "apps" },
        spec: { rules: [{ host: "a.example.com" }] },
    });
    // On ingress-nginx without the mesh upstream annotations.
    s.custom("kubernetes:networking.k8s.io/v1:Ingress", "nginx-web", {
        metadata: { name: "nginx-web", namespace: "apps" },
        spec: {
            ingressClassName: "nginx",
            tls: [{ hosts: ["b.example.com"], secretName: "tls" }],
            rules: [
                { host: "b.example.com", http: { paths: [{ path: "/", backend: { service: { name: "api", port: { number: 80 } } } }] } },
            ],
        },
    });
    // Plaintext towards an app.
    s.custom("kubernetes:networking.istio.io/v1:DestinationRule", "plaintext", {
        metadata: { name: "plaintext", namespace: "apps" },
        spec: { host: "api.apps.svc.cluster.local", trafficPolicy: { tls: { mode: "DISABLE" } } },
    });
    s.custom("kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", "admins", {
        metadata: { name: "admins" },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" },
        subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "developers" }],
    });
    // A public GKE Gateway serving plain HTTP, with no GCPBackendPolicy nor GCPGatewayPolicy.
    s.custom("kubernetes:gateway.networking.k8s.io/v1:Gateway", "edge", {
        metadata: { name: "edge", namespace: "apps" },
        spec: { gatewayClassName: "gke-l7-global-external-managed", listeners: [{ name: "http", protocol: "HTTP", port: 80 }] },
    });
    s.custom("kubernetes:gateway.networking.k8s.io/v1:HTTPRoute", "edge-route", {
        metadata: { name: "edge-route", namespace: "apps" },
        spec: { parentRefs: [{ name: "edge" }], rules: [{ backendRefs: [{ name: "api", port: 80 }] }] },
    });
    return s.build();
}

describe("kubernetes pack", () => {
    it("exports the kubernetes rows of POLICIES.md, all mandatory, with their severities", () => {
        assert.equal(packName, "kubernetes");
        assert.deepEqual(
            policies.map((p) => [p.name, p.enforcementLevel, p.severity]),
            [
                ["kubernetes-no-privileged", "mandatory", "critical"],
                ["kubernetes-run-as-non-root", "mandatory", "high"],
                ["kubernetes-resources-required", "mandatory", "medium"],
                ["kubernetes-no-latest-tag", "mandatory", "medium"],
                ["kubernetes-trusted-registries", "mandatory", "high"],
                ["kubernetes-no-host-namespaces", "mandatory", "high"],
                ["kubernetes-required-labels", "mandatory", "low"],
                ["kubernetes-read-only-root-fs", "mandatory", "medium"],
                ["kubernetes-min-replicas-prod", "mandatory", "high"],
                ["kubernetes-image-pull-policy", "mandatory", "low"],
                ["kubernetes-no-privilege-escalation", "mandatory", "high"],
                ["kubernetes-drop-all-capabilities", "mandatory", "high"],
                ["kubernetes-seccomp-runtime-default", "mandatory", "medium"],
                ["kubernetes-probes-required", "mandatory", "medium"],
                ["kubernetes-no-loadbalancer-service", "mandatory", "high"],
                ["kubernetes-no-nodeport-service", "mandatory", "high"],
                ["kubernetes-pdb-not-zero-disruption", "mandatory", "medium"],
                ["kubernetes-namespace-default-deny", "mandatory", "high"],
                ["kubernetes-namespace-pod-security", "mandatory", "high"],
                ["kubernetes-istio-strict-mtls", "mandatory", "high"],
                ["kubernetes-istio-no-tls-disable", "mandatory", "high"],
                ["kubernetes-ingress-tls-only", "mandatory", "high"],
                ["kubernetes-ingress-nginx-mesh-upstream", "mandatory", "medium"],
                ["kubernetes-no-cluster-admin-binding", "mandatory", "critical"],
                ["kubernetes-gke-gateway-cloud-armor", "mandatory", "high"],
                ["kubernetes-gke-gateway-https-only", "mandatory", "high"],
                ["kubernetes-gateways-behind-public-edge", "mandatory", "high"],
            ],
        );
    });

    it("every policy is named kubernetes-…, carries severity, a Gatekeeper library peer or seed tags, remediation and a url", () => {
        assert.deepEqual(policyConventionProblems(packName, policies), []);
    });

    it("names the Gatekeeper library peers of POLICIES.md", () => {
        const peers = Object.fromEntries(
            policies.map((p) => [p.name, p.framework?.name === "OPA Gatekeeper library" ? p.framework.reference : null]),
        );
        assert.deepEqual(peers, {
            "kubernetes-no-privileged": "K8sPSPPrivilegedContainer",
            "kubernetes-run-as-non-root": "K8sPSPAllowedUsers",
            "kubernetes-resources-required": "K8sContainerLimits, K8sRequiredResources",
            "kubernetes-no-latest-tag": "K8sDisallowedTags, K8sImageDigests",
            "kubernetes-trusted-registries": "K8sAllowedRepos",
            "kubernetes-no-host-namespaces": "K8sPSPHostNamespace, K8sPSPHostNetworkingPorts",
            "kubernetes-required-labels": "K8sRequiredLabels",
            "kubernetes-read-only-root-fs": "K8sPSPReadOnlyRootFilesystem",
            "kubernetes-min-replicas-prod": null,
            "kubernetes-image-pull-policy": null,
            "kubernetes-no-privilege-escalation": "K8sPSPAllowPrivilegeEscalationContainer",
            "kubernetes-drop-all-capabilities": "K8sPSPCapabilities",
            "kubernetes-seccomp-runtime-default": "K8sPSPSeccomp",
            "kubernetes-probes-required": "K8sRequiredProbes",
            "kubernetes-no-loadbalancer-service": "K8sBlockLoadBalancer",
            "kubernetes-no-nodeport-service": "K8sBlockNodePort",
            "kubernetes-pdb-not-zero-disruption": "K8sPodDisruptionBudget",
            "kubernetes-namespace-default-deny": null,
            "kubernetes-namespace-pod-security": null,
            "kubernetes-istio-strict-mtls": null,
            "kubernetes-istio-no-tls-disable": null,
            "kubernetes-ingress-tls-only": "K8sHttpsOnly",
            "kubernetes-ingress-nginx-mesh-upstream": null,
            "kubernetes-no-cluster-admin-binding": null,
            "kubernetes-gke-gateway-cloud-armor": null,
            "kubernetes-gke-gateway-https-only": null,
            "kubernetes-gateways-behind-public-edge": null,
        });
    });

    it("runs as a real policy pack process and reports what evaluatePack reports", async function () {
        this.timeout(30000);
        const viaKit = await evaluateBothWays(PACK_DIR, { name: packName, version: "0.1.0", policies }, everyViolation);
        assert.deepEqual(
            [...new Set(viaKit.map((v) => v.policy))].sort(),
            policies.map((p) => p.name).sort(),
            "the bad workload and the objects beside it break every policy of the pack",
        );
    });
});
