import * as assert from "node:assert/strict";
import { findGoTool } from "@platform/synth";
import { validateObject } from "@platform/workload/schemas";
import {
    type AlertRule,
    isAlertRule,
    prometheusRuleManifest,
    promqlSyntaxErrors,
    ruleFileYaml,
    seed000AlertGroups,
    seed004RuleGroups,
} from "../src/index.js";
import { checkRules, coverage, type PromtoolTest, testRules } from "./promtool.js";

const RUNBOOKS = "https://github.com/acme-corp/platform/blob/main/docs/runbooks.md";
const SEED_SETS = { "seed-000": seed000AlertGroups(RUNBOOKS), "seed-004": seed004RuleGroups() };

const alerts = (): AlertRule[] => seed000AlertGroups(RUNBOOKS).flatMap((g) => g.rules.filter(isAlertRule));

/** A firing alert's labels and annotations as promtool reports them. */
function firing(
    name: string,
    seriesLabels: Record<string, string>,
    description: string,
): { exp_labels: Record<string, string>; exp_annotations: Record<string, string> } {
    const rule = alerts().find((a) => a.alert === name);
    if (rule === undefined) throw new Error(`no alert ${name}`);
    return {
        exp_labels: { ...seriesLabels, severity: rule.labels.severity, team: rule.labels.team },
        exp_annotations: { summary: rule.annotations.summary, description, runbook_url: rule.annotations.runbook_url },
    };
}

/** For every seed alert: series that make it fire (asserted with its labels and annotations) and series that keep it silent. */
const SEED_TESTS: PromtoolTest[] = [
    {
        name: "HighCPUUsage fires after 5m above 80%, not before; silent at 70%",
        interval: "1m",
        input_series: [
            { series: 'cpu_usage_percent{instance="node-1"}', values: "90x15" },
            { series: 'cpu_usage_percent{instance="node-2"}', values: "70x15" },
        ],
        alert_rule_test: [
            { eval_time: "4m", alertname: "HighCPUUsage", exp_alerts: [] },
            {
                eval_time: "6m",
                alertname: "HighCPUUsage",
                exp_alerts: [firing("HighCPUUsage", { instance: "node-1" }, "CPU usage of node-1 is 90%, above 80% for 5 minutes")],
            },
        ],
    },
    {
        name: "HighMemoryUsage fires above 85% for 5m; silent at 85%",
        interval: "1m",
        input_series: [
            { series: 'memory_usage_percent{instance="node-1"}', values: "95x15" },
            { series: 'memory_usage_percent{instance="node-2"}', values: "85x15" },
        ],
        alert_rule_test: [
            {
                eval_time: "6m",
                alertname: "HighMemoryUsage",
                exp_alerts: [firing("HighMemoryUsage", { instance: "node-1" }, "Memory usage of node-1 is 95%, above 85% for 5 minutes")],
            },
        ],
    },
    {
        name: "HighMemoryUsage stays silent at 85% (the threshold is strict)",
        interval: "1m",
        input_series: [{ series: 'memory_usage_percent{instance="node-2"}', values: "85x15" }],
        alert_rule_test: [{ eval_time: "10m", alertname: "HighMemoryUsage", exp_alerts: [] }],
    },
    {
        name: "DiskSpaceLow fires below 20% free for 2m; silent at 25%",
        interval: "1m",
        input_series: [{ series: 'disk_free_percent{instance="node-1"}', values: "10x10" }],
        alert_rule_test: [
            { eval_time: "1m", alertname: "DiskSpaceLow", exp_alerts: [] },
            {
                eval_time: "3m",
                alertname: "DiskSpaceLow",
                exp_alerts: [firing("DiskSpaceLow", { instance: "node-1" }, "Free disk space of node-1 is 10%, below 20%")],
            },
        ],
    },
    {
        name: "DiskSpaceLow stays silent at 25% free",
        interval: "1m",
        input_series: [{ series: 'disk_free_percent{instance="node-1"}', values: "25x10" }],
        alert_rule_test: [{ eval_time: "5m", alertname: "DiskSpaceLow", exp_alerts: [] }],
    },
    {
        name: "HighResponseTime fires when the p95 is above 2s for 5m",
        interval: "1m",
        input_series: [
            // Every request takes between 1s and 5s: the p95 interpolates to 1 + 4 * 0.95 = 4.8s.
            { series: 'http_request_duration_seconds_bucket{job="api",le="1"}', values: "0x15" },
            { series: 'http_request_duration_seconds_bucket{job="api",le="5"}', values: "0+60x15" },
            { series: 'http_request_duration_seconds_bucket{job="api",le="+Inf"}', values: "0+60x15" },
        ],
        alert_rule_test: [
            {
                eval_time: "7m",
                alertname: "HighResponseTime",
                exp_alerts: [
                    firing(
                        "HighResponseTime",
                        { job: "api" },
                        "The 95th percentile response time of api is 4.8s, above 2 seconds for 5 minutes",
                    ),
                ],
            },
        ],
    },
    {
        name: "HighResponseTime stays silent when every request is under 1s",
        interval: "1m",
        input_series: [
            { series: 'http_request_duration_seconds_bucket{job="api",le="1"}', values: "0+60x15" },
            { series: 'http_request_duration_seconds_bucket{job="api",le="5"}', values: "0+60x15" },
            { series: 'http_request_duration_seconds_bucket{job="api",le="+Inf"}', values: "0+60x15" },
        ],
        alert_rule_test: [{ eval_time: "10m", alertname: "HighResponseTime", exp_alerts: [] }],
    },
    {
        name: "HighErrorRate fires at 10% 5xx (a ratio, not a raw rate)",
        interval: "1m",
        input_series: [
            { series: 'http_requests_total{job="api",status="500"}', values: "0+10x15" },
            { series: 'http_requests_total{job="api",status="200"}', values: "0+90x15" },
        ],
        alert_rule_test: [
            { eval_time: "2m", alertname: "HighErrorRate", exp_alerts: [] },
            {
                eval_time: "5m",
                alertname: "HighErrorRate",
                exp_alerts: [firing("HighErrorRate", { job: "api" }, "10% of the responses of api are 5xx errors, above 5%")],
            },
        ],
    },
    {
        name: "HighErrorRate stays silent at 1% 5xx, however high the raw 5xx rate (the seed's expression would fire)",
        interval: "1m",
        input_series: [
            { series: 'http_requests_total{job="api",status="500"}', values: "0+100x15" },
            { series: 'http_requests_total{job="api",status="200"}', values: "0+9900x15" },
        ],
        alert_rule_test: [{ eval_time: "10m", alertname: "HighErrorRate", exp_alerts: [] }],
    },
    {
        name: "LowUserActivity fires after 30m under 100 users; silent at 150",
        interval: "1m",
        input_series: [{ series: "active_users", values: "50x40" }],
        alert_rule_test: [
            { eval_time: "20m", alertname: "LowUserActivity", exp_alerts: [] },
            {
                eval_time: "35m",
                alertname: "LowUserActivity",
                exp_alerts: [firing("LowUserActivity", {}, "50 active users, below the expected 100")],
            },
        ],
    },
    {
        name: "LowUserActivity stays silent at 150 users",
        interval: "1m",
        input_series: [{ series: "active_users", values: "150x40" }],
        alert_rule_test: [{ eval_time: "35m", alertname: "LowUserActivity", exp_alerts: [] }],
    },
    {
        name: "DatabaseConnectionIssue fires with no connection for 1m",
        interval: "1m",
        input_series: [{ series: 'database_connections_active{instance="db-1"}', values: "0x5" }],
        alert_rule_test: [
            {
                eval_time: "2m",
                alertname: "DatabaseConnectionIssue",
                exp_alerts: [firing("DatabaseConnectionIssue", { instance: "db-1" }, "No active database connections from db-1")],
            },
        ],
    },
    {
        name: "DatabaseConnectionIssue stays silent with one connection",
        interval: "1m",
        input_series: [{ series: 'database_connections_active{instance="db-1"}', values: "1x5" }],
        alert_rule_test: [{ eval_time: "3m", alertname: "DatabaseConnectionIssue", exp_alerts: [] }],
    },
    {
        name: "seed 004: job:request_latency_seconds:mean5m is the mean latency",
        interval: "1m",
        input_series: [
            { series: 'http_request_duration_seconds_sum{job="api"}', values: "0+30x10" },
            { series: 'http_request_duration_seconds_count{job="api"}', values: "0+60x10" },
        ],
        promql_expr_test: [
            {
                expr: "job:request_latency_seconds:mean5m",
                eval_time: "5m",
                exp_samples: [{ labels: 'job:request_latency_seconds:mean5m{job="api"}', value: 0.5 }],
            },
        ],
    },
];

describe("seed rules", () => {
    it("seed 000: the seven alerts in three groups, with the seed's thresholds, for durations and severities", () => {
        assert.deepEqual(
            seed000AlertGroups(RUNBOOKS).map((g) => [
                g.name,
                g.rules.map((r) => (isAlertRule(r) ? [r.alert, r.for, r.labels.severity, r.labels.team] : [])),
            ]),
            [
                [
                    "system-health",
                    [
                        ["HighCPUUsage", "5m", "warning", "platform"],
                        ["HighMemoryUsage", "5m", "warning", "platform"],
                        ["DiskSpaceLow", "2m", "critical", "platform"],
                    ],
                ],
                [
                    "application-performance",
                    [
                        ["HighResponseTime", "5m", "warning", "backend"],
                        ["HighErrorRate", "2m", "critical", "backend"],
                    ],
                ],
                [
                    "business-metrics",
                    [
                        ["LowUserActivity", "30m", "warning", "backend"],
                        ["DatabaseConnectionIssue", "1m", "critical", "platform"],
                    ],
                ],
            ],
        );
        assert.deepEqual(
            alerts().map((a) => a.expr),
            [
                "cpu_usage_percent > 80",
                "memory_usage_percent > 85",
                "disk_free_percent < 20",
                "histogram_quantile(0.95, sum by (job, le) (rate(http_request_duration_seconds_bucket[5m]))) > 2",
                'sum by (job) (rate(http_requests_total{status=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m])) > 0.05',
                "active_users < 100",
                "database_connections_active < 1",
            ],
        );
    });

    it("every alert has severity and team labels and summary, description and runbook_url annotations; owners can be renamed", () => {
        for (const a of alerts()) {
            assert.deepEqual(Object.keys(a.labels).sort(), ["severity", "team"], a.alert);
            assert.deepEqual(Object.keys(a.annotations).sort(), ["description", "runbook_url", "summary"], a.alert);
            assert.equal(a.annotations.runbook_url, `${RUNBOOKS}#${a.alert.toLowerCase()}`);
        }
        const teams = seed000AlertGroups(RUNBOOKS, { platform: "sre", application: "docs" }).flatMap((g) =>
            g.rules.filter(isAlertRule).map((r) => r.labels.team),
        );
        assert.deepEqual(teams, ["sre", "sre", "sre", "docs", "docs", "docs", "sre"]);
    });

    it("seed 004: the mean latency recording rule", () => {
        assert.deepEqual(seed004RuleGroups(), [
            {
                name: "auterity",
                rules: [
                    {
                        record: "job:request_latency_seconds:mean5m",
                        expr: "rate(http_request_duration_seconds_sum[5m]) / rate(http_request_duration_seconds_count[5m])",
                    },
                ],
            },
        ]);
    });

    it("every expression parses as PromQL; a broken one does not", () => {
        for (const g of Object.values(SEED_SETS).flat()) for (const r of g.rules) assert.deepEqual(promqlSyntaxErrors(r.expr), [], r.expr);
        assert.notDeepEqual(promqlSyntaxErrors("sum(rate(x[5m])"), []);
        assert.notDeepEqual(promqlSyntaxErrors(""), []);
    });

    it("as a PrometheusRule: valid against the prometheus-operator schema, the groups unchanged", () => {
        const manifest = prometheusRuleManifest({
            name: "seed-000",
            namespace: "monitoring",
            groups: SEED_SETS["seed-000"],
            labels: { release: "kube-prometheus-stack" },
        });
        validateObject(manifest);
        assert.equal(manifest["kind"], "PrometheusRule");
        assert.deepEqual(manifest["metadata"], { name: "seed-000", namespace: "monitoring", labels: { release: "kube-prometheus-stack" } });
        const spec = manifest["spec"] as { groups: { name: string; rules: unknown[] }[] };
        assert.deepEqual(spec.groups, JSON.parse(JSON.stringify(SEED_SETS["seed-000"])));
        assert.throws(() =>
            prometheusRuleManifest({
                name: "bad",
                namespace: "monitoring",
                groups: [{ name: "g", rules: [{ record: "x", expr: undefined as unknown as string }] }],
                labels: {},
            }),
        );
    });

    it("the rule file is the groups as YAML", () => {
        assert.match(
            ruleFileYaml(SEED_SETS["seed-004"]),
            /^groups:\n {2}- name: auterity\n {4}rules:\n {6}- record: job:request_latency_seconds:mean5m\n/,
        );
    });

    it("the promtool tests fire every alert and keep every alert silent once", () => {
        const { fires, silent } = coverage(SEED_TESTS);
        const names = alerts()
            .map((a) => a.alert)
            .sort();
        assert.deepEqual([...fires].sort(), names);
        assert.deepEqual([...silent].sort(), names);
    });

    describe("promtool (the pinned tools/prometheus build)", () => {
        it("check rules: every seed rule file is valid", function () {
            const promtool = findGoTool("prometheus", "promtool");
            if (promtool === undefined) this.skip();
            const r = checkRules(promtool, SEED_SETS);
            assert.equal(r.status, 0, r.output);
            assert.match(r.output, /SUCCESS: 7 rules found/);
            assert.match(r.output, /SUCCESS: 1 rules found/);
        });

        it("test rules: each alert fires on its series and stays silent on the others", function () {
            const promtool = findGoTool("prometheus", "promtool");
            if (promtool === undefined) this.skip();
            const r = testRules(promtool, SEED_SETS, SEED_TESTS);
            assert.equal(r.status, 0, r.output);
            assert.match(r.output, /SUCCESS/);
        });

        it("test rules fails when a firing alert is expected silent (the tests can fail)", function () {
            const promtool = findGoTool("prometheus", "promtool");
            if (promtool === undefined) this.skip();
            const wrong: PromtoolTest = {
                ...SEED_TESTS[0],
                alert_rule_test: [{ eval_time: "6m", alertname: "HighCPUUsage", exp_alerts: [] }],
            };
            const r = testRules(promtool, SEED_SETS, [wrong]);
            assert.notEqual(r.status, 0);
            assert.match(r.output, /alertname: HighCPUUsage/);
        });
    });
});
