/**
 * The platform layer as a function of validated settings, the cloud provider and what the lower
 * layers export: the cluster's kubernetes provider (from the cluster contract's kubeconfig), then
 * the add-ons, each a pinned Helm release with values from the profile, in one explicit order
 * (each waits for the one before: `dependsOn`), CRDs first:
 *
 *   prometheus-operator CRDs -> cert-manager (+ ClusterIssuers) -> metrics-server (EKS) ->
 *   KEDA -> Istio (base, CNI, istiod, STRICT mTLS, gateways) -> ingress-nginx (a mesh client: after
 *   istiod's injection webhook) ->
 *   AWS Load Balancer Controller (+ the gateway's TargetGroupBinding; EKS with a public zone) or the
 *   GKE public gateway (Gateway, routes and GKE policies; GCP with platform:dr.hostnames) -> Flagger ->
 *   External Secrets (+ ClusterSecretStore) -> ExternalDNS -> Kong -> the monitoring stack
 *   (kube-prometheus-stack, its ExternalSecrets and the platform's PrometheusRules; @platform/observability)
 *   -> Grafana dashboards -> logs and traces (Loki, Tempo and their buckets and identities, the
 *   OpenTelemetry Collector gateway and node agent, Grafana's Loki and Tempo datasources) ->
 *   Gatekeeper (+ templates, constraints, mutations) -> Falco (runtime security on every node,
 *   alerts to the monitoring stack's Alertmanager) -> cluster access (the break-glass
 *   cluster-admin binding, the app teams' namespaces and deployment-manager Roles)
 *
 * Outside the chain, the nightly drift identity's read access (`drift-access.ts`): an EKS access
 * entry for the security layer's drift role, or on GKE the RBAC grant to read Secrets.
 *
 * Where the environment has a public zone, on AWS the public edge comes first, outside the chain
 * (cloud resources only): the WAF-guarded ALB in front of the Istio ingress gateway, whose Service
 * is then ClusterIP, and its CloudWatch alarms. On GCP with platform:dr.hostnames the edge's cloud
 * half comes first the same way (address, Cloud Armor, SSL policy, certificates; GcpPublicEdge)
 * with its 5xx alert, and the Gateway that uses it follows Istio.
 *
 * The `platform-addons` stack passes what it reads through stack references and names the drift
 * identity; the root one-stack program passes the lower layers' return values, the security
 * layer's drift role included.
 */
import type * as pulumi from "@pulumi/pulumi";
import {
    type AddonContext,
    AwsLoadBalancerController,
    CertManager,
    CHARTS,
    ClusterAccess,
    ExternalDns,
    ExternalSecrets,
    Falco,
    Flagger,
    Gatekeeper,
    GKE_PUBLIC_GATEWAY_NAME,
    GkePublicGateway,
    IngressNginx,
    Istio,
    ISTIO_EGRESS_NAMESPACE,
    ISTIO_INGRESS_GATEWAY_SERVICE,
    ISTIO_INGRESS_GATEWAY_TARGET,
    ISTIO_INGRESS_NAMESPACE,
    Keda,
    Kong,
    MetricsServer,
    PrometheusOperatorCrds,
} from "@platform/addons";
import { clusterProvider } from "@platform/cluster";
import { AwsPublicEdge, GcpProjectServices, GcpPublicEdge } from "@platform/network";
import {
    ALERTMANAGER_URL,
    AwsAlarms,
    awsAlarmThresholds,
    GcpAlerts,
    gcpAlertThresholds,
    GrafanaDashboards,
    LogsAndTraces,
    MonitoringStack,
    runbookBaseUrlOf,
    SERVICE_SLOS,
    sloDashboardSpec,
} from "@platform/observability";
import {
    type CloudProvider,
    type DnsZoneOutputs,
    isProductionEnvironment,
    type PlatformOutputs,
    type PlatformSettings,
    protectionOptions,
    type PublicLoadBalancerOutputs,
    resourceName,
    type StackOutputs,
} from "@platform/core";
import * as pulumiRuntime from "@pulumi/pulumi";
import type { Upstream } from "./upstream.js";
import { type DriftIdentity, driftAccess } from "./drift-access.js";
import { dnsFailover, drPublicAddress } from "./dr.js";

export type PlatformStackOutputs = StackOutputs<PlatformOutputs>;

/** APIs the GCP public edge needs beyond the lower layers' (its certificates). */
export const EDGE_APIS = ["certificatemanager.googleapis.com"] as const;

/** A zone's id as the add-ons need it: the Route 53 id, or the Cloud DNS managed zone's name (the last part of its id). */
function zoneId(dns: pulumi.Input<DnsZoneOutputs>, which: "publicZoneId" | "privateZoneId", cloud: "aws" | "gcp"): pulumi.Output<string> {
    return pulumiRuntime.output(dns).apply((d) => {
        const id = d[which];
        if (id === null) {
            throw new Error(
                `the foundation stack has no ${which} although platform:dns configures that zone; deploy the foundation layer first`,
            );
        }
        return cloud === "aws" ? id : (id.split("/").pop() ?? id);
    });
}

export function platformLayer(
    settings: PlatformSettings,
    provider: CloudProvider,
    upstream: Upstream,
    security: DriftIdentity = {},
): PlatformStackOutputs {
    if (settings.cloud !== upstream.cloud) {
        throw new Error(`platform layer: settings say ${settings.cloud} but the cluster contract is for ${upstream.cloud}`);
    }
    const naming = { project: settings.project, environment: settings.environment };
    const profile = settings.profile;
    const k8sProvider = clusterProvider(resourceName({ ...naming, component: "platform-k8s" }), {
        kubeconfig: upstream.kubeconfig,
        clusterName: upstream.clusterName,
    });
    const context: AddonContext = {
        naming,
        cloud: settings.cloud,
        region: settings.region,
        kubernetesVersion: profile.cluster.kubernetesVersion,
        cluster:
            upstream.cloud === "aws"
                ? { cloud: "aws", clusterName: upstream.clusterName, clusterArn: upstream.clusterArn }
                : { cloud: "gcp", project: settings.cloud === "gcp" ? settings.gcpProject : "" },
        clusterName: upstream.clusterName,
        // GKE reserves its system pool for GKE's own components.
        onSystemNodes: settings.cloud === "aws" && profile.cluster.systemNodes > 0,
        labels: { environment: settings.environment, team: settings.ownership.team },
    };
    const replicas = profile.platform;
    // Add-ons are not stateful; protection in prod and dr keeps a stray destroy from taking the mesh down.
    const base = { providers: [provider, k8sProvider], ...protectionOptions(profile) };
    const after = (previous: pulumi.Resource) => ({ ...base, dependsOn: [previous] });

    const crds = new PrometheusOperatorCrds("prometheus-crds", { context }, base);
    const publicZone = settings.dns.publicZone;
    const certManager = new CertManager(
        "cert-manager",
        {
            context,
            replicas: replicas.controllerReplicas,
            ...(settings.platform.acmeEmail !== undefined ? { acmeEmail: settings.platform.acmeEmail } : {}),
            ...(publicZone !== undefined
                ? { publicZone: { domain: publicZone, zoneId: zoneId(upstream.dns, "publicZoneId", settings.cloud) } }
                : {}),
        },
        after(crds),
    );
    const metrics =
        settings.cloud === "aws"
            ? new MetricsServer("metrics-server", { context, replicas: replicas.controllerReplicas }, after(certManager))
            : certManager;
    // The public edge (issue 12): AWS only so far, and only where a public zone can hold its
    // certificate's validation and its alias records.
    const edge =
        upstream.cloud === "aws" && publicZone !== undefined
            ? new AwsPublicEdge(
                  "edge",
                  {
                      naming,
                      region: settings.region,
                      vpcId: upstream.vpcId,
                      publicSubnetIds: Array.from({ length: profile.network.availabilityZones }, (_, i) =>
                          pulumiRuntime.output(upstream.publicSubnetIds).apply((ids) => {
                              const id = ids[i];
                              if (id === undefined)
                                  throw new Error(`the foundation exports no public subnet ${i + 1}; deploy the foundation layer first`);
                              return id;
                          }),
                      ),
                      domain: publicZone,
                      zoneId: zoneId(upstream.dns, "publicZoneId", settings.cloud),
                      targetSecurityGroupId: upstream.nodeSecurityGroupId,
                      target: ISTIO_INGRESS_GATEWAY_TARGET,
                      logsKmsKeyArn: upstream.logsKmsKeyArn,
                      logRetentionDays: profile.logRetentionDays,
                      ...(settings.platform.edgeRateLimitPer5Minutes !== undefined
                          ? { rateLimitPer5Minutes: settings.platform.edgeRateLimitPer5Minutes }
                          : {}),
                      deletionProtection: isProductionEnvironment(settings.environment),
                  },
                  base,
              )
            : undefined;
    if (edge !== undefined && upstream.cloud === "aws") {
        // Beside what they watch, on their own CMK-encrypted topic like the other layers' alarms.
        new AwsAlarms(
            "edge-alarms",
            {
                naming,
                kmsKeyArn: upstream.logsKmsKeyArn,
                thresholds: awsAlarmThresholds(profile.data),
                loadBalancerArnSuffixes: [edge.loadBalancerArnSuffix],
            },
            base,
        );
    }
    // GCP with platform:dr.hostnames (dr): the public edge's cloud half (address, Cloud Armor, SSL
    // policy, certificates); its Gateway comes after Istio. Without it, the ingress-nginx load
    // balancer's regional address is reserved instead. Either is what prod's DNS failover points at (docs/dr.md).
    const gcpEdge =
        settings.cloud === "gcp" && settings.dr !== undefined
            ? new GcpPublicEdge(
                  "edge",
                  {
                      naming,
                      project: settings.gcpProject,
                      hostnames: settings.dr.hostnames,
                      ...(settings.platform.edgeRateLimitPer5Minutes !== undefined
                          ? { rateLimitPer5Minutes: settings.platform.edgeRateLimitPer5Minutes }
                          : {}),
                  },
                  {
                      ...base,
                      dependsOn: [
                          new GcpProjectServices(
                              "edge-apis",
                              { naming, project: settings.gcpProject, services: EDGE_APIS },
                              { providers: [provider], ...protectionOptions(profile) },
                          ),
                      ],
                  },
              )
            : undefined;
    if (gcpEdge !== undefined && settings.cloud === "gcp" && settings.alerts.emails.length > 0) {
        // The Gateway's load balancer 5xx share, beside the edge like AWS's edge alarms.
        new GcpAlerts(
            "edge-alerts",
            {
                naming,
                project: settings.gcpProject,
                emails: settings.alerts.emails,
                thresholds: gcpAlertThresholds(profile.data),
                loadBalancerGateway: { namespace: ISTIO_INGRESS_NAMESPACE, name: GKE_PUBLIC_GATEWAY_NAME },
            },
            base,
        );
    }
    const publicAddress = settings.cloud === "gcp" && gcpEdge === undefined ? drPublicAddress(settings, provider) : undefined;
    // With a public edge, the edge (WAF / Cloud Armor) is the one way in from the internet: the
    // other gateways' load balancers are internal, and the Istio gateway behind the edge routes to them.
    const hasPublicEdge = edge !== undefined || gcpEdge !== undefined;
    const gatewayExposure = hasPublicEdge ? "internal" : "public";
    const keda = new Keda("keda", { context, replicas: replicas.controllerReplicas }, after(metrics));
    const istio = new Istio(
        "istio",
        {
            context,
            istiodReplicas: replicas.istiodReplicas,
            ingressGatewayReplicas: replicas.ingressGatewayReplicas,
            egressGatewayReplicas: replicas.egressGatewayReplicas,
            ingressExposure: hasPublicEdge ? "publicEdge" : "loadBalancer",
            ...(edge !== undefined ? { publicHosts: edge.hostnames } : gcpEdge !== undefined ? { publicHosts: gcpEdge.hostnames } : {}),
        },
        after(keda),
    );
    // After istiod: its webhook injects the controller's mesh sidecar (the apps accept mTLS only).
    const nginx = new IngressNginx(
        "ingress-nginx",
        {
            context,
            replicas: replicas.ingressGatewayReplicas,
            exposure: gatewayExposure,
            ...(publicAddress !== undefined ? { loadBalancerIP: publicAddress.address } : {}),
        },
        after(istio),
    );
    const gateway =
        gcpEdge !== undefined
            ? new GkePublicGateway(
                  "public-gateway",
                  {
                      context,
                      namespace: ISTIO_INGRESS_NAMESPACE,
                      backend: {
                          service: ISTIO_INGRESS_GATEWAY_SERVICE,
                          port: ISTIO_INGRESS_GATEWAY_TARGET.servicePort,
                          healthCheckPort: ISTIO_INGRESS_GATEWAY_TARGET.healthCheckPort,
                          healthCheckPath: ISTIO_INGRESS_GATEWAY_TARGET.healthCheckPath,
                      },
                      hostnames: gcpEdge.hostnames,
                      addressName: gcpEdge.addressName,
                      certificateMapName: gcpEdge.certificateMapName,
                      securityPolicyName: gcpEdge.securityPolicyName,
                      sslPolicyName: gcpEdge.sslPolicyName,
                  },
                  after(nginx),
              )
            : nginx;
    // Keeps the edge's target group equal to the ingress gateway's ready pods.
    const lbController =
        edge !== undefined && upstream.cloud === "aws"
            ? new AwsLoadBalancerController(
                  "aws-lb-controller",
                  {
                      context,
                      vpcId: upstream.vpcId,
                      replicas: replicas.controllerReplicas,
                      bindings: [
                          {
                              name: "public-gateway",
                              namespace: ISTIO_INGRESS_NAMESPACE,
                              serviceName: ISTIO_INGRESS_GATEWAY_SERVICE,
                              servicePort: ISTIO_INGRESS_GATEWAY_TARGET.servicePort,
                              targetGroupArn: edge.targetGroupArn,
                          },
                      ],
                  },
                  after(gateway),
              )
            : gateway;
    const flagger = new Flagger("flagger", { context, replicas: replicas.controllerReplicas }, after(lbController));
    const secrets = new ExternalSecrets(
        "external-secrets",
        {
            context,
            replicas: replicas.controllerReplicas,
            ...(upstream.cloud === "aws" ? { secretsKmsKeyArn: upstream.secretsKmsKeyArn } : {}),
        },
        after(flagger),
    );
    // Behind a public edge the public zone's names are the edge's (its apex and wildcard aliases):
    // a record ExternalDNS wrote there for an Ingress on the internal nginx or Kong would shadow the
    // wildcard with a private address, and public clients would miss the edge. It keeps the private zone.
    const zones = [
        ...(publicZone !== undefined && !hasPublicEdge
            ? [{ domain: publicZone, zoneId: zoneId(upstream.dns, "publicZoneId", settings.cloud) }]
            : []),
        ...(settings.dns.privateZone !== undefined
            ? [{ domain: settings.dns.privateZone, zoneId: zoneId(upstream.dns, "privateZoneId", settings.cloud) }]
            : []),
    ];
    const dns = zones.length > 0 ? new ExternalDns("external-dns", { context, zones }, after(secrets)) : secrets;
    const kong = new Kong("kong", { context, replicas: replicas.kongReplicas, exposure: gatewayExposure }, after(dns));
    // Volumes encrypted with the data key: EKS's default class is; on GKE the data layer's CMEK class (GKE's default is not).
    const volumes =
        upstream.cloud === "aws"
            ? upstream.defaultStorageClass
            : pulumiRuntime.all([upstream.volumeStorageClass, upstream.defaultStorageClass]).apply(([cmek, fallback]) => cmek ?? fallback);
    // After the add-ons: it needs the CRDs (first release), the secret store (External Secrets) and scrapes everything before it.
    const monitoring = new MonitoringStack(
        "monitoring",
        {
            context,
            profile: profile.monitoring,
            alerting: settings.platform.alerting,
            storageClass: volumes,
            runbookBaseUrl: runbookBaseUrlOf(settings.security.github),
        },
        after(kong),
    );
    // The dashboards the monitoring stack's Grafana sidecar loads: seed 000's overview, cluster,
    // database, and one per SLO from the same specs as the SLO rules.
    const dashboards = new GrafanaDashboards(
        "dashboards",
        { naming, slos: SERVICE_SLOS.map(sloDashboardSpec), labels: context.labels },
        after(monitoring),
    );
    // Logs and traces: in the monitoring namespace, its datasources for the monitoring stack's Grafana.
    const telemetry = new LogsAndTraces(
        "logs-traces",
        {
            context,
            profile: profile.monitoring,
            dataKmsKey: upstream.cloud === "aws" ? upstream.dataKmsKeyArn : upstream.dataKmsKeyId,
            storageClass: volumes,
        },
        after(dashboards),
    );
    // Last: its constraints admit only what the kubernetes pack admits, in app namespaces.
    const gatekeeper = new Gatekeeper(
        "gatekeeper",
        {
            context,
            replicas: replicas.controllerReplicas,
            trustedRegistries: settings.platform.trustedRegistries,
            minReplicas: isProductionEnvironment(settings.environment) ? 2 : 1,
            environment: settings.environment,
        },
        after(telemetry),
    );
    // After Gatekeeper: a DaemonSet on every node, the last to roll out; its alerts need the
    // monitoring stack's Alertmanager (installed above).
    const falco = new Falco(
        "falco",
        {
            context,
            resources: profile.runtimeSecurity,
            minimumPriority: settings.platform.runtimeSecurity.minimumPriority,
            alertmanagerUrl: ALERTMANAGER_URL,
            team: settings.ownership.team,
        },
        after(gatekeeper),
    );
    // Last: team namespaces are app namespaces, which Gatekeeper's constraints select.
    new ClusterAccess(
        "access",
        { context, breakGlassGroup: settings.platform.rbac.breakGlassGroup, teams: settings.platform.rbac.teams },
        after(falco),
    );
    // The drift identity reads the cluster: it waits for nothing in the chain, nor the chain for it.
    driftAccess(settings, provider, upstream, security, base);

    // AWS with platform:dr.failover (prod): the application name fails over to the dr environment.
    const failover = settings.cloud === "aws" ? dnsFailover(settings, provider, upstream.dns, edge) : undefined;

    return {
        environment: settings.environment,
        cloud: settings.cloud,
        ingressClasses: { nginx: nginx.ingressClass, kong: kong.ingressClass },
        clusterIssuers: certManager.issuerNames,
        secretStore: secrets.secretStoreName,
        kedaTriggerAuthentication: keda.triggerAuthentication,
        istio: {
            ingressGatewayNamespace: ISTIO_INGRESS_NAMESPACE,
            egressGatewayNamespace: ISTIO_EGRESS_NAMESPACE,
            mtlsMode: istio.mtlsMode,
            publicGateway: istio.publicGateway ?? null,
        },
        otlp: { grpcEndpoint: telemetry.otlpGrpcEndpoint, httpEndpoint: telemetry.otlpHttpEndpoint },
        charts: Object.fromEntries(
            Object.values(CHARTS)
                .filter((pin) => settings.cloud === "aws" || pin.chart !== CHARTS.metricsServer.chart)
                .filter((pin) => lbController !== gateway || pin.chart !== CHARTS.awsLoadBalancerController.chart)
                .map((pin) => [pin.chart, pin.version]),
        ),
        publicAddress: gcpEdge !== undefined ? gcpEdge.address : publicAddress !== undefined ? publicAddress.address : null,
        failover:
            failover !== undefined
                ? pulumiRuntime
                      .all([failover.fqdn, failover.healthCheckId])
                      .apply(([hostname, healthCheckId]) => ({ hostname, healthCheckId }))
                : null,
        publicLoadBalancer:
            edge !== undefined
                ? pulumiRuntime
                      .all([edge.dnsName, edge.zoneId, edge.loadBalancerArn])
                      .apply(([dnsName, zone, arn]): PublicLoadBalancerOutputs => ({
                          cloud: "aws",
                          dnsName,
                          zoneId: zone,
                          arn,
                          hostnames: [...edge.hostnames],
                      }))
                : gcpEdge !== undefined
                  ? pulumiRuntime
                        .all([gcpEdge.address, gcpEdge.dnsAuthorizations])
                        .apply(([address, authorizations]): PublicLoadBalancerOutputs => ({
                            cloud: "gcp",
                            address,
                            hostnames: [...gcpEdge.hostnames],
                            dnsAuthorizations: authorizations.map((a) => ({
                                domain: a.domain,
                                recordName: a.recordName,
                                recordData: a.recordData,
                            })),
                        }))
                  : null,
    };
}
