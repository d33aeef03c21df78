import * as assert from "node:assert/strict";
import {
    at,
    countByType,
    fieldsAndProblems,
    findResource,
    listAt,
    ofType,
    rejectedIssues,
    synthesize,
    type InventoryResource,
} from "@platform/synth";
import {
    checkImage,
    kongMeshUpstream,
    nginxMeshUpstream,
    PlatformNamespace,
    SEED_CANARY_ANALYSIS,
    validateWorkloadIngressArgs,
    Workload,
    type WorkloadArgs,
    workloadIngress,
    type WorkloadIngressArgs,
} from "../src/index.js";

const base: WorkloadArgs = {
    naming: { project: "acme", environment: "prod" },
    namespace: "docuthinker",
    team: "docs",
    image: "ghcr.io/docuthinker/backend:1.4.2",
    version: "1.4.2",
    trustedRegistries: ["ghcr.io", "*.dkr.ecr.*.amazonaws.com"],
    port: 8080,
    resources: { requests: { cpu: "500m", memory: "512Mi" }, limits: { cpu: "1", memory: "1Gi" } },
    health: { readinessPath: "/readyz", livenessPath: "/healthz" },
    minReplicasFloor: 2,
    identity: {
        cluster: { cloud: "aws", clusterName: "acme-prod-eks", clusterArn: "arn:aws:eks:us-east-1:111111111111:cluster/acme-prod-eks" },
    },
};

async function synth(args: WorkloadArgs, stack = "prod"): Promise<InventoryResource[]> {
    return (await synthesize({ project: "t", stack, program: () => void new Workload("backend", args) })).resources;
}

const k8s = (resources: InventoryResource[]) => countByType(resources.filter((r) => r.type.startsWith("kubernetes:")));

describe("Workload", () => {
    it("by default: ServiceAccount, Deployment, Service, HPA, PDB, NetworkPolicy, ServiceMonitor and a Pod Identity role", async () => {
        const resources = await synth(base);
        assert.deepEqual(k8s(resources), [
            { type: "kubernetes:apps/v1:Deployment", count: 1 },
            { type: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", count: 1 },
            { type: "kubernetes:core/v1:Service", count: 1 },
            { type: "kubernetes:core/v1:ServiceAccount", count: 1 },
            { type: "kubernetes:monitoring.coreos.com/v1:ServiceMonitor", count: 1 },
            { type: "kubernetes:networking.k8s.io/v1:NetworkPolicy", count: 1 },
            { type: "kubernetes:policy/v1:PodDisruptionBudget", count: 1 },
        ]);
        const association = findResource(
            resources,
            "aws:eks/podIdentityAssociation:PodIdentityAssociation",
            "backend-identity-association",
        );
        assert.deepEqual(
            [association.inputs["namespace"], association.inputs["serviceAccount"], association.inputs["clusterName"]],
            ["docuthinker", "backend", "acme-prod-eks"],
        );
    });

    it("the Service: ClusterIP on the named http port, and Kong sends to it by name through its mesh sidecar", async () => {
        const service = findResource(await synth(base), "kubernetes:core/v1:Service", "backend-service");
        assert.deepEqual(at(service.inputs, "metadata", "annotations"), {
            "ingress.kubernetes.io/service-upstream": "true",
            "konghq.com/host-header": "backend.docuthinker.svc.cluster.local",
        });
        assert.deepEqual(at(service.inputs, "spec"), {
            type: "ClusterIP",
            selector: { app: "backend" },
            ports: [{ name: "http", port: 8080, targetPort: "http", protocol: "TCP", appProtocol: "http" }],
        });
    });

    it("nginxMeshUpstream and kongMeshUpstream name the Service's in-cluster host", () => {
        assert.deepEqual(nginxMeshUpstream("api", "sma"), {
            "nginx.ingress.kubernetes.io/service-upstream": "true",
            "nginx.ingress.kubernetes.io/upstream-vhost": "api.sma.svc.cluster.local",
        });
        assert.deepEqual(kongMeshUpstream("api", "sma"), {
            "ingress.kubernetes.io/service-upstream": "true",
            "konghq.com/host-header": "api.sma.svc.cluster.local",
        });
    });

    it("the Deployment: the four labels, a hardened pod, resources, probes, zone spread, no replicas (the HPA owns them)", async () => {
        const deployment = findResource(await synth(base), "kubernetes:apps/v1:Deployment", "backend-deployment");
        const spec = deployment.inputs["spec"];
        const labels = {
            app: "backend",
            version: "1.4.2",
            environment: "prod",
            team: "docs",
            "platform.io/workload": "backend",
            "app.kubernetes.io/managed-by": "pulumi",
        };
        assert.deepEqual((deployment.inputs["metadata"] as Record<string, unknown>)["labels"], labels);
        assert.deepEqual(at(spec, "template", "metadata", "labels"), labels);
        assert.equal(at(spec, "replicas"), undefined);
        assert.deepEqual(at(spec, "selector"), { matchLabels: { app: "backend" } });
        const pod = at(spec, "template", "spec");
        assert.deepEqual(at(pod, "securityContext"), {
            runAsNonRoot: true,
            runAsUser: 10001,
            runAsGroup: 10001,
            fsGroup: 10001,
            seccompProfile: { type: "RuntimeDefault" },
        });
        assert.equal(at(pod, "automountServiceAccountToken"), false);
        const container = at(pod, "containers", 0);
        assert.deepEqual(at(container, "securityContext"), {
            runAsNonRoot: true,
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
            privileged: false,
            capabilities: { drop: ["ALL"] },
            seccompProfile: { type: "RuntimeDefault" },
        });
        assert.deepEqual(at(container, "resources"), base.resources);
        assert.deepEqual(
            [at(container, "readinessProbe", "httpGet"), at(container, "livenessProbe", "httpGet")],
            [
                { path: "/readyz", port: "http" },
                { path: "/healthz", port: "http" },
            ],
        );
        assert.deepEqual(
            listAt(pod, "topologySpreadConstraints").map((t) => [at(t, "topologyKey"), at(t, "whenUnsatisfiable")]),
            [
                ["topology.kubernetes.io/zone", "DoNotSchedule"],
                ["kubernetes.io/hostname", "ScheduleAnyway"],
            ],
        );
    });

    it("HPA 2 to 10 at 80% CPU (seed C8); a PDB allowing one disruption; the NetworkPolicy allows the declared peers and Prometheus", async () => {
        const resources = await synth({
            ...base,
            ingress: [{ peers: [{ namespace: "istio-ingress" }], ports: [8080] }],
            egress: [{ peers: [{ app: "postgres" }], ports: [5432] }],
        });
        const hpa = findResource(resources, "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "backend-hpa").inputs["spec"] as Record<
            string,
            unknown
        >;
        assert.deepEqual(
            [hpa["minReplicas"], hpa["maxReplicas"], hpa["metrics"]],
            [2, 10, [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } }]],
        );
        assert.deepEqual(findResource(resources, "kubernetes:policy/v1:PodDisruptionBudget", "backend-pdb").inputs["spec"], {
            maxUnavailable: 1,
            selector: { matchLabels: { "platform.io/workload": "backend" } },
            unhealthyPodEvictionPolicy: "AlwaysAllow",
        });
        const policy = findResource(resources, "kubernetes:networking.k8s.io/v1:NetworkPolicy", "backend-network-policy").inputs["spec"];
        assert.deepEqual(policy, {
            podSelector: { matchLabels: { "platform.io/workload": "backend" } },
            policyTypes: ["Ingress", "Egress"],
            ingress: [
                {
                    from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "istio-ingress" } } }],
                    ports: [{ protocol: "TCP", port: 8080 }],
                },
                {
                    from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } } }],
                    ports: [
                        { protocol: "TCP", port: 8080 },
                        { protocol: "TCP", port: 15020 },
                    ],
                },
            ],
            egress: [{ to: [{ podSelector: { matchLabels: { app: "postgres" } } }], ports: [{ protocol: "TCP", port: 5432 }] }],
        });
    });

    it("a canary (seed 001 analysis), KEDA scaling instead of the HPA and an AuthorizationPolicy; Flagger owns the Services", async () => {
        const resources = await synth({
            ...base,
            canary: {},
            scaling: {
                triggers: [
                    {
                        type: "aws-sqs-queue",
                        metadata: {
                            queueURL: "https://sqs.us-east-1.amazonaws.com/111111111111/acme-prod-jobs",
                            queueLength: "5",
                            awsRegion: "us-east-1",
                        },
                        clusterAuthentication: "keda-pod-identity",
                    },
                ],
            },
            authorization: { principals: ["cluster.local/ns/docuthinker/sa/frontend"] },
        });
        assert.deepEqual(k8s(resources), [
            { type: "kubernetes:apps/v1:Deployment", count: 1 },
            { type: "kubernetes:core/v1:ServiceAccount", count: 1 },
            { type: "kubernetes:flagger.app/v1beta1:Canary", count: 1 },
            { type: "kubernetes:keda.sh/v1alpha1:ScaledObject", count: 1 },
            { type: "kubernetes:monitoring.coreos.com/v1:ServiceMonitor", count: 1 },
            { type: "kubernetes:networking.k8s.io/v1:NetworkPolicy", count: 1 },
            { type: "kubernetes:policy/v1:PodDisruptionBudget", count: 1 },
            { type: "kubernetes:security.istio.io/v1:AuthorizationPolicy", count: 1 },
        ]);
        const canary = findResource(resources, "kubernetes:flagger.app/v1beta1:Canary", "backend-canary").inputs["spec"];
        assert.deepEqual(at(canary, "analysis"), {
            interval: "1m",
            threshold: 5,
            maxWeight: 50,
            stepWeight: 10,
            metrics: [
                { name: "request-success-rate", interval: "1m", thresholdRange: { min: 99 } },
                { name: "request-duration", interval: "1m", thresholdRange: { max: 500 } },
            ],
        });
        assert.deepEqual(
            [at(canary, "provider"), at(canary, "autoscalerRef")],
            ["istio", { apiVersion: "keda.sh/v1alpha1", kind: "ScaledObject", name: "backend" }],
        );
        // Flagger's apex Service is the one Kong sends to: it carries Kong's mesh upstream.
        assert.deepEqual(at(canary, "service", "apex"), {
            labels: { "platform.io/workload": "backend" },
            annotations: {
                "ingress.kubernetes.io/service-upstream": "true",
                "konghq.com/host-header": "backend.docuthinker.svc.cluster.local",
            },
        });
        const scaled = findResource(resources, "kubernetes:keda.sh/v1alpha1:ScaledObject", "backend-scaled-object").inputs["spec"];
        assert.deepEqual(
            [at(scaled, "minReplicaCount"), at(scaled, "maxReplicaCount"), listAt(scaled, "triggers").map((t) => at(t, "type"))],
            [2, 10, ["cpu", "aws-sqs-queue"]],
        );
        assert.deepEqual(at(scaled, "triggers", 1, "authenticationRef"), {
            name: "keda-pod-identity",
            kind: "ClusterTriggerAuthentication",
        });
        assert.deepEqual(SEED_CANARY_ANALYSIS, {
            interval: "1m",
            threshold: 5,
            maxWeight: 50,
            stepWeight: 10,
            minSuccessRatePercent: 99,
            maxRequestDurationMs: 500,
        });
    });

    it("on GKE: a Google service account with Workload Identity, and the service account annotation", async () => {
        const resources = await synth(
            {
                ...base,
                naming: { project: "acme", environment: "dr" },
                identity: { cluster: { cloud: "gcp", project: "acme-dr-prod" }, gcpProjectRoles: ["roles/pubsub.subscriber"] },
            },
            "dr",
        );
        const sa = findResource(resources, "kubernetes:core/v1:ServiceAccount", "backend-service-account");
        assert.deepEqual((sa.inputs["metadata"] as Record<string, unknown>)["annotations"], {
            "iam.gke.io/gcp-service-account": "acme-dr-backend-identity-wi@acme-dr-prod.iam.gserviceaccount.com",
        });
        assert.deepEqual(
            ofType(resources, "gcp:projects/iAMMember:IAMMember").map((m) => [m.inputs["role"], m.inputs["member"]]),
            [["roles/pubsub.subscriber", "serviceAccount:acme-dr-backend-identity-wi@acme-dr-prod.iam.gserviceaccount.com"]],
        );
    });

    it("rejects every bad argument at once, with the fix", async () => {
        const issues = await rejectedIssues(
            synth({
                ...base,
                image: "auterity/app:latest",
                port: 80,
                replicas: { min: 1, max: 0 },
                resources: { requests: { cpu: "2", memory: "0" }, limits: { cpu: "1", memory: "1Gi" } },
                env: { DB_PASSWORD: "x" },
                canary: { stepWeight: 60 },
                authorization: { principals: ["frontend"] },
            }),
        );
        assert.deepEqual(fieldsAndProblems(issues), [
            ["image", "uses the latest tag, which moves under a running deployment"],
            ["image", "comes from docker.io, which is not a trusted registry (ghcr.io, *.dkr.ecr.*.amazonaws.com)"],
            ["port", "must be a whole number from 1024 to 65535"],
            ["resources.requests.memory", "is not a positive Kubernetes quantity"],
            ["replicas.max", "must be a whole number from 1 to 500"],
            ["replicas.min", "must be a whole number from 2 to 500"],
            ["replicas", "min is above max"],
            ["resources.requests.cpu", "is above the limit 1"],
            ["env.DB_PASSWORD", "looks like a secret in a plain environment variable"],
            ["authorization.principals", "is not a workload principal"],
            ["canary.stepWeight", "is above maxWeight 50"],
        ]);
    });

    it("image rules: a tag or digest, a trusted registry (wildcards span DNS labels)", () => {
        const trusted = ["*.dkr.ecr.*.amazonaws.com", "ghcr.io"];
        assert.deepEqual(checkImage("image", "111111111111.dkr.ecr.us-east-1.amazonaws.com/auterity/app:1.0.0", trusted), []);
        assert.deepEqual(checkImage("image", `ghcr.io/a/b@sha256:${"a".repeat(64)}`, trusted), []);
        assert.deepEqual(
            checkImage("image", "ghcr.io/a/b", trusted).map((i) => i.problem),
            ["has no tag or digest (it means latest)"],
        );
        assert.deepEqual(
            checkImage("image", "evil.io/ghcr.io/a:1", trusted).map((i) => i.problem),
            ["comes from evil.io, which is not a trusted registry (*.dkr.ecr.*.amazonaws.com, ghcr.io)"],
        );
        assert.deepEqual(
            checkImage("image", "Not An Image", trusted).map((i) => i.problem),
            ["is not an image reference"],
        );
    });
});

describe("PlatformNamespace", () => {
    it("an app namespace: restricted Pod Security pinned to the version, mesh injection, default deny, DNS and istiod egress", async () => {
        const resources = (
            await synthesize({
                project: "t",
                stack: "prod",
                program: () =>
                    void new PlatformNamespace("apps", { naming: base.naming, namespace: "docuthinker", kubernetesVersion: "1.35" }),
            })
        ).resources;
        const labels = (
            findResource(resources, "kubernetes:core/v1:Namespace", "apps-namespace").inputs["metadata"] as Record<
                string,
                Record<string, string>
            >
        )["labels"];
        assert.deepEqual(
            Object.fromEntries(
                Object.entries(labels ?? {}).filter(
                    ([k]) => k.startsWith("pod-security") || k === "istio-injection" || k.startsWith("platform.io"),
                ),
            ),
            {
                "pod-security.kubernetes.io/enforce": "restricted",
                "pod-security.kubernetes.io/enforce-version": "v1.35",
                "pod-security.kubernetes.io/audit": "restricted",
                "pod-security.kubernetes.io/audit-version": "v1.35",
                "pod-security.kubernetes.io/warn": "restricted",
                "pod-security.kubernetes.io/warn-version": "v1.35",
                "istio-injection": "enabled",
                "platform.io/namespace-kind": "app",
            },
        );
        assert.deepEqual(
            ofType(resources, "kubernetes:networking.k8s.io/v1:NetworkPolicy").map((p) => (p.inputs["metadata"] as { name: string }).name),
            ["default-deny", "allow-istiod", "allow-dns"],
        );
        assert.deepEqual(findResource(resources, "kubernetes:networking.k8s.io/v1:NetworkPolicy", "apps-default-deny").inputs["spec"], {
            podSelector: {},
            policyTypes: ["Ingress", "Egress"],
        });
    });

    it("mesh injection: enabled, disabled, or per pod (no namespace label, so the pods' own label decides)", async () => {
        const injection = async (meshInjection: boolean | "per-pod" | undefined) => {
            const resources = (
                await synthesize({
                    project: "t",
                    stack: "prod",
                    program: () =>
                        void new PlatformNamespace("ns", {
                            naming: base.naming,
                            namespace: "kong",
                            kubernetesVersion: "1.35",
                            ...(meshInjection !== undefined ? { meshInjection } : {}),
                        }),
                })
            ).resources;
            const labels = at(findResource(resources, "kubernetes:core/v1:Namespace", "ns-namespace").inputs, "metadata", "labels");
            const policies = ofType(resources, "kubernetes:networking.k8s.io/v1:NetworkPolicy").map((p) =>
                at(p.inputs, "metadata", "name"),
            );
            return [at(labels, "istio-injection"), policies.includes("allow-istiod")];
        };
        assert.deepEqual(await injection(undefined), ["enabled", true]);
        assert.deepEqual(await injection(true), ["enabled", true]);
        assert.deepEqual(await injection(false), ["disabled", false]);
        // Pods with a sidecar still reach istiod.
        assert.deepEqual(await injection("per-pod"), [undefined, true]);
    });

    it("a system namespace gets the labels only; a bad name, version or level is rejected", async () => {
        const resources = (
            await synthesize({
                project: "t",
                stack: "prod",
                program: () =>
                    void new PlatformNamespace("kong", {
                        naming: base.naming,
                        namespace: "kong",
                        kubernetesVersion: "1.35",
                        kind: "system",
                        podSecurity: "baseline",
                    }),
            })
        ).resources;
        assert.equal(ofType(resources, "kubernetes:networking.k8s.io/v1:NetworkPolicy").length, 0);
        const issues = await rejectedIssues(
            synthesize({
                project: "t",
                stack: "prod",
                program: () =>
                    void new PlatformNamespace("bad", {
                        naming: base.naming,
                        namespace: "Bad_NS",
                        kubernetesVersion: "1.20",
                        podSecurity: "open" as never,
                    }),
            }),
        );
        assert.deepEqual(
            fieldsAndProblems(issues).map(([f]) => f),
            ["namespace", "kubernetesVersion", "podSecurity"],
        );
    });
});

describe("Workload publicRoute", () => {
    const route = { gateway: "istio-ingress/public-edge", hostnames: ["app.acme.example.com"] };

    it("without a canary: a VirtualService from the edge's Istio Gateway to the Service; the ingress gateway may call it", async () => {
        const resources = await synth({ ...base, publicRoute: route });
        const vs = findResource(resources, "kubernetes:networking.istio.io/v1:VirtualService", "backend-public-route");
        assert.deepEqual(
            [at(vs.inputs, "metadata", "name"), at(vs.inputs, "metadata", "namespace"), vs.inputs["spec"]],
            [
                "backend-public",
                "docuthinker",
                {
                    hosts: ["app.acme.example.com"],
                    gateways: ["istio-ingress/public-edge"],
                    http: [
                        {
                            match: [{ uri: { prefix: "/" } }],
                            route: [{ destination: { host: "backend.docuthinker.svc.cluster.local", port: { number: 8080 } } }],
                        },
                    ],
                },
            ],
        );
        const policy = findResource(resources, "kubernetes:networking.k8s.io/v1:NetworkPolicy", "backend-network-policy").inputs["spec"];
        assert.deepEqual(
            listAt(policy, "ingress").map((rule) => [
                listAt(rule, "from").map((peer) => at(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name")),
                listAt(rule, "ports").map((p) => at(p, "port")),
            ]),
            [
                [["istio-ingress"], [8080]],
                [["monitoring"], [8080, 15020]],
            ],
        );
        const plain = await synth(base);
        assert.equal(ofType(plain, "kubernetes:networking.istio.io/v1:VirtualService").length, 0, "unset: nothing published");
    });

    it("with a canary: Flagger's VirtualService carries the public names beside the mesh; the AuthorizationPolicy admits the ingress gateway", async () => {
        const resources = await synth({
            ...base,
            canary: {},
            authorization: { principals: ["cluster.local/ns/docuthinker/sa/frontend"] },
            publicRoute: { ...route, pathPrefix: "/api" },
        });
        assert.equal(ofType(resources, "kubernetes:networking.istio.io/v1:VirtualService").length, 0);
        const canary = findResource(resources, "kubernetes:flagger.app/v1beta1:Canary", "backend-canary").inputs["spec"];
        assert.deepEqual(
            [at(canary, "service", "gateways"), at(canary, "service", "hosts")],
            [
                ["istio-ingress/public-edge", "mesh"],
                ["app.acme.example.com", "backend"],
            ],
        );
        const authz = findResource(resources, "kubernetes:security.istio.io/v1:AuthorizationPolicy", "backend-authorization").inputs[
            "spec"
        ];
        assert.deepEqual(at(authz, "rules", 0, "from", 0, "source", "principals"), [
            "cluster.local/ns/docuthinker/sa/frontend",
            "cluster.local/ns/istio-ingress/sa/istio-ingressgateway",
        ]);
    });

    it("refuses no names, a repeated or malformed name, a bad path and a gateway that is not <namespace>/<name>", async () => {
        assert.deepEqual(
            fieldsAndProblems(
                await rejectedIssues(
                    synth({
                        ...base,
                        publicRoute: {
                            gateway: "public-edge",
                            hostnames: ["a.example.com", "a.example.com", "A.example.com"],
                            pathPrefix: "api",
                        },
                    }),
                ),
            ),
            [
                ["publicRoute.hostnames[2]", "is not a lowercase host name"],
                ["publicRoute.hostnames", '"a.example.com" listed twice'],
                ["publicRoute.pathPrefix", "is not an HTTP path"],
                ["publicRoute.gateway", "is not <namespace>/<name>"],
            ],
        );
        assert.deepEqual(fieldsAndProblems(await rejectedIssues(synth({ ...base, publicRoute: { ...route, hostnames: [] } }))), [
            ["publicRoute.hostnames", "is empty"],
        ]);
    });
});

async function synthIngress(args: WorkloadIngressArgs): Promise<InventoryResource[]> {
    return (
        await synthesize({
            project: "t",
            stack: "prod",
            program: () => {
                const workload = new Workload("backend", base);
                workloadIngress("backend-api", workload, args, {});
            },
        })
    ).resources;
}

const INGRESS = "kubernetes:networking.k8s.io/v1:Ingress";

describe("workloadIngress", () => {
    it("nginx: one host over TLS, every path to the Workload's Service, sent through nginx's mesh sidecar by the Service's name", async () => {
        const resources = await synthIngress({
            controller: "nginx",
            host: "api.docs.acme.example.com",
            labels: { app: "backend", team: "docs" },
        });
        const ingress = findResource(resources, INGRESS, "backend-api");
        assert.deepEqual(ingress.inputs["metadata"], {
            name: "backend-api",
            namespace: "docuthinker",
            labels: { app: "backend", team: "docs" },
            annotations: {
                "cert-manager.io/cluster-issuer": "letsencrypt-production",
                "nginx.ingress.kubernetes.io/service-upstream": "true",
                "nginx.ingress.kubernetes.io/upstream-vhost": "backend.docuthinker.svc.cluster.local",
            },
        });
        assert.deepEqual(ingress.inputs["spec"], {
            ingressClassName: "nginx",
            tls: [{ hosts: ["api.docs.acme.example.com"], secretName: "backend-api-tls" }],
            rules: [
                {
                    host: "api.docs.acme.example.com",
                    http: {
                        paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "backend", port: { number: 8080 } } } }],
                    },
                },
            ],
        });
        // A child of the Workload, after it (a dependency on a component is one on the resources under it).
        const workload = findResource(resources, "platform:workload:Workload", "backend");
        assert.equal(ingress.parent, workload.urn);
        const deployment = findResource(resources, "kubernetes:apps/v1:Deployment", "backend-deployment");
        assert.ok(ingress.dependencies.includes(deployment.urn));
    });

    it("kong: the controller's own settings and issuer kept, no nginx annotations (the Service carries Kong's mesh upstream)", async () => {
        const resources = await synthIngress({
            controller: "kong",
            host: "api.acme.example.com",
            pathPrefix: "/v1",
            clusterIssuer: "letsencrypt-staging",
            annotations: { "konghq.com/protocols": "https" },
        });
        const ingress = findResource(resources, INGRESS, "backend-api");
        assert.deepEqual(at(ingress.inputs, "metadata", "annotations"), {
            "konghq.com/protocols": "https",
            "cert-manager.io/cluster-issuer": "letsencrypt-staging",
        });
        assert.deepEqual(at(ingress.inputs, "metadata", "labels"), {});
        assert.deepEqual(
            [at(ingress.inputs, "spec", "ingressClassName"), at(ingress.inputs, "spec", "rules", 0, "http", "paths", 0, "path")],
            ["kong", "/v1"],
        );
        const service = findResource(resources, "kubernetes:core/v1:Service", "backend-service");
        assert.equal(at(service.inputs, "metadata", "annotations", "konghq.com/host-header"), "backend.docuthinker.svc.cluster.local");
    });

    it("publicGateway: a VirtualService on the edge's Gateway sends the host's paths to the controller's HTTPS port, a child of the Ingress; unset: none", async () => {
        const routeOf = async (controller: "nginx" | "kong") => {
            const resources = await synthIngress({
                controller,
                host: "api.acme.example.com",
                pathPrefix: "/v1",
                labels: { app: "backend" },
                publicGateway: "istio-ingress/public-edge",
            });
            const route = findResource(resources, "kubernetes:networking.istio.io/v1:VirtualService", "backend-api-public-route");
            assert.equal(route.parent, findResource(resources, INGRESS, "backend-api").urn);
            return [at(route.inputs, "metadata"), at(route.inputs, "spec")];
        };
        const spec = (host: string) => ({
            hosts: ["api.acme.example.com"],
            gateways: ["istio-ingress/public-edge"],
            http: [{ match: [{ uri: { prefix: "/v1" } }], route: [{ destination: { host, port: { number: 443 } } }] }],
        });
        const metadata = { name: "backend-api-ingress-public", namespace: "docuthinker", labels: { app: "backend" } };
        assert.deepEqual(await routeOf("nginx"), [metadata, spec("ingress-nginx-controller.ingress-nginx.svc.cluster.local")]);
        assert.deepEqual(await routeOf("kong"), [metadata, spec("kong-kong-proxy.kong.svc.cluster.local")]);
        const unset = await synthIngress({ controller: "nginx", host: "api.acme.example.com" });
        assert.equal(unset.filter((r) => r.type === "kubernetes:networking.istio.io/v1:VirtualService").length, 0);
    });

    it("lists every bad argument at once, the mesh upstream annotations included", async () => {
        const bad = {
            controller: "traefik",
            host: "API.example",
            pathPrefix: "v1",
            annotations: { "nginx.ingress.kubernetes.io/upstream-vhost": "elsewhere" },
            publicGateway: "public-edge",
        } as unknown as WorkloadIngressArgs;
        assert.deepEqual(validateWorkloadIngressArgs(bad), [
            { field: "controller", value: "traefik", problem: "is not an allowed value", fix: "use one of nginx, kong" },
            {
                field: "host",
                value: "API.example",
                problem: "is not a lower-case DNS name",
                fix: "use a lower-case DNS name, e.g. api.acme.example.com",
            },
            { field: "pathPrefix", value: "v1", problem: "does not start with /", fix: 'use "/v1"' },
            {
                field: "publicGateway",
                value: "public-edge",
                problem: "is not <namespace>/<name>",
                fix: "use <namespace>/<name>, e.g. istio-ingress/public-edge",
            },
            {
                field: 'annotations["nginx.ingress.kubernetes.io/upstream-vhost"]',
                value: "elsewhere",
                problem: "is the platform's: it sends the controller's traffic through the mesh",
                fix: "leave it out",
            },
        ]);
        await assert.rejects(synthIngress(bad), (err: Error) => {
            assert.match(
                err.message,
                /^Invalid arguments for workloadIngress "backend-api" \(5 problems\):\n {2}- controller = "traefik": is not an allowed value\. Fix: use one of nginx, kong\n/,
            );
            return true;
        });
        assert.deepEqual(validateWorkloadIngressArgs({ controller: "nginx", host: "a.example.com" }), []);
        // A staging certificate is fine inside the VPC, not behind the edge's gateway, which verifies it.
        const staging = { controller: "kong", host: "a.example.com", clusterIssuer: "letsencrypt-staging" } as const;
        assert.deepEqual(validateWorkloadIngressArgs(staging), []);
        assert.deepEqual(validateWorkloadIngressArgs({ ...staging, publicGateway: "istio-ingress/public-edge" }), [
            {
                field: "clusterIssuer",
                value: "letsencrypt-staging",
                problem:
                    "issues certificates no client trusts, and the edge's gateway checks the controller's certificate, so the published host would answer 503",
                fix: 'use "letsencrypt-production", or leave publicGateway unset',
            },
        ]);
    });
});
