/**
 * MonitoringStack: kube-prometheus-stack as a pinned Helm release in `monitoring` (Prometheus HA
 * with retention and encrypted volumes from the profile, Alertmanager with the platform's routing,
 * Grafana with the dashboards sidecar), the ExternalSecrets that hold every credential it reads
 * (Alertmanager receivers, Grafana's admin), and the platform's PrometheusRules (seed alerts, seed
 * 004's recording rule, one SLO per service). Its CRDs come from the add-ons'
 * prometheus-operator-crds release: install this after it (pass `dependsOn`).
 */
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import * as pulumiRuntime from "@pulumi/pulumi";
import {
    type AddonContext,
    addonNamespace,
    CHARTS,
    chartRelease,
    checkReplicas,
    controllerPlacement,
    PLATFORM_SECRET_STORE,
} from "@platform/addons";
import {
    type AlertingSettings,
    checkWholeNumber,
    type Issue,
    MONITORING_RETENTION_RANGE,
    MONITORING_STORAGE_RANGE,
    type MonitoringProfile,
    PlatformComponent,
} from "@platform/core";
import { alertmanagerConfig, RECEIVER_SECRET_NAME } from "../alertmanager/config.js";
import { validateAlertmanagerArgs } from "../alertmanager/validate.js";
import { prometheusRuleManifest } from "../rules/prometheus-rule.mjs";
import { SERVICE_SLOS } from "../slo/services.js";
import { type SloSpec, validateSloSpecs } from "../slo/spec.js";
import { externalSecretManifest } from "./external-secret.mjs";
import { monitoringRuleSets } from "./rule-sets.js";
import { GRAFANA_DASHBOARD_LABEL, GRAFANA_FOLDER_ANNOTATION, MONITORING_NAMESPACE } from "../constants.js";

export const MONITORING_RELEASE = "kube-prometheus-stack";
/**
 * The Alertmanager's in-cluster address: the chart's Service `<fullname>-alertmanager` (the
 * fullname is the release name, which contains the chart's name) on the chart's port 9093.
 * Falco's falcosidekick posts its alerts here.
 */
export const ALERTMANAGER_URL = `http://${MONITORING_RELEASE}-alertmanager.${MONITORING_NAMESPACE}.svc:9093`;
/** Grafana's admin credentials: the Secret an ExternalSecret fills (`admin-user`, `admin-password`). */
export const GRAFANA_ADMIN_SECRET = "grafana-admin";

export interface MonitoringStackArgs {
    readonly context: AddonContext;
    /** Replicas, retention and volume size (the environment profile's `monitoring`). */
    readonly profile: MonitoringProfile;
    /** Teams and mail server of the Alertmanager (`platform:platform.alerting`); required. */
    readonly alerting: AlertingSettings | undefined;
    /**
     * The StorageClass of Prometheus' and Alertmanager's volumes: one encrypted with the
     * foundation's `data` key (the platform layer passes the cluster's default on EKS, the data
     * layer's `pd-balanced-cmek` on GKE; null means the same as unset). @default the cluster's default StorageClass
     */
    readonly storageClass?: pulumi.Input<string | null>;
    /** Where docs/runbooks.md is published (alerts' `runbook_url`). */
    readonly runbookBaseUrl: string;
    /** The SLOs of the services on the cluster. @default SERVICE_SLOS (seed 001's backend and frontend) */
    readonly slos?: readonly SloSpec[];
}

/** Pass the cluster's kubernetes provider in `providers`, and `dependsOn` the prometheus-operator CRDs. */
export class MonitoringStack extends PlatformComponent {
    readonly release: k8s.helm.v3.Release;
    readonly namespaceName: string;
    /** The PrometheusRule objects, by name. */
    readonly ruleNames: string[];

    constructor(name: string, args: MonitoringStackArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:observability:MonitoringStack", name, args.context.naming, opts);
        const slos = args.slos ?? SERVICE_SLOS;
        this.validate(validateMonitoringStackArgs(args, slos));
        const alerting = args.alerting!;
        const ctx = args.context;
        const p = args.profile;
        const { project, environment } = ctx.naming;

        // baseline: the chart's pods are not all restricted-proof (audit and warn stay at restricted);
        // node-exporter needs host access and runs in kube-system instead. No sidecars: Prometheus
        // scrapes every namespace and must not depend on the mesh it watches.
        const namespace = addonNamespace(`${name}-namespace`, ctx, MONITORING_NAMESPACE, this, { podSecurity: "baseline" });
        const secret = (child: string, secretName: string) =>
            new k8s.apiextensions.CustomResource(
                this.childName(child),
                externalSecretManifest({
                    name: secretName,
                    namespace: MONITORING_NAMESPACE,
                    store: PLATFORM_SECRET_STORE,
                    remoteKey: `${project}-${environment}-${secretName}`,
                    labels: ctx.labels,
                }) as k8s.apiextensions.CustomResourceArgs,
                this.childOptions({ dependsOn: [namespace] }),
            );
        const receivers = secret("receivers-secret", RECEIVER_SECRET_NAME);
        const grafanaAdmin = secret("grafana-admin-secret", GRAFANA_ADMIN_SECRET);

        const place = controllerPlacement(ctx.onSystemNodes);
        const volume = (size: string) => ({
            volumeClaimTemplate: {
                spec: {
                    ...(args.storageClass !== undefined
                        ? { storageClassName: pulumiRuntime.output(args.storageClass).apply((c) => c ?? undefined) }
                        : {}),
                    accessModes: ["ReadWriteOnce"],
                    resources: { requests: { storage: size } },
                },
            },
        });
        const spread = (replicas: number) => (replicas > 1 ? "hard" : "");
        this.release = chartRelease(
            this.childName("release"),
            {
                name: MONITORING_RELEASE,
                namespace: MONITORING_NAMESPACE,
                pin: CHARTS.kubePrometheusStack,
                timeoutSeconds: 900,
                values: {
                    // The add-ons' prometheus-operator-crds release owns the CRDs (same operator version).
                    crds: { enabled: false },
                    defaultRules: { create: true },
                    // Managed control planes (EKS, GKE) do not expose these to scraping.
                    kubeEtcd: { enabled: false },
                    kubeScheduler: { enabled: false },
                    kubeControllerManager: { enabled: false },
                    kubeProxy: { enabled: false },
                    prometheusOperator: { nodeSelector: place.nodeSelector, tolerations: place.tolerations },
                    "kube-state-metrics": { nodeSelector: place.nodeSelector, tolerations: place.tolerations },
                    // Host network and PID: not allowed in a baseline namespace; kube-system is the cluster's own.
                    "prometheus-node-exporter": { namespaceOverride: "kube-system" },
                    prometheus: {
                        prometheusSpec: {
                            replicas: p.prometheusReplicas,
                            podAntiAffinity: spread(p.prometheusReplicas),
                            retention: `${p.retentionDays}d`,
                            // Keep 15% of the volume free: a full volume stops ingestion.
                            retentionSize: `${Math.floor(p.storageGiB * 0.85)}GB`,
                            storageSpec: volume(`${p.storageGiB}Gi`),
                            // Every ServiceMonitor, PodMonitor and PrometheusRule in the cluster, not only the chart's.
                            ruleSelectorNilUsesHelmValues: false,
                            serviceMonitorSelectorNilUsesHelmValues: false,
                            podMonitorSelectorNilUsesHelmValues: false,
                            probeSelectorNilUsesHelmValues: false,
                            externalLabels: { environment, cluster: ctx.clusterName },
                            resources: { requests: { cpu: "500m", memory: "2Gi" }, limits: { memory: "6Gi" } },
                        },
                    },
                    alertmanager: {
                        config: alertmanagerConfig({ teams: alerting.teams, smtp: alerting.smtp }),
                        alertmanagerSpec: {
                            replicas: p.alertmanagerReplicas,
                            podAntiAffinity: spread(p.alertmanagerReplicas),
                            // Mounted at /etc/alertmanager/secrets/<name>/: the receivers' *_file paths.
                            secrets: [RECEIVER_SECRET_NAME],
                            storage: volume("2Gi"),
                            resources: { requests: { cpu: "50m", memory: "128Mi" }, limits: { memory: "256Mi" } },
                        },
                    },
                    grafana: {
                        enabled: true,
                        // From the secret store: no password in the values or the state (the chart's default is public).
                        admin: { existingSecret: GRAFANA_ADMIN_SECRET, userKey: "admin-user", passwordKey: "admin-password" },
                        sidecar: {
                            dashboards: {
                                enabled: true,
                                label: Object.keys(GRAFANA_DASHBOARD_LABEL)[0],
                                labelValue: GRAFANA_DASHBOARD_LABEL.grafana_dashboard,
                                searchNamespace: "ALL",
                                // Each dashboard's folder from its ConfigMap's annotation (GrafanaDashboards sets it).
                                folderAnnotation: GRAFANA_FOLDER_ANNOTATION,
                                provider: { foldersFromFilesStructure: true },
                            },
                            datasources: { enabled: true },
                        },
                        // Dashboards are code (ConfigMaps): nothing to keep on a volume.
                        persistence: { enabled: false },
                        "grafana.ini": {
                            users: { allow_sign_up: false },
                            auth: { disable_login_form: false },
                            analytics: { reporting_enabled: false },
                        },
                    },
                },
            },
            this.childOptions({ dependsOn: [namespace, receivers, grafanaAdmin] }),
        );

        const sets = monitoringRuleSets({ runbookBaseUrl: args.runbookBaseUrl, slos });
        this.ruleNames = Object.keys(sets);
        for (const [ruleName, groups] of Object.entries(sets)) {
            new k8s.apiextensions.CustomResource(
                this.childName(`rules-${ruleName}`),
                prometheusRuleManifest({
                    name: ruleName,
                    namespace: MONITORING_NAMESPACE,
                    groups,
                    labels: { ...ctx.labels, release: MONITORING_RELEASE },
                }) as k8s.apiextensions.CustomResourceArgs,
                // The operator's admission webhook validates PrometheusRules: after the release.
                this.childOptions({ dependsOn: [this.release] }),
            );
        }
        this.namespaceName = MONITORING_NAMESPACE;
        this.complete("namespaceName", "ruleNames");
    }
}

/** Every problem with the arguments: replicas, retention, volume size, the alerting settings and the SLOs. */
export function validateMonitoringStackArgs(args: MonitoringStackArgs, slos: readonly SloSpec[] = args.slos ?? SERVICE_SLOS): Issue[] {
    const p = args.profile;
    const issues: Issue[] = [
        ...checkReplicas("profile.prometheusReplicas", p.prometheusReplicas),
        ...checkReplicas("profile.alertmanagerReplicas", p.alertmanagerReplicas),
        ...checkWholeNumber("profile.retentionDays", p.retentionDays, MONITORING_RETENTION_RANGE),
        ...checkWholeNumber("profile.storageGiB", p.storageGiB, MONITORING_STORAGE_RANGE),
        ...validateSloSpecs(slos),
    ];
    if (args.alerting === undefined) {
        issues.push({
            field: "alerting",
            value: undefined,
            problem: "is required: an Alertmanager without receivers drops every alert",
            fix: "set platform:platform.alerting (teams with their email, smtp) in the environment's stack file",
        });
    } else {
        issues.push(...validateAlertmanagerArgs(args.alerting, "alerting."));
    }
    return issues;
}
