import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import {
    at,
    countByType,
    fieldsAndProblems,
    findResource,
    type InventoryResource,
    ofType,
    rejectedIssues,
    synthesize,
} from "@platform/synth";
import {
    type AddonContext,
    CertManager,
    certManagerRoute53Policy,
    chartTable,
    ExternalDns,
    ExternalSecrets,
    IngressNginx,
    Istio,
    Keda,
    Kong,
    MetricsServer,
} from "../src/index.js";

const CLUSTER_ARN = "arn:aws:eks:us-east-1:111111111111:cluster/acme-prod-eks";
const aws = (environment = "prod", onSystemNodes = true): AddonContext => ({
    naming: { project: "acme", environment },
    cloud: "aws",
    region: "us-east-1",
    kubernetesVersion: "1.35",
    cluster: { cloud: "aws", clusterName: "acme-prod-eks", clusterArn: CLUSTER_ARN },
    clusterName: "acme-prod-eks",
    onSystemNodes,
    labels: { environment, team: "platform" },
});
const gcp: AddonContext = {
    naming: { project: "acme", environment: "dr" },
    cloud: "gcp",
    region: "us-west1",
    kubernetesVersion: "1.35",
    cluster: { cloud: "gcp", project: "acme-dr-prod" },
    clusterName: "acme-dr-gke",
    onSystemNodes: false,
    labels: { environment: "dr", team: "platform" },
};

async function synth(program: () => void, stack = "prod"): Promise<InventoryResource[]> {
    return (await synthesize({ project: "t", stack, program })).resources;
}

function values(resources: InventoryResource[], name: string): Record<string, unknown> {
    return findResource(resources, "kubernetes:helm.sh/v3:Release", name).inputs["values"] as Record<string, unknown>;
}

describe("add-on components", () => {
    it("docs/addons.md carries the chart table exactly as the pins generate it", () => {
        const docs = readFileSync(path.resolve(__dirname, "../../../../docs/addons.md"), "utf8");
        assert.ok(docs.includes(chartTable()), "docs/addons.md: paste chartTable() (see its TSDoc) after changing a pin");
    });

    it("CertManager with a public zone: its namespace, a Pod Identity role scoped to the zone, the pinned chart, and staging + production ClusterIssuers solving DNS-01 there", async () => {
        const resources = await synth(
            () =>
                new CertManager("cert-manager", {
                    context: aws(),
                    replicas: 2,
                    acmeEmail: "ops@example.com",
                    publicZone: { domain: "acme.example.com", zoneId: "Z123" },
                }),
        );
        const release = findResource(resources, "kubernetes:helm.sh/v3:Release", "cert-manager-release");
        assert.deepEqual(
            [
                release.inputs["chart"],
                release.inputs["version"],
                release.inputs["repositoryOpts"],
                release.inputs["namespace"],
                release.inputs["atomic"],
            ],
            ["cert-manager", "v1.17.2", { repo: "https://charts.jetstack.io" }, "cert-manager", true],
        );
        const v = values(resources, "cert-manager-release");
        assert.deepEqual(
            [v["replicaCount"], v["crds"], v["nodeSelector"], v["podDisruptionBudget"]],
            [2, { enabled: true, keep: true }, { "platform.io/node-pool": "system" }, { enabled: true, maxUnavailable: 1 }],
        );
        assert.deepEqual(
            JSON.parse(findResource(resources, "aws:iam/rolePolicy:RolePolicy", "cert-manager-identity-policy").inputs["policy"] as string),
            certManagerRoute53Policy("Z123"),
        );
        const issuers = ofType(resources, "kubernetes:cert-manager.io/v1:ClusterIssuer");
        assert.deepEqual(
            issuers.map((i) => [
                (i.inputs["metadata"] as { name: string }).name,
                (i.inputs["spec"] as { acme: Record<string, unknown> }).acme,
            ]),
            [
                ["letsencrypt-staging", "https://acme-staging-v02.api.letsencrypt.org/directory"],
                ["letsencrypt-production", "https://acme-v02.api.letsencrypt.org/directory"],
            ].map(([name, server]) => [
                name,
                {
                    server,
                    email: "ops@example.com",
                    privateKeySecretRef: { name: `${name}-account-key` },
                    solvers: [
                        { selector: { dnsZones: ["acme.example.com"] }, dns01: { route53: { region: "us-east-1", hostedZoneID: "Z123" } } },
                    ],
                },
            ]),
        );
        assert.deepEqual(
            issuers.map((i) => i.dependencies.includes(release.urn)),
            [true, true],
            "issuers wait for the chart's CRDs",
        );
    });

    it("CertManager without a public zone: no issuers and no DNS permissions (Let's Encrypt cannot validate a private zone)", async () => {
        const resources = await synth(() => new CertManager("cert-manager", { context: aws("dev", false), replicas: 1 }), "dev");
        assert.equal(ofType(resources, "kubernetes:cert-manager.io/v1:ClusterIssuer").length, 0);
        assert.equal(ofType(resources, "aws:iam/rolePolicy:RolePolicy").length, 0);
        const v = values(resources, "cert-manager-release");
        assert.deepEqual([v["replicaCount"], v["podDisruptionBudget"], v["nodeSelector"]], [1, { enabled: false }, {}]);
    });

    it("CertManager on GCP: Workload Identity, dns.admin on the zone only, Cloud DNS solvers", async () => {
        const resources = await synth(
            () =>
                new CertManager("cert-manager", {
                    context: gcp,
                    replicas: 2,
                    publicZone: { domain: "dr.example.com", zoneId: "acme-dr-public" },
                }),
            "dr",
        );
        // The service account id is the component's physical name, cut to GCP's 30 characters with a stable hash.
        const email = "acme-dr-cert-manager-id-ea9083@acme-dr-prod.iam.gserviceaccount.com";
        assert.deepEqual((values(resources, "cert-manager-release")["serviceAccount"] as Record<string, unknown>)["annotations"], {
            "iam.gke.io/gcp-service-account": email,
        });
        const member = findResource(resources, "gcp:dns/dnsManagedZoneIamMember:DnsManagedZoneIamMember", "cert-manager-zone-admin");
        assert.deepEqual(
            [member.inputs["managedZone"], member.inputs["role"], member.inputs["member"]],
            ["acme-dr-public", "roles/dns.admin", `serviceAccount:${email}`],
        );
        const wi = findResource(resources, "gcp:serviceaccount/iAMMember:IAMMember", "cert-manager-identity-workload-identity");
        assert.equal(wi.inputs["member"], "serviceAccount:acme-dr-prod.svc.id.goog[cert-manager/cert-manager]");
        const solver = (
            ofType(resources, "kubernetes:cert-manager.io/v1:ClusterIssuer")[0]?.inputs["spec"] as { acme: { solvers: unknown[] } }
        ).acme.solvers;
        assert.deepEqual(solver, [
            {
                selector: { dnsZones: ["dr.example.com"] },
                dns01: { cloudDNS: { project: "acme-dr-prod", hostedZoneName: "acme-dr-public" } },
            },
        ]);
    });

    it("Istio: base, CNI, istiod, STRICT mTLS and two gateways, replicas and autoscaling from the arguments (seed 001 prod: 3, 3, 2)", async () => {
        const resources = await synth(
            () => new Istio("istio", { context: aws(), istiodReplicas: 3, ingressGatewayReplicas: 3, egressGatewayReplicas: 2 }),
        );
        assert.deepEqual(
            ofType(resources, "kubernetes:helm.sh/v3:Release").map((r) => [r.name, r.inputs["chart"], r.inputs["namespace"]]),
            [
                ["istio-base", "base", "istio-system"],
                ["istio-cni", "cni", "kube-system"],
                ["istio-istiod", "istiod", "istio-system"],
                ["istio-egress-gateway", "gateway", "istio-egress"],
                ["istio-ingress-gateway", "gateway", "istio-ingress"],
            ],
        );
        const pilot = values(resources, "istio-istiod")["pilot"] as Record<string, unknown>;
        assert.deepEqual([pilot["replicaCount"], pilot["autoscaleMin"], pilot["autoscaleMax"], pilot["cni"]], [3, 3, 6, { enabled: true }]);
        const ingress = values(resources, "istio-ingress-gateway");
        assert.deepEqual(
            [ingress["replicaCount"], ingress["autoscaling"], (ingress["service"] as Record<string, unknown>)["type"]],
            [3, { enabled: true, minReplicas: 3, maxReplicas: 9, targetCPUUtilizationPercentage: 80 }, "LoadBalancer"],
        );
        const egress = values(resources, "istio-egress-gateway");
        assert.deepEqual(
            [egress["replicaCount"], egress["service"], egress["podDisruptionBudget"]],
            [2, { type: "ClusterIP" }, { maxUnavailable: 1 }],
        );
        const mtls = findResource(resources, "kubernetes:security.istio.io/v1:PeerAuthentication", "istio-strict-mtls");
        assert.deepEqual(
            [mtls.inputs["metadata"], mtls.inputs["spec"]],
            [
                { name: "default", namespace: "istio-system", labels: { environment: "prod", team: "platform" } },
                { mtls: { mode: "STRICT" } },
            ],
        );
        const istiod = findResource(resources, "kubernetes:helm.sh/v3:Release", "istio-istiod");
        assert.ok(mtls.dependencies.includes(istiod.urn));
    });

    it("Kong: DB-less, the admin API on TLS only behind a ClusterIP Service without an Ingress, the proxy on a load balancer, replicas from the profile", async () => {
        const resources = await synth(() => new Kong("kong", { context: aws(), replicas: 2 }));
        const v = values(resources, "kong-release");
        assert.deepEqual(v["admin"], {
            enabled: true,
            type: "ClusterIP",
            http: { enabled: false },
            tls: { enabled: true, servicePort: 8444, containerPort: 8444 },
            ingress: { enabled: false },
        });
        assert.deepEqual(
            [v["replicaCount"], (v["env"] as Record<string, unknown>)["database"], (v["proxy"] as Record<string, unknown>)["type"]],
            [2, "off", "LoadBalancer"],
        );
    });

    it("Kong and ingress-nginx are mesh clients: a sidecar per pod (not per namespace), no inbound capture", async () => {
        const kong = await synth(() => new Kong("kong", { context: aws(), replicas: 2 }));
        const nginx = await synth(() => new IngressNginx("ingress-nginx", { context: aws(), replicas: 2 }));
        const mesh = {
            podLabels: { "sidecar.istio.io/inject": "true" },
            podAnnotations: { "traffic.sidecar.istio.io/includeInboundPorts": "" },
        };
        const v = values(kong, "kong-release");
        assert.deepEqual({ podLabels: v["podLabels"], podAnnotations: v["podAnnotations"] }, mesh);
        const controller = values(nginx, "ingress-nginx-release")["controller"] as Record<string, unknown>;
        assert.deepEqual({ podLabels: controller["podLabels"], podAnnotations: controller["podAnnotations"] }, mesh);
        // No namespace label: `enabled` would give the charts' hook Jobs a sidecar that keeps them
        // running, `disabled` would refuse the pods' label too.
        for (const [resources, name] of [
            [kong, "kong"],
            [nginx, "ingress-nginx"],
        ] as const) {
            const ns = resources.find((r) => r.type === "kubernetes:core/v1:Namespace" && at(r.inputs, "metadata", "name") === name);
            assert.ok(ns, name);
            assert.equal(at(ns.inputs, "metadata", "labels", "istio-injection"), undefined, name);
        }
        // Other add-ons' namespaces say disabled.
        const keda = await synth(() => new Keda("keda", { context: aws(), replicas: 2 }));
        const kedaNs = keda.find((r) => r.type === "kubernetes:core/v1:Namespace");
        assert.equal(at(kedaNs?.inputs, "metadata", "labels", "istio-injection"), "disabled");
    });

    it("the mesh reaches each controller's HTTPS port with one-way TLS (a DestinationRule after the release), the port its chart serves", async () => {
        const kong = await synth(() => new Kong("kong", { context: aws(), replicas: 2 }));
        const nginx = await synth(() => new IngressNginx("ingress-nginx", { context: aws(), replicas: 2 }));
        const rules = [
            [kong, "kong-tls-origination", "kong-release"],
            [nginx, "ingress-nginx-tls-origination", "ingress-nginx-release"],
        ] as const;
        assert.deepEqual(
            rules.map(([resources, name, release]) => {
                const rule = findResource(resources, "kubernetes:networking.istio.io/v1:DestinationRule", name);
                assert.ok(rule.dependencies.includes(findResource(resources, "kubernetes:helm.sh/v3:Release", release).urn), name);
                return [at(rule.inputs, "metadata", "namespace"), at(rule.inputs, "metadata", "name"), at(rule.inputs, "spec")];
            }),
            [
                [
                    "kong",
                    "kong-kong-proxy-tls",
                    {
                        host: "kong-kong-proxy.kong.svc.cluster.local",
                        trafficPolicy: { portLevelSettings: [{ port: { number: 443 }, tls: { mode: "SIMPLE" } }] },
                    },
                ],
                [
                    "ingress-nginx",
                    "ingress-nginx-controller-tls",
                    {
                        host: "ingress-nginx-controller.ingress-nginx.svc.cluster.local",
                        trafficPolicy: { portLevelSettings: [{ port: { number: 443 }, tls: { mode: "SIMPLE" } }] },
                    },
                ],
            ],
        );
        // The releases behind those Service names (`<release>-controller`, `<release>-<chart>-proxy`) and their HTTPS ports.
        const kongRelease = findResource(kong, "kubernetes:helm.sh/v3:Release", "kong-release");
        const nginxRelease = findResource(nginx, "kubernetes:helm.sh/v3:Release", "ingress-nginx-release");
        assert.deepEqual(
            [
                [at(kongRelease.inputs, "name"), at(kongRelease.inputs, "chart"), at(kongRelease.inputs, "namespace")],
                [at(nginxRelease.inputs, "name"), at(nginxRelease.inputs, "chart"), at(nginxRelease.inputs, "namespace")],
                at(values(kong, "kong-release"), "proxy", "tls", "servicePort"),
                at(values(nginx, "ingress-nginx-release"), "controller", "service", "ports"),
            ],
            [["kong", "kong", "kong"], ["ingress-nginx", "ingress-nginx", "ingress-nginx"], 443, { http: 80, https: 443 }],
        );
    });

    describe("gateways' load balancers: internal unless a public one is asked for", () => {
        const NLB = {
            "service.beta.kubernetes.io/aws-load-balancer-type": "nlb",
            "service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled": "true",
        };
        const kongService = async (context: AddonContext, exposure?: "public" | "internal") =>
            values(
                await synth(() => new Kong("kong", { context, replicas: 2, ...(exposure !== undefined ? { exposure } : {}) })),
                "kong-release",
            )["proxy"] as Record<string, unknown>;
        const nginxService = async (context: AddonContext, exposure?: "public" | "internal") =>
            (
                values(
                    await synth(
                        () => new IngressNginx("ingress-nginx", { context, replicas: 2, ...(exposure !== undefined ? { exposure } : {}) }),
                    ),
                    "ingress-nginx-release",
                )["controller"] as Record<string, unknown>
            )["service"] as Record<string, unknown>;

        it("unset: an internal NLB on AWS, an internal passthrough load balancer on GKE (Kong and ingress-nginx)", async () => {
            const internalNlb = { ...NLB, "service.beta.kubernetes.io/aws-load-balancer-internal": "true" };
            assert.deepEqual((await kongService(aws()))["annotations"], internalNlb);
            assert.deepEqual((await nginxService(aws()))["annotations"], internalNlb);
            assert.deepEqual((await kongService(gcp))["annotations"], { "networking.gke.io/load-balancer-type": "Internal" });
            assert.deepEqual((await nginxService(gcp))["annotations"], { "networking.gke.io/load-balancer-type": "Internal" });
        });

        it("public: the internet-facing load balancer, still of type LoadBalancer with client addresses kept", async () => {
            const kong = await kongService(aws(), "public");
            const nginx = await nginxService(aws(), "public");
            assert.deepEqual([kong["type"], kong["externalTrafficPolicy"], kong["annotations"]], ["LoadBalancer", "Local", NLB]);
            assert.deepEqual([nginx["type"], nginx["externalTrafficPolicy"], nginx["annotations"]], ["LoadBalancer", "Local", NLB]);
            assert.deepEqual((await kongService(gcp, "public"))["annotations"], {});
        });
    });

    it("ExternalDns: only the platform's zones, upsert-only in prod and sync in dev, the cluster as owner", async () => {
        const zones = [
            { domain: "acme.example.com", zoneId: "Z1" },
            { domain: "prod.acme.internal", zoneId: "Z2" },
        ];
        const prod = await synth(() => new ExternalDns("external-dns", { context: aws(), zones }));
        const v = values(prod, "external-dns-release");
        assert.deepEqual(
            [v["policy"], v["domainFilters"], v["extraArgs"], v["txtOwnerId"]],
            ["upsert-only", ["acme.example.com", "prod.acme.internal"], ["--zone-id-filter=Z1", "--zone-id-filter=Z2"], "acme-prod-eks"],
        );
        const policy = JSON.parse(
            findResource(prod, "aws:iam/rolePolicy:RolePolicy", "external-dns-identity-policy").inputs["policy"] as string,
        ) as { Statement: Array<{ Resource: unknown }> };
        assert.deepEqual(policy.Statement[0]?.Resource, ["arn:aws:route53:::hostedzone/Z1", "arn:aws:route53:::hostedzone/Z2"]);
        const dev = await synth(() => new ExternalDns("external-dns", { context: aws("dev", false), zones }), "dev");
        assert.equal(values(dev, "external-dns-release")["policy"], "sync");
    });

    it("ExternalSecrets: the ClusterSecretStore of the cloud's store, read with Pod Identity limited to the environment's secrets", async () => {
        const resources = await synth(
            () =>
                new ExternalSecrets("external-secrets", {
                    context: aws(),
                    replicas: 2,
                    secretsKmsKeyArn: "arn:aws:kms:us-east-1:111111111111:key/secrets",
                }),
        );
        const store = findResource(
            resources,
            "kubernetes:external-secrets.io/v1:ClusterSecretStore",
            "external-secrets-cluster-secret-store",
        );
        assert.deepEqual(store.inputs["spec"], {
            provider: { aws: { service: "SecretsManager", region: "us-east-1" } },
            refreshInterval: 300,
        });
        const policy = JSON.parse(
            findResource(resources, "aws:iam/rolePolicy:RolePolicy", "external-secrets-identity-policy").inputs["policy"] as string,
        ) as { Statement: Array<Record<string, unknown>> };
        assert.equal(policy.Statement[0]?.["Resource"], "arn:aws:secretsmanager:us-east-1:111111111111:secret:acme-prod-*");
        assert.deepEqual(policy.Statement[1]?.["Condition"], {
            StringEquals: { "kms:ViaService": "secretsmanager.us-east-1.amazonaws.com" },
        });
    });

    it("Keda: the operator's identity and the ClusterTriggerAuthentication scalers use", async () => {
        const resources = await synth(() => new Keda("keda", { context: aws(), replicas: 2 }));
        assert.deepEqual(countByType(resources.filter((r) => r.type.startsWith("kubernetes:"))), [
            { type: "kubernetes:core/v1:Namespace", count: 1 },
            { type: "kubernetes:helm.sh/v3:Release", count: 1 },
            { type: "kubernetes:keda.sh/v1alpha1:ClusterTriggerAuthentication", count: 1 },
        ]);
        const auth = findResource(resources, "kubernetes:keda.sh/v1alpha1:ClusterTriggerAuthentication", "keda-pod-identity");
        assert.deepEqual(auth.inputs["spec"], { podIdentity: { provider: "aws" } });
    });

    it("rejects bad arguments: replicas out of range, MetricsServer on GKE, ExternalSecrets on AWS without the secrets key, ExternalDNS without zones", async () => {
        assert.deepEqual(fieldsAndProblems(await rejectedIssues(synth(() => new Kong("kong", { context: aws(), replicas: 0 })))), [
            ["replicas", "must be a whole number from 1 to 10"],
        ]);
        assert.deepEqual(
            fieldsAndProblems(await rejectedIssues(synth(() => new MetricsServer("metrics-server", { context: gcp, replicas: 2 }), "dr"))),
            [["context.cloud", "GKE runs its own metrics-server"]],
        );
        assert.deepEqual(
            fieldsAndProblems(await rejectedIssues(synth(() => new ExternalSecrets("external-secrets", { context: aws(), replicas: 2 })))),
            [["secretsKmsKeyArn", "is required on AWS: the secrets are encrypted with it"]],
        );
        assert.deepEqual(
            fieldsAndProblems(await rejectedIssues(synth(() => new ExternalDns("external-dns", { context: aws(), zones: [] })))),
            [["zones", "is empty: ExternalDNS would have no zone to write"]],
        );
        assert.deepEqual(
            fieldsAndProblems(
                await rejectedIssues(
                    synth(
                        () =>
                            new Istio("istio", {
                                context: aws(),
                                istiodReplicas: 11,
                                ingressGatewayReplicas: 1.5,
                                egressGatewayReplicas: 1,
                            }),
                    ),
                ),
            ),
            [
                ["istiodReplicas", "must be a whole number from 1 to 10"],
                ["ingressGatewayReplicas", "must be a whole number from 1 to 10"],
            ],
        );
    });
});
