import * as assert from "node:assert/strict";
import { findGoTool } from "@platform/synth";
import { type AlertRule, falcoAlertGroups, isAlertRule, promqlSyntaxErrors } from "../src/index.js";
import { checkRules, coverage, type PromtoolTest, testRules } from "./promtool.js";

const RUNBOOKS = "https://github.com/acme-corp/platform/blob/main/docs/runbooks.md";
const SETS = { "falco-alerts": falcoAlertGroups(RUNBOOKS) };
const alerts = (): AlertRule[] => falcoAlertGroups(RUNBOOKS).flatMap((g) => g.rules.filter(isAlertRule));
const ksm = (metric: string, labels = 'namespace="kube-system", daemonset="falco"') => `${metric}{${labels}}`;

const TESTS: PromtoolTest[] = [
    {
        name: "FalcoDown fires after 10m with a node unavailable; silent when every pod is available",
        interval: "1m",
        input_series: [
            { series: ksm("kube_daemonset_status_number_unavailable"), values: "0x5 1x20" },
            { series: ksm("kube_daemonset_status_desired_number_scheduled"), values: "3x25" },
        ],
        alert_rule_test: [
            { eval_time: "5m", alertname: "FalcoDown", exp_alerts: [] },
            { eval_time: "14m", alertname: "FalcoDown", exp_alerts: [] },
            {
                eval_time: "17m",
                alertname: "FalcoDown",
                exp_alerts: [
                    {
                        exp_labels: { namespace: "kube-system", daemonset: "falco", severity: "critical", team: "platform" },
                        exp_annotations: {
                            summary: "Falco is not running on every node",
                            description: "1 node(s) have had no available Falco pod for 10 minutes: their runtime activity is not watched",
                            runbook_url: `${RUNBOOKS}#falcodown`,
                        },
                    },
                ],
            },
            { eval_time: "17m", alertname: "FalcoMissing", exp_alerts: [] },
        ],
    },
    {
        name: "FalcoMissing fires after 15m without a kube-system/falco DaemonSet; another namespace's falco does not count",
        interval: "1m",
        input_series: [
            { series: ksm("kube_daemonset_status_desired_number_scheduled", 'namespace="falco", daemonset="falco"'), values: "3x30" },
        ],
        alert_rule_test: [
            { eval_time: "10m", alertname: "FalcoMissing", exp_alerts: [] },
            {
                eval_time: "16m",
                alertname: "FalcoMissing",
                exp_alerts: [
                    {
                        // absent() keeps the selector's equality labels.
                        exp_labels: { namespace: "kube-system", daemonset: "falco", severity: "critical", team: "platform" },
                        exp_annotations: {
                            summary: "Falco's DaemonSet does not exist",
                            description: "No DaemonSet kube-system/falco for 15 minutes: no node's runtime activity is watched",
                            runbook_url: `${RUNBOOKS}#falcomissing`,
                        },
                    },
                ],
            },
            { eval_time: "16m", alertname: "FalcoDown", exp_alerts: [] },
        ],
    },
];

describe("Falco health alerts", () => {
    it("two critical alerts of the platform team on the DaemonSet in kube-system, each with its runbook", () => {
        assert.deepEqual(
            alerts().map((a) => [a.alert, a.expr, a.for, a.labels.severity, a.labels.team, a.annotations.runbook_url]),
            [
                [
                    "FalcoDown",
                    'kube_daemonset_status_number_unavailable{namespace="kube-system", daemonset="falco"} > 0',
                    "10m",
                    "critical",
                    "platform",
                    `${RUNBOOKS}#falcodown`,
                ],
                [
                    "FalcoMissing",
                    'absent(kube_daemonset_status_desired_number_scheduled{namespace="kube-system", daemonset="falco"})',
                    "15m",
                    "critical",
                    "platform",
                    `${RUNBOOKS}#falcomissing`,
                ],
            ],
        );
        assert.deepEqual(
            falcoAlertGroups(RUNBOOKS, "security").flatMap((g) => g.rules.filter(isAlertRule).map((a) => a.labels.team)),
            ["security", "security"],
        );
        for (const a of alerts()) assert.deepEqual(promqlSyntaxErrors(a.expr), [], a.alert);
    });

    it("the promtool tests fire every alert and keep every alert silent", () => {
        const { fires, silent } = coverage(TESTS);
        const names = alerts().map((a) => a.alert);
        assert.deepEqual([...fires].sort(), names);
        assert.deepEqual([...silent].sort(), names);
    });

    describe("promtool (the pinned tools/prometheus build)", () => {
        it("check rules: the falco rule file is valid", function () {
            const promtool = findGoTool("prometheus", "promtool");
            if (promtool === undefined) this.skip();
            const r = checkRules(promtool, SETS);
            assert.equal(r.status, 0, r.output);
            assert.match(r.output, /SUCCESS: 2 rules found/);
        });

        it("test rules: each alert fires on its series and stays silent otherwise", function () {
            const promtool = findGoTool("prometheus", "promtool");
            if (promtool === undefined) this.skip();
            const r = testRules(promtool, SETS, TESTS);
            assert.equal(r.status, 0, r.output);
        });

        it("test rules fails when FalcoDown is expected silent while a node is unwatched (the tests can fail)", function () {
            const promtool = findGoTool("prometheus", "promtool");
            if (promtool === undefined) this.skip();
            const wrong: PromtoolTest = { ...TESTS[0], alert_rule_test: [{ eval_time: "17m", alertname: "FalcoDown", exp_alerts: [] }] };
            const r = testRules(promtool, SETS, [wrong]);
            assert.notEqual(r.status, 0);
            assert.match(r.output, /alertname: FalcoDown/);
        });
    });
});
