import * as assert from "node:assert/strict";
import { type AddonContext } from "@platform/addons";
import { type AlertingSettings, PROFILES } from "@platform/core";
import { fieldsAndProblems, findResource, findGoTool, type InventoryResource, ofType, rejectedIssues, synthesize } from "@platform/synth";
import { validateObject } from "@platform/workload/schemas";
import { alertmanagerConfig, MonitoringStack, monitoringRuleSets, type RuleGroup, runbookBaseUrlOf, SEED_001_SLOS } from "../src/index.js";
import { checkRules } from "./promtool.js";

const RUNBOOKS = runbookBaseUrlOf({ owner: "acme-corp", repository: "platform" });
const ALERTING: AlertingSettings = {
    teams: [
        { name: "platform", email: "platform-team@acme.example.com" },
        { name: "docuthinker", email: "docuthinker-team@acme.example.com" },
    ],
    smtp: { from: "alerts@acme.example.com", smarthost: "email-smtp.us-east-1.amazonaws.com:587", username: "alertmanager" },
};
const context = (environment: string): AddonContext => ({
    naming: { project: "acme", environment },
    cloud: "aws",
    region: "us-east-1",
    kubernetesVersion: "1.35",
    cluster: {
        cloud: "aws",
        clusterName: `acme-${environment}-eks`,
        clusterArn: `arn:aws:eks:us-east-1:111111111111:cluster/acme-${environment}-eks`,
    },
    clusterName: `acme-${environment}-eks`,
    onSystemNodes: environment !== "dev",
    labels: { environment, team: "platform" },
});

async function synth(environment: "dev" | "prod", extra: { storageClass?: string } = {}): Promise<InventoryResource[]> {
    return (
        await synthesize({
            project: "t",
            stack: environment,
            program: () =>
                new MonitoringStack("monitoring", {
                    context: context(environment),
                    profile: PROFILES[environment].monitoring,
                    alerting: ALERTING,
                    runbookBaseUrl: RUNBOOKS,
                    ...extra,
                }),
        })
    ).resources;
}

const RELEASE = "kubernetes:helm.sh/v3:Release";
const RULE = "kubernetes:monitoring.coreos.com/v1:PrometheusRule";
const EXTERNAL_SECRET = "kubernetes:external-secrets.io/v1:ExternalSecret";
const at = (v: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], v);

describe("MonitoringStack", () => {
    it("prod: the pinned kube-prometheus-stack without its CRDs, Prometheus x2 (30 days on the encrypted class), Alertmanager x3 with the platform's routing, Grafana's admin from the secret store", async () => {
        const resources = await synth("prod", { storageClass: "gp3-encrypted" });
        const release = findResource(resources, RELEASE, "monitoring-release");
        assert.deepEqual(
            [
                release.inputs["name"],
                release.inputs["chart"],
                release.inputs["version"],
                release.inputs["repositoryOpts"],
                release.inputs["namespace"],
                release.inputs["atomic"],
            ],
            [
                "kube-prometheus-stack",
                "kube-prometheus-stack",
                "70.10.0",
                { repo: "https://prometheus-community.github.io/helm-charts" },
                "monitoring",
                true,
            ],
        );
        const v = release.inputs["values"];
        assert.deepEqual(at(v, "crds"), { enabled: false });
        const prom = at(v, "prometheus", "prometheusSpec") as Record<string, unknown>;
        assert.deepEqual(
            [
                prom["replicas"],
                prom["podAntiAffinity"],
                prom["retention"],
                prom["retentionSize"],
                prom["ruleSelectorNilUsesHelmValues"],
                prom["serviceMonitorSelectorNilUsesHelmValues"],
            ],
            [2, "hard", "30d", "85GB", false, false],
        );
        assert.deepEqual(prom["storageSpec"], {
            volumeClaimTemplate: {
                spec: { storageClassName: "gp3-encrypted", accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "100Gi" } } },
            },
        });
        assert.deepEqual(prom["externalLabels"], { environment: "prod", cluster: "acme-prod-eks" });
        const am = at(v, "alertmanager") as Record<string, unknown>;
        assert.deepEqual(am["config"], JSON.parse(JSON.stringify(alertmanagerConfig(ALERTING))));
        assert.deepEqual(
            [at(am, "alertmanagerSpec", "replicas"), at(am, "alertmanagerSpec", "secrets"), at(am, "alertmanagerSpec", "podAntiAffinity")],
            [3, ["alertmanager-receivers"], "hard"],
        );
        assert.deepEqual(at(v, "grafana", "admin"), {
            existingSecret: "grafana-admin",
            userKey: "admin-user",
            passwordKey: "admin-password",
        });
        assert.equal(at(v, "grafana", "adminPassword"), undefined);
        assert.deepEqual(at(v, "grafana", "sidecar", "dashboards"), {
            enabled: true,
            label: "grafana_dashboard",
            labelValue: "1",
            searchNamespace: "ALL",
            folderAnnotation: "grafana_folder",
            provider: { foldersFromFilesStructure: true },
        });
        assert.deepEqual(at(v, "prometheusOperator", "nodeSelector"), { "platform.io/node-pool": "system" });
        assert.doesNotMatch(JSON.stringify(v), /password"\s*:\s*"|routing_key"|api_url"/, "no credential in the values");
    });

    it("the credentials: two ExternalSecrets from the platform store, named <project>-<env>-..., ready before the release", async () => {
        const resources = await synth("prod");
        const secrets = ofType(resources, EXTERNAL_SECRET).sort((a, b) =>
            String(at(a.inputs, "metadata", "name")).localeCompare(String(at(b.inputs, "metadata", "name"))),
        );
        assert.deepEqual(
            secrets.map((s) => [at(s.inputs, "metadata", "name"), at(s.inputs, "metadata", "namespace"), at(s.inputs, "spec", "dataFrom")]),
            [
                ["alertmanager-receivers", "monitoring", [{ extract: { key: "acme-prod-alertmanager-receivers" } }]],
                ["grafana-admin", "monitoring", [{ extract: { key: "acme-prod-grafana-admin" } }]],
            ],
        );
        for (const s of secrets) validateObject(s.inputs);
        const release = findResource(resources, RELEASE, "monitoring-release");
        assert.deepEqual(
            secrets.map((s) => release.dependencies.includes(s.urn)),
            [true, true],
        );
        // Without a class: the cluster's default (the chart's volume claim names none).
        const v = findResource(resources, RELEASE, "monitoring-release").inputs["values"];
        assert.equal(at(v, "prometheus", "prometheusSpec", "storageSpec", "volumeClaimTemplate", "spec", "storageClassName"), undefined);
    });

    it("the rules: seed 000's alerts, seed 004's recording rule, Falco's health and seed 001's two SLOs as PrometheusRules, valid, after the release", async () => {
        const resources = await synth("prod");
        const name = (r: InventoryResource) => String(at(r.inputs, "metadata", "name"));
        const rules = ofType(resources, RULE).sort((a, b) => name(a).localeCompare(name(b)));
        assert.deepEqual(
            rules.map((r) => [name(r), (at(r.inputs, "spec", "groups") as unknown[]).length]),
            [
                ["falco-alerts", 1],
                ["seed-000-alerts", 3],
                ["seed-004-rules", 1],
                ["slo-backend", 1],
                ["slo-frontend", 1],
            ],
        );
        const release = findResource(resources, RELEASE, "monitoring-release");
        for (const r of rules) {
            validateObject(r.inputs);
            assert.ok(r.dependencies.includes(release.urn), `${String(at(r.inputs, "metadata", "name"))} waits for the operator`);
            assert.equal(at(r.inputs, "metadata", "labels", "release"), "kube-prometheus-stack");
        }
        const sets = monitoringRuleSets({ runbookBaseUrl: RUNBOOKS, slos: SEED_001_SLOS });
        assert.deepEqual(Object.keys(sets), ["seed-000-alerts", "seed-004-rules", "falco-alerts", "slo-backend", "slo-frontend"]);
        for (const r of rules) assert.deepEqual(at(r.inputs, "spec", "groups"), JSON.parse(JSON.stringify(sets[name(r)])));
    });

    it("dev: one Prometheus and one Alertmanager, 7 days on 20 GiB, no anti-affinity, controllers anywhere", async () => {
        const v = findResource(await synth("dev"), RELEASE, "monitoring-release").inputs["values"];
        assert.deepEqual(
            [
                at(v, "prometheus", "prometheusSpec", "replicas"),
                at(v, "prometheus", "prometheusSpec", "retention"),
                at(v, "prometheus", "prometheusSpec", "retentionSize"),
                at(v, "prometheus", "prometheusSpec", "podAntiAffinity"),
                at(v, "alertmanager", "alertmanagerSpec", "replicas"),
                at(v, "prometheusOperator", "nodeSelector"),
            ],
            [1, "7d", "17GB", "", 1, {}],
        );
    });

    it("rejects missing alerting, bad alerting, a bad profile and a bad SLO, every problem at once", async () => {
        const run = (alerting: AlertingSettings | undefined, profile = PROFILES.prod.monitoring, slos = SEED_001_SLOS) =>
            synthesize({
                project: "t",
                stack: "prod",
                program: () =>
                    new MonitoringStack("monitoring", { context: context("prod"), profile, alerting, runbookBaseUrl: RUNBOOKS, slos }),
            });
        assert.deepEqual(fieldsAndProblems(await rejectedIssues(run(undefined))), [
            ["alerting", "is required: an Alertmanager without receivers drops every alert"],
        ]);
        assert.deepEqual(
            fieldsAndProblems(
                await rejectedIssues(
                    run(
                        { ...ALERTING, teams: [] },
                        { ...PROFILES.prod.monitoring, prometheusReplicas: 0, alertmanagerReplicas: 3, retentionDays: 0, storageGiB: 5 },
                        [{ ...SEED_001_SLOS[0], objective: 1.5 }],
                    ),
                ),
            ).map(([field]) => field),
            ["profile.prometheusReplicas", "profile.retentionDays", "profile.storageGiB", "slos[0].objective", "alerting.teams"],
        );
    });

    it("promtool check rules: every group the cluster gets, rendered from the synthesized PrometheusRules", async function () {
        const promtool = findGoTool("prometheus", "promtool");
        if (promtool === undefined) this.skip();
        const rules = ofType(await synth("prod"), RULE);
        const sets = Object.fromEntries(
            rules.map((r) => [String(at(r.inputs, "metadata", "name")), at(r.inputs, "spec", "groups") as RuleGroup[]]),
        );
        const result = checkRules(promtool, sets);
        assert.equal(result.status, 0, result.output);
        assert.equal(result.output.match(/SUCCESS/g)?.length, 5);
    });
});
