import * as assert from "node:assert/strict";
import { at } from "@platform/synth";
import { type EnvironmentSynthesis, synthesizeEnvironment } from "@platform/automation";
import "@platform/addons";
import "@platform/observability";
import { PROFILES } from "@platform/core";
import type { InventoryResource } from "@platform/synth";
import { modelOf, validateObject } from "@platform/workload/schemas";
import { REPO_ROOT } from "./paths.js";

const results = new Map<string, Promise<EnvironmentSynthesis>>();
function synth(env: string): Promise<EnvironmentSynthesis> {
    const cached = results.get(env) ?? synthesizeEnvironment({ root: REPO_ROOT, env });
    results.set(env, cached);
    return cached;
}

async function platform(env: string): Promise<InventoryResource[]> {
    const stack = (await synth(env)).stacks.find((s) => s.project === "platform-addons");
    assert.ok(stack, "the platform-addons stack was synthesized");
    return stack.resources;
}

function values(resources: InventoryResource[], name: string): unknown {
    const release = resources.find((r) => r.type === "kubernetes:helm.sh/v3:Release" && r.name === name);
    assert.ok(release, `release ${name}`);
    return release.inputs["values"];
}

describe("platform layer per environment (the profile reaches the add-ons)", () => {
    const want = {
        dev: { releases: 21, issuers: 0, protect: false, system: false, minReplicas: 1 },
        staging: { releases: 22, issuers: 2, protect: false, system: true, minReplicas: 1 },
        prod: { releases: 22, issuers: 2, protect: true, system: true, minReplicas: 2 },
        dr: { releases: 20, issuers: 0, protect: true, system: false, minReplicas: 2 },
    } as const;
    for (const [env, w] of Object.entries(want)) {
        const p = PROFILES[env as keyof typeof PROFILES].platform;
        it(`${env}: ${w.releases} pinned releases, istiod ${p.istiodReplicas}, gateways ${p.ingressGatewayReplicas}/${p.egressGatewayReplicas}, Kong ${p.kongReplicas}, ${w.issuers} ClusterIssuers, protected ${w.protect}`, async () => {
            const resources = await platform(env);
            const releases = resources.filter((r) => r.type === "kubernetes:helm.sh/v3:Release");
            assert.equal(releases.length, w.releases);
            assert.ok(
                releases.every((r) => /^v?\d+\.\d+\.\d+$/.test(String(r.inputs["version"]))),
                "every release is pinned",
            );
            assert.equal(at(values(resources, "istio-istiod"), "pilot", "autoscaleMin"), p.istiodReplicas);
            assert.equal(at(values(resources, "istio-ingress-gateway"), "autoscaling", "minReplicas"), p.ingressGatewayReplicas);
            assert.equal(at(values(resources, "istio-egress-gateway"), "autoscaling", "minReplicas"), p.egressGatewayReplicas);
            assert.equal(at(values(resources, "kong-release"), "replicaCount"), p.kongReplicas);
            assert.equal(at(values(resources, "cert-manager-release"), "replicaCount"), p.controllerReplicas);
            const m = PROFILES[env as keyof typeof PROFILES].monitoring;
            assert.equal(at(values(resources, "monitoring-release"), "prometheus", "prometheusSpec", "replicas"), m.prometheusReplicas);
            assert.equal(at(values(resources, "monitoring-release"), "prometheus", "prometheusSpec", "retention"), `${m.retentionDays}d`);
            assert.equal(
                at(values(resources, "monitoring-release"), "alertmanager", "alertmanagerSpec", "replicas"),
                m.alertmanagerReplicas,
            );
            assert.equal(resources.filter((r) => r.type === "kubernetes:monitoring.coreos.com/v1:PrometheusRule").length, 5);
            const rs = PROFILES[env as keyof typeof PROFILES].runtimeSecurity;
            assert.deepEqual(at(values(resources, "falco-release"), "resources"), {
                requests: { cpu: `${rs.cpuRequestMillicores}m`, memory: `${rs.memoryRequestMiB}Mi` },
                limits: { memory: `${rs.memoryLimitMiB}Mi` },
            });
            assert.equal(at(values(resources, "falco-release"), "driver", "kind"), "modern_ebpf");
            assert.equal(
                at(values(resources, "falco-release"), "falcosidekick", "config", "alertmanager", "hostport"),
                "http://kube-prometheus-stack-alertmanager.monitoring.svc:9093",
            );
            // cluster-admin: the break-glass group's binding and nothing else.
            const adminBindings = resources.filter(
                (r) => r.type.startsWith("kubernetes:rbac.authorization.k8s.io/v1:") && at(r.inputs, "roleRef", "name") === "cluster-admin",
            );
            assert.deepEqual(
                adminBindings.map((r) => at(r.inputs, "subjects")),
                [[{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "platform:break-glass" }]],
            );
            const logs = values(resources, "logs-traces-loki-release");
            assert.equal(at(logs, "deploymentMode"), m.lokiDeploymentMode);
            assert.equal(at(logs, "loki", "limits_config", "retention_period"), `${m.logRetentionDays * 24}h`);
            assert.equal(at(values(resources, "logs-traces-tempo-release"), "tempo", "retention"), `${m.traceRetentionDays * 24}h`);
            assert.equal(at(values(resources, "logs-traces-gateway-release"), "replicaCount"), m.collectorReplicas);
            const buckets = resources.filter(
                (r) =>
                    r.type === (env === "dr" ? "gcp:storage/bucket:Bucket" : "aws:s3/bucket:Bucket") && r.name.startsWith("logs-traces-"),
            );
            assert.equal(buckets.length, 2, "Loki's and Tempo's buckets");
            assert.ok(buckets.every((b) => b.retainOnDelete === w.protect));
            assert.deepEqual(
                at(values(resources, "cert-manager-release"), "nodeSelector"),
                w.system ? { "platform.io/node-pool": "system" } : {},
            );
            assert.equal(resources.filter((r) => r.type === "kubernetes:cert-manager.io/v1:ClusterIssuer").length, w.issuers);
            assert.equal(at(values(resources, "gatekeeper-release"), "replicas"), p.controllerReplicas);
            const minReplicas = resources.find((r) => r.type === "kubernetes:constraints.gatekeeper.sh/v1beta1:K8sPlatformMinReplicas");
            assert.equal(at(minReplicas?.inputs, "spec", "parameters", "min"), w.minReplicas);
            assert.ok(resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:")).every((r) => r.protect === w.protect));
        });
    }

    it("the nightly drift identity (security layer) reads the cluster: EKS admin view at cluster scope, on GKE Secrets through RBAC", async () => {
        for (const env of ["dev", "staging", "prod"]) {
            const resources = await platform(env);
            const view = resources.filter((r) => r.type === "aws:eks/accessPolicyAssociation:AccessPolicyAssociation");
            assert.deepEqual(
                view.map((v) => [
                    v.name,
                    v.inputs["clusterName"],
                    v.inputs["principalArn"],
                    v.inputs["policyArn"],
                    v.inputs["accessScope"],
                ]),
                [
                    [
                        "ci-drift-viewer-view",
                        `acme-${env}-eks`,
                        `arn:aws:iam::111111111111:role/acme-${env}-ci-drift`,
                        "arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminViewPolicy",
                        { type: "cluster" },
                    ],
                ],
                env,
            );
            assert.deepEqual(
                resources.filter((r) => r.type === "aws:eks/accessEntry:AccessEntry").map((e) => [e.name, e.inputs["principalArn"]]),
                [["ci-drift-viewer-entry", `arn:aws:iam::111111111111:role/acme-${env}-ci-drift`]],
                env,
            );
        }
        const dr = await platform("dr");
        const binding = dr.filter(
            (r) => r.type === "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding" && r.name === "ci-drift-reader-binding",
        );
        assert.deepEqual(
            binding.map((b) => b.inputs["subjects"]),
            [[{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "acme-dr-ci-drift@acme-dr-prod.iam.gserviceaccount.com" }]],
        );
        assert.deepEqual(
            dr
                .filter((r) => r.type === "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole" && r.name === "ci-drift-reader-role")
                .map((r) => r.inputs["rules"]),
            [[{ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list", "watch"] }]],
        );
        assert.equal(dr.filter((r) => r.type.startsWith("aws:")).length, 0);
    });

    it("installs the add-ons in one chain, CRDs first: each component depends on the one before", async () => {
        const resources = await platform("prod");
        // The edge's CloudWatch alarms are cloud resources outside the in-cluster chain.
        const components = resources.filter(
            (r) =>
                (r.type.startsWith("platform:addons:") || r.type.startsWith("platform:observability:")) &&
                r.type !== "platform:observability:AwsAlarms",
        );
        assert.deepEqual(
            components.map((c) => c.name),
            [
                "prometheus-crds",
                "cert-manager",
                "metrics-server",
                "keda",
                "istio",
                "ingress-nginx",
                "aws-lb-controller",
                "flagger",
                "external-secrets",
                "external-dns",
                "kong",
                "monitoring",
                "dashboards",
                "logs-traces",
                "gatekeeper",
                "falco",
                "access",
            ],
        );
        // The SDK records a dependency on a component as dependencies on the custom resources under it.
        const under = (root: string) => {
            const urns = new Set([root]);
            for (const r of resources) if (r.parent !== null && urns.has(r.parent)) urns.add(r.urn);
            return resources.filter((r) => r.custom && urns.has(r.urn)).map((r) => r.urn);
        };
        components.slice(1).forEach((c, i) => {
            const previous = components[i];
            assert.ok(previous);
            assert.deepEqual(
                c.dependencies.filter((d) => d.startsWith(previous.urn.split("::").slice(0, 2).join("::"))).sort(),
                under(previous.urn).sort(),
                `${c.name} waits for all of ${previous.name}`,
            );
        });
    });

    it("ExternalDNS writes the private zone only wherever a public edge owns the public zone's names (staging, prod), and every zone it has elsewhere", async () => {
        const want = {
            dev: ["dev.acme.internal"],
            staging: ["staging.acme.internal"],
            prod: ["prod.acme.internal"],
            dr: ["dr.acme.internal"],
        };
        for (const [env, domains] of Object.entries(want)) {
            const dns = values(await platform(env), "external-dns-release");
            assert.deepEqual(at(dns, "domainFilters"), domains, env);
            if (env !== "dr") {
                // Route 53: one --zone-id-filter per zone, so the records stay in the private zone even for a public name.
                const filters = (at(dns, "extraArgs") as string[]).filter((a) => a.startsWith("--zone-id-filter="));
                assert.equal(filters.length, domains.length, env);
            }
        }
        // The public zone is the edge's: its apex and wildcard aliases point at the ALB.
        const prod = await platform("prod");
        const aliases = prod.filter(
            (r) => r.type === "aws:route53/record:Record" && r.name.startsWith("edge-") && r.inputs["type"] === "A",
        );
        assert.deepEqual(
            aliases.map((r) => [r.name, r.inputs["name"]]),
            [
                ["edge-apex", "acme.example.com"],
                ["edge-wildcard", "*.acme.example.com"],
            ],
        );
    });

    it("volumes on a class encrypted with the data key: the cluster's default on EKS, the data layer's CMEK class on GKE", async () => {
        const classes = async (env: string) => {
            const resources = await platform(env);
            const monitoring = values(resources, "monitoring-release");
            return [
                at(monitoring, "prometheus", "prometheusSpec", "storageSpec", "volumeClaimTemplate", "spec", "storageClassName"),
                at(monitoring, "alertmanager", "alertmanagerSpec", "storage", "volumeClaimTemplate", "spec", "storageClassName"),
                at(values(resources, "logs-traces-loki-release"), "write", "persistence", "storageClass"),
                at(values(resources, "logs-traces-tempo-release"), "persistence", "storageClassName"),
            ];
        };
        const dr = await classes("dr");
        assert.deepEqual(dr, ["pd-balanced-cmek", "pd-balanced-cmek", "pd-balanced-cmek", "pd-balanced-cmek"]);
        const prod = await classes("prod");
        assert.ok(
            prod.every((c) => typeof c === "string" && c === prod[0] && c !== "standard-rwo"),
            String(prod),
        );
    });

    it("exports the platform contract", async () => {
        const stack = (await synth("prod")).stacks.find((s) => s.project === "platform-addons");
        const healthCheck = stack?.resources.find((r) => r.type === "aws:route53/healthCheck:HealthCheck");
        assert.deepEqual(stack?.outputs, {
            environment: "prod",
            cloud: "aws",
            ingressClasses: { nginx: "nginx", kong: "kong" },
            clusterIssuers: ["letsencrypt-staging", "letsencrypt-production"],
            secretStore: "platform-secrets",
            kedaTriggerAuthentication: "keda-pod-identity",
            istio: {
                ingressGatewayNamespace: "istio-ingress",
                egressGatewayNamespace: "istio-egress",
                mtlsMode: "STRICT",
                publicGateway: "istio-ingress/public-edge",
            },
            otlp: {
                grpcEndpoint: "otel-gateway.monitoring.svc.cluster.local:4317",
                httpEndpoint: "http://otel-gateway.monitoring.svc.cluster.local:4318",
            },
            charts: {
                "prometheus-operator-crds": "19.0.0",
                "cert-manager": "v1.17.2",
                "metrics-server": "3.12.2",
                "ingress-nginx": "4.12.1",
                keda: "2.17.0",
                base: "1.26.2",
                cni: "1.26.2",
                istiod: "1.26.2",
                gateway: "1.26.2",
                "aws-load-balancer-controller": "1.13.3",
                flagger: "1.41.0",
                "external-secrets": "0.17.0",
                "external-dns": "1.16.1",
                kong: "2.48.0",
                "kube-prometheus-stack": "70.10.0",
                loki: "6.30.1",
                tempo: "1.23.2",
                "opentelemetry-collector": "0.127.2",
                gatekeeper: "3.19.1",
                falco: "7.0.1",
            },
            // prod reserves no address; it fails over to dr's (docs/dr.md).
            publicAddress: null,
            failover: { hostname: "app.acme.example.com", healthCheckId: healthCheck?.id },
            publicLoadBalancer: {
                cloud: "aws",
                arn: "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/acme-prod-edge-alb/e0291e727428c84e",
                dnsName: "acme-prod-edge-alb-666634140.us-east-1.elb.amazonaws.com",
                zoneId: "Z35SXDOTRQ7X7K",
                hostnames: ["acme.example.com", "*.acme.example.com"],
            },
        });
    });

    it("the public edge exists with a public zone (staging, prod) or platform:dr.hostnames (dr), in front of a ClusterIP ingress gateway bound to its target group", async () => {
        for (const env of ["dev", "staging", "prod", "dr"]) {
            const resources = await platform(env);
            const edge = env === "staging" || env === "prod";
            const gateway = at(values(resources, "istio-ingress-gateway"), "service", "type");
            assert.equal(gateway, edge || env === "dr" ? "ClusterIP" : "LoadBalancer", env);
            assert.equal(
                resources.filter((r) => r.type === "kubernetes:gateway.networking.k8s.io/v1:Gateway").length,
                env === "dr" ? 1 : 0,
                env,
            );
            // The ingress gateway accepts the edge's names (publicEdgeHostnames: the rule app stacks use too).
            const istioGateway = resources.find((r) => r.type === "kubernetes:networking.istio.io/v1:Gateway");
            const hosts = {
                dev: undefined,
                staging: ["staging.acme.example.com", "*.staging.acme.example.com"],
                prod: ["acme.example.com", "*.acme.example.com"],
                dr: ["app.acme.example.com"],
            }[env];
            assert.deepEqual(
                at(istioGateway?.inputs, "spec", "servers", 0, "hosts"),
                hosts?.map((h) => `*/${h}`),
                env,
            );
            assert.equal(resources.filter((r) => r.type === "aws:lb/loadBalancer:LoadBalancer").length, edge ? 1 : 0, env);
            assert.equal(
                resources.filter((r) => r.type === "kubernetes:elbv2.k8s.aws/v1beta1:TargetGroupBinding").length,
                edge ? 1 : 0,
                env,
            );
            assert.equal(resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm").length, edge ? 2 : 0, env);
        }
        const prod = await platform("prod");
        const binding = prod.find((r) => r.type === "kubernetes:elbv2.k8s.aws/v1beta1:TargetGroupBinding");
        const targetGroup = prod.find((r) => r.type === "aws:lb/targetGroup:TargetGroup");
        assert.deepEqual(at(binding?.inputs, "spec"), {
            serviceRef: { name: "istio-ingressgateway", port: 80 },
            targetGroupARN: targetGroup?.id,
            targetType: "ip",
        });
        assert.equal(at(binding?.inputs, "metadata", "namespace"), "istio-ingress");
        assert.equal(prod.find((r) => r.type === "aws:lb/loadBalancer:LoadBalancer")?.inputs["enableDeletionProtection"], true);
        const staging = await platform("staging");
        assert.equal(staging.find((r) => r.type === "aws:lb/loadBalancer:LoadBalancer")?.inputs["enableDeletionProtection"], false);
    });

    it("with an edge, ingress-nginx's and Kong's load balancers are internal (staging, prod on EKS; dr on GKE); dev's stay public", async () => {
        const annotations = async (env: string) => {
            const resources = await platform(env);
            return [
                at(values(resources, "ingress-nginx-release"), "controller", "service", "annotations"),
                at(values(resources, "kong-release"), "proxy", "annotations"),
            ];
        };
        const nlb = {
            "service.beta.kubernetes.io/aws-load-balancer-type": "nlb",
            "service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled": "true",
        };
        const internalNlb = { ...nlb, "service.beta.kubernetes.io/aws-load-balancer-internal": "true" };
        const internalGke = { "networking.gke.io/load-balancer-type": "Internal" };
        assert.deepEqual(await Promise.all(["dev", "staging", "prod", "dr"].map(annotations)), [
            [nlb, nlb],
            [internalNlb, internalNlb],
            [internalNlb, internalNlb],
            [internalGke, internalGke],
        ]);
    });
});

describe("every Kubernetes object the platform creates validates against its schema", () => {
    for (const env of ["dev", "staging", "prod", "dr"]) {
        it(`${env}: every object of every stack (Helm releases excepted: Helm checks them)`, async () => {
            const objects = (await synth(env)).stacks
                .flatMap((s) => s.resources)
                .filter((r) => r.custom && r.type.startsWith("kubernetes:") && r.type !== "kubernetes:helm.sh/v3:Release");
            assert.ok(objects.length > 10);
            const problems = objects.flatMap((r) => {
                try {
                    validateObject(r.inputs);
                    return [];
                } catch (err) {
                    return [`${r.urn}: ${(err as Error).message}`];
                }
            });
            assert.deepEqual(problems, []);
        });
    }

    it("a wrong field fails validation, naming the path", () => {
        assert.throws(
            () =>
                validateObject({
                    apiVersion: "security.istio.io/v1",
                    kind: "PeerAuthentication",
                    metadata: { name: "default" },
                    spec: { mtls: { mode: "STRICTEST" } },
                }),
            /mode/,
        );
        assert.equal(
            modelOf("flagger.app/v1beta1", "Canary"),
            undefined,
            "Flagger has no @kubernetes-models package: its Canary is typed by hand (manifests/canary.ts)",
        );
        assert.throws(
            () => validateObject({ apiVersion: "flagger.app/v1beta1", kind: "Canary" }),
            /no schema for flagger.app\/v1beta1\/Canary/,
        );
    });
});
