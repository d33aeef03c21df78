/**
 * Every Helm chart the platform layer installs: the upstream chart from its official repository
 * at an exact version (never a range: a new chart release must not reach a cluster without a
 * change here), and why the platform runs it. docs/addons.md shows this table; a test fails on a
 * version that is not an exact semantic version and on one below the seeds' minimums.
 *
 * Versions were pinned from the charts' release notes as known when this was written; like the
 * EKS add-on rows, confirm each with `helm search repo <repo>/<chart> --versions` before the first
 * real deployment and on every bump (docs/decisions.md, "Platform layer").
 */
export interface ChartPin {
    /** The chart's name in its repository. */
    readonly chart: string;
    /** The official chart repository (HTTPS). */
    readonly repository: string;
    /** The exact chart version. */
    readonly version: string;
    /** The lowest version the seeds ask for (seed 001: Istio 1.20, KEDA 2.12, Flagger 1.34, cert-manager 1.13), if any. */
    readonly seedMinimum?: string;
    /** Why the platform installs it. */
    readonly why: string;
}

const ISTIO_REPOSITORY = "https://istio-release.storage.googleapis.com/charts";
const ISTIO_VERSION = "1.26.2";

export const CHARTS = {
    prometheusOperatorCrds: {
        chart: "prometheus-operator-crds",
        repository: "https://prometheus-community.github.io/helm-charts",
        version: "19.0.0",
        why: "ServiceMonitor and PodMonitor CRDs before any add-on or Workload creates one (the observability layer runs the operator)",
    },
    certManager: {
        chart: "cert-manager",
        repository: "https://charts.jetstack.io",
        version: "v1.17.2",
        seedMinimum: "1.13.0",
        why: "TLS certificates from Let's Encrypt (seeds 000, 001 P1), DNS-01 through Route 53 / Cloud DNS",
    },
    metricsServer: {
        chart: "metrics-server",
        repository: "https://kubernetes-sigs.github.io/metrics-server/",
        version: "3.12.2",
        why: "resource metrics for HPAs and kubectl top (seed 003 P5); EKS only: GKE runs its own",
    },
    ingressNginx: {
        chart: "ingress-nginx",
        repository: "https://kubernetes.github.io/ingress-nginx",
        version: "4.12.1",
        why: "host and path routing for plain HTTP services behind a cloud load balancer (seed N16)",
    },
    keda: {
        chart: "keda",
        repository: "https://kedacore.github.io/charts",
        version: "2.17.0",
        seedMinimum: "2.12.0",
        why: "event-driven autoscaling: queue length, Prometheus queries, cron (seed 001 P2, C10-C12)",
    },
    istioBase: {
        chart: "base",
        repository: ISTIO_REPOSITORY,
        version: ISTIO_VERSION,
        seedMinimum: "1.20.0",
        why: "Istio's CRDs and cluster roles (seed 001 N20)",
    },
    istioCni: {
        chart: "cni",
        repository: ISTIO_REPOSITORY,
        version: ISTIO_VERSION,
        seedMinimum: "1.20.0",
        why: "redirects pod traffic without privileged init containers, so app namespaces can enforce Pod Security restricted",
    },
    istiod: {
        chart: "istiod",
        repository: ISTIO_REPOSITORY,
        version: ISTIO_VERSION,
        seedMinimum: "1.20.0",
        why: "the mesh control plane: mTLS everywhere, traffic management (seed 001 N20, N23)",
    },
    istioGateway: {
        chart: "gateway",
        repository: ISTIO_REPOSITORY,
        version: ISTIO_VERSION,
        seedMinimum: "1.20.0",
        why: "the ingress gateway behind a cloud load balancer and the egress gateway for controlled external access (seed 001 N21, N22)",
    },
    awsLoadBalancerController: {
        chart: "aws-load-balancer-controller",
        repository: "https://aws.github.io/eks-charts",
        version: "1.13.3",
        why: "EKS only: registers the public gateway's pods in the Pulumi-owned ALB's target group (TargetGroupBinding, issue 12); creates no load balancer of its own",
    },
    flagger: {
        chart: "flagger",
        repository: "https://flagger.app",
        version: "1.41.0",
        seedMinimum: "1.34.0",
        why: "progressive delivery: canaries analysed on Istio metrics, automatic rollback (seed 001 P3, DL5)",
    },
    externalSecrets: {
        chart: "external-secrets",
        repository: "https://charts.external-secrets.io",
        version: "0.17.0",
        why: "Kubernetes Secrets from Secrets Manager / Secret Manager without keys (seeds 001, 003 P4, S6)",
    },
    externalDns: {
        chart: "external-dns",
        repository: "https://kubernetes-sigs.github.io/external-dns/",
        version: "1.16.1",
        why: "DNS records in the platform's Route 53 / Cloud DNS zones for ingresses and gateways (seed N12)",
    },
    kong: {
        chart: "kong",
        repository: "https://charts.konghq.com",
        version: "2.48.0",
        why: "the API gateway of seed 004 (N30), DB-less with its ingress controller; admin API inside the cluster only",
    },
    kubePrometheusStack: {
        chart: "kube-prometheus-stack",
        repository: "https://prometheus-community.github.io/helm-charts",
        // 70.10.0 runs prometheus-operator v0.81.0, the CRDs of prometheus-operator-crds 19.0.0: bump both together.
        version: "70.10.0",
        why: "Prometheus (HA), Alertmanager and Grafana with the platform's alert and SLO rules (seeds 000, 001, 004 O1-O10); CRDs from prometheus-operator-crds",
    },
    // Logs and traces (@platform/observability's LogsAndTraces), after the monitoring stack.
    loki: {
        chart: "loki",
        repository: "https://grafana.github.io/helm-charts",
        // 6.30.1 runs Loki 3.5: OTLP ingestion with structured metadata, TSDB schema v13, Pod Identity through the AWS SDK.
        version: "6.30.1",
        why: "logs (seeds 003, 004 O14; instead of seed 001's ELK, docs/decisions.md): chunks and index in object storage, retention from the profile",
    },
    tempo: {
        chart: "tempo",
        repository: "https://grafana.github.io/helm-charts",
        // 1.23.2 runs Tempo 2.8 (monolithic): object storage backend, OTLP receiver, compactor retention.
        version: "1.23.2",
        why: "traces (seed 001 O12's tracing backend; Tempo instead of Jaeger + Elasticsearch, docs/decisions.md), blocks in object storage",
    },
    openTelemetryCollector: {
        chart: "opentelemetry-collector",
        repository: "https://open-telemetry.github.io/opentelemetry-helm-charts",
        // 0.127.2 runs collector 0.127.0 (the otel/opentelemetry-collector-k8s distribution); installed twice: gateway and node agent.
        version: "0.127.2",
        why: "the OTLP gateway (seed 001 O11: 3 replicas HA in prod) to Tempo and Loki, and the node agent reading container logs",
    },
    gatekeeper: {
        chart: "gatekeeper",
        repository: "https://open-policy-agent.github.io/gatekeeper/charts",
        version: "3.19.1",
        seedMinimum: "3.14.0",
        why: "admission control: the kubernetes pack's ten rules and eight mutations for manifests applied outside Pulumi (seed 001 S1)",
    },
    falco: {
        chart: "falco",
        repository: "https://falcosecurity.github.io/charts",
        // Chart 7.0.1 runs Falco 0.42.1 (seed 001 asks for 0.36+) with the modern eBPF driver and falcosidekick 2.x.
        version: "7.0.1",
        why: "runtime threat detection on every node with the seeds' rules, alerts through falcosidekick to the Alertmanager (seeds 000 S3, 001 S2)",
    },
} as const satisfies Record<string, ChartPin>;

export type ChartKey = keyof typeof CHARTS;

/** An exact semantic version, optionally with a leading `v` (cert-manager's charts carry it): no range, no wildcard, no tag. */
export const EXACT_VERSION = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** Problems with a pin: a range or tag instead of an exact version, a non-HTTPS repository, a version below the seed's minimum. */
export function chartPinProblems(key: string, pin: ChartPin): string[] {
    const problems: string[] = [];
    if (!EXACT_VERSION.test(pin.version)) {
        problems.push(`${key}: version "${pin.version}" is not an exact version (write e.g. 1.26.2, never a range such as ^1.26 or 1.x)`);
    }
    if (!pin.repository.startsWith("https://")) {
        problems.push(`${key}: repository ${pin.repository} is not an https:// chart repository`);
    }
    if (pin.seedMinimum !== undefined && EXACT_VERSION.test(pin.version) && compareVersions(pin.version, pin.seedMinimum) < 0) {
        problems.push(`${key}: version ${pin.version} is below the seed's minimum ${pin.seedMinimum}`);
    }
    return problems;
}

function compareVersions(a: string, b: string): number {
    const parts = (v: string) => v.replace(/^v/, "").split(".").map(Number);
    const [x, y] = [parts(a), parts(b)];
    for (let i = 0; i < 3; i++) {
        const d = (x[i] ?? 0) - (y[i] ?? 0);
        if (d !== 0) return d;
    }
    return 0;
}

/** The table of docs/addons.md: chart, repository, version, why. */
export function chartTable(): string {
    const rows = Object.values(CHARTS).map((p: ChartPin) => `| \`${p.chart}\` | ${p.repository} | ${p.version} | ${p.why} |`);
    return ["| chart | repository | version | why |", "|---|---|---|---|", ...rows].join("\n");
}
