import * as assert from "node:assert/strict";
import { findGoTool } from "@platform/synth";
import {
    type AlertRule,
    BURN_RATE_ALERTS,
    checkDashboards,
    platformDashboards,
    sloDashboardSpec,
    isAlertRule,
    promqlSyntaxErrors,
    SEED_001_SLOS,
    SERVICE_SLOS,
    type SloSpec,
    SloSpecError,
    sloRuleGroup,
    sloRuleGroups,
    validateSloSpecs,
} from "../src/index.js";
import { checkRules, coverage, type PromtoolTest, testRules } from "./promtool.js";

const RUNBOOKS = "https://github.com/acme-corp/platform/blob/main/docs/runbooks.md";
const BACKEND = SEED_001_SLOS[0];
const SETS = { slo: sloRuleGroups(SEED_001_SLOS, RUNBOOKS) };

function rejected(specs: readonly SloSpec[]): string[] {
    try {
        sloRuleGroups(specs, RUNBOOKS);
    } catch (err) {
        assert.ok(err instanceof SloSpecError);
        return err.message.split("\n");
    }
    throw new Error("expected a rejection");
}

describe("SLO generator", () => {
    it("a 99.9% SLO: the error ratio over 5m, 30m, 1h, 6h, 3d and 30d, the budget left, and three burn-rate alerts", () => {
        const group = sloRuleGroup(BACKEND, RUNBOOKS);
        assert.equal(group.name, "slo-backend");
        const good = 'http_requests_total{namespace="docuthinker",app="backend",status!~"5.."}';
        const total = 'http_requests_total{namespace="docuthinker",app="backend"}';
        assert.deepEqual(
            group.rules.filter((r) => !isAlertRule(r)),
            [
                ...["5m", "30m", "1h", "6h", "3d", "30d"].map((w) => ({
                    record: `slo:sli_error:ratio_rate${w}`,
                    expr: `1 - (sum(rate(${good}[${w}])) / sum(rate(${total}[${w}])))`,
                    labels: { service: "backend" },
                })),
                {
                    record: "slo:error_budget:remaining",
                    expr: '1 - slo:sli_error:ratio_rate30d{service="backend"} / 0.001',
                    labels: { service: "backend" },
                },
            ],
        );
        const alerts = group.rules.filter(isAlertRule);
        assert.deepEqual(
            alerts.map((a) => [a.alert, a.expr, a.for, a.labels]),
            [
                [
                    "ErrorBudgetFastBurn",
                    'slo:sli_error:ratio_rate1h{service="backend"} > (14.4 * 0.001) and slo:sli_error:ratio_rate5m{service="backend"} > (14.4 * 0.001)',
                    "2m",
                    { severity: "critical", team: "docuthinker", service: "backend" },
                ],
                [
                    "ErrorBudgetSustainedBurn",
                    'slo:sli_error:ratio_rate6h{service="backend"} > (6 * 0.001) and slo:sli_error:ratio_rate30m{service="backend"} > (6 * 0.001)',
                    "15m",
                    { severity: "critical", team: "docuthinker", service: "backend" },
                ],
                [
                    "ErrorBudgetSlowBurn",
                    'slo:sli_error:ratio_rate3d{service="backend"} > (1 * 0.001) and slo:sli_error:ratio_rate6h{service="backend"} > (1 * 0.001)',
                    "1h",
                    { severity: "warning", team: "docuthinker", service: "backend" },
                ],
            ],
        );
        assert.equal(
            alerts[0].annotations.description,
            "{{ $value | humanizePercentage }} of backend's requests failed over the last 1h (and above 1.44% over the last 5m too), against an objective of 99.9%: 2% of the 30-day budget spent in 1 hour",
        );
        assert.equal(alerts[2].annotations.runbook_url, `${RUNBOOKS}#errorbudgetslowburn`);
        for (const r of group.rules) assert.deepEqual(promqlSyntaxErrors(r.expr), [], r.expr);
    });

    it("the thresholds follow the objective: 99% gives 0.144, 0.06 and 0.01", () => {
        const alerts = sloRuleGroup({ ...BACKEND, objective: 0.99 }, RUNBOOKS).rules.filter(isAlertRule);
        assert.deepEqual(
            alerts.map((a) =>
                a.expr
                    .match(/\(([\d.]+) \* ([\d.]+)\)/)!
                    .slice(1)
                    .map(Number)
                    .reduce((x, y) => Number((x * y).toPrecision(12))),
            ),
            [0.144, 0.06, 0.01],
        );
        assert.deepEqual(
            BURN_RATE_ALERTS.map((b) => [b.factor, b.longWindow, b.shortWindow, b.severity]),
            [
                [14.4, "1h", "5m", "critical"],
                [6, "6h", "30m", "critical"],
                [1, "3d", "6h", "warning"],
            ],
        );
    });

    it("seed 001: backend and frontend of docuthinker at 99.9%, one group each", () => {
        assert.deepEqual(
            SEED_001_SLOS.map((s) => [s.service, s.team, s.objective]),
            [
                ["backend", "docuthinker", 0.999],
                ["frontend", "docuthinker", 0.999],
            ],
        );
        assert.deepEqual(
            SETS.slo.map((g) => [g.name, g.rules.length]),
            [
                ["slo-backend", 10],
                ["slo-frontend", 10],
            ],
        );
        assert.deepEqual(validateSloSpecs(SEED_001_SLOS), []);
        assert.deepEqual(validateSloSpecs(SERVICE_SLOS), [], "the SLOs the cluster gets");
        assert.deepEqual(
            SERVICE_SLOS.map((s) => s.service),
            ["backend", "frontend"],
        );
    });

    it("rejects every problem of every spec at once, in the one error format", () => {
        const lines = rejected([
            { service: "Back End", team: "", objective: 1, good: "rate(x[5m])", total: 'http_requests_total{app="x"' },
            { ...BACKEND, objective: 0 },
            { ...BACKEND, objective: 0.9 },
            { ...BACKEND, good: BACKEND.total },
            { ...BACKEND, objective: undefined as unknown as number },
        ]);
        assert.deepEqual(lines, [
            "Invalid SLO specs (10 problems):",
            '  - slos[0].service = "Back End": is not a valid service name (it becomes a label value and part of rule group names). Fix: use 1-63 lowercase letters, digits and inner hyphens starting with a letter, e.g. backend',
            '  - slos[0].team = "": is not a valid team name (it becomes a label value and part of rule group names). Fix: use 1-63 lowercase letters, digits and inner hyphens starting with a letter, e.g. backend',
            "  - slos[0].objective = 1: must be a number strictly between 0 and 1. Fix: write the objective as a ratio, e.g. 0.999 for 99.9%",
            '  - slos[0].good = "rate(x[5m])": is not one PromQL counter selector without a range. Fix: write a selector such as http_requests_total{app="backend"}; the generator adds rate(...[window]) and sum()',
            '  - slos[0].total = "http_requests_total{app=\\"x\\"": is not one PromQL counter selector without a range. Fix: write a selector such as http_requests_total{app="backend"}; the generator adds rate(...[window]) and sum()',
            "  - slos[1].objective = 0: must be a number strictly between 0 and 1. Fix: write the objective as a ratio, e.g. 0.999 for 99.9%",
            "  - slos[2].objective = 0.9: puts the fast-burn threshold at 14.4 x 0.1 = 1.44, 100% errors or more, so the page could never fire. Fix: use an objective above 0.9306 (e.g. 0.99 or 0.999)",
            '  - slos[3].good = "http_requests_total{namespace=\\"docuthinker\\",app=\\"backend\\"}": is the same selector as total, so the error ratio is always 0. Fix: select only the good events, e.g. add status!~"5.." to the total selector',
            "  - slos[4].objective = (unset): must be a number strictly between 0 and 1. Fix: write the objective as a ratio, e.g. 0.999 for 99.9%",
            '  - slos[].service = ["Back End","backend","backend","backend","backend"]: "backend" listed twice. Fix: list each service once',
        ]);
    });

    it("accepts the edges: an objective just above the fast-burn limit, a selector by __name__, no specs at all", () => {
        assert.deepEqual(validateSloSpecs([{ ...BACKEND, objective: 0.94 }]), []);
        assert.deepEqual(validateSloSpecs([{ ...BACKEND, total: '{__name__="http_requests_total",app="backend"}' }]), []);
        assert.deepEqual(sloRuleGroups([], RUNBOOKS), []);
        assert.equal(validateSloSpecs([{ ...BACKEND, objective: 0.93 }]).length, 1);
    });

    describe("promtool (the pinned tools/prometheus build)", () => {
        const labels = { service: "backend", severity: "critical", team: "docuthinker" };
        const alert = (name: string): AlertRule => SETS.slo[0].rules.filter(isAlertRule).find((a) => a.alert === name)!;
        const fired = (name: string, value: string) => ({
            exp_labels: { ...labels, severity: alert(name).labels.severity },
            exp_annotations: {
                ...alert(name).annotations,
                description: alert(name).annotations.description.replace("{{ $value | humanizePercentage }}", value),
            },
        });
        /** Backend traffic of 1000 requests a minute, `errors` of them 5xx, for `minutes`. */
        const traffic = (errors: number, minutes: number, recovered = 0) => [
            {
                series: 'http_requests_total{namespace="docuthinker",app="backend",status="200"}',
                values: `0+${1000 - errors}x${minutes} ${recovered > 0 ? `+1000x${recovered}` : ""}`.trim(),
            },
            {
                series: 'http_requests_total{namespace="docuthinker",app="backend",status="500"}',
                values: `0+${errors}x${minutes} ${recovered > 0 ? `+0x${recovered}` : ""}`.trim(),
            },
        ];
        const TESTS: PromtoolTest[] = [
            {
                name: "10% errors: the fast burn pages after 2m; the sustained burn is still pending",
                interval: "1m",
                input_series: traffic(100, 30),
                alert_rule_test: [
                    { eval_time: "1m", alertname: "ErrorBudgetFastBurn", exp_alerts: [] },
                    { eval_time: "10m", alertname: "ErrorBudgetFastBurn", exp_alerts: [fired("ErrorBudgetFastBurn", "10%")] },
                    { eval_time: "10m", alertname: "ErrorBudgetSustainedBurn", exp_alerts: [] },
                ],
            },
            {
                name: "the fast burn stops within minutes of the errors stopping (the 5m window), though the 1h ratio is still high",
                interval: "1m",
                input_series: traffic(100, 30, 30),
                alert_rule_test: [{ eval_time: "40m", alertname: "ErrorBudgetFastBurn", exp_alerts: [] }],
            },
            {
                name: "1% errors: the sustained burn pages, the fast burn stays silent",
                interval: "1m",
                input_series: traffic(10, 60),
                alert_rule_test: [
                    { eval_time: "30m", alertname: "ErrorBudgetSustainedBurn", exp_alerts: [fired("ErrorBudgetSustainedBurn", "1%")] },
                    { eval_time: "30m", alertname: "ErrorBudgetFastBurn", exp_alerts: [] },
                ],
            },
            {
                name: "0.3% errors: the slow burn opens a ticket after 1h, the pages stay silent",
                interval: "1m",
                input_series: traffic(3, 150),
                alert_rule_test: [
                    { eval_time: "30m", alertname: "ErrorBudgetSlowBurn", exp_alerts: [] },
                    { eval_time: "2h", alertname: "ErrorBudgetSlowBurn", exp_alerts: [fired("ErrorBudgetSlowBurn", "0.3%")] },
                    { eval_time: "2h", alertname: "ErrorBudgetSustainedBurn", exp_alerts: [] },
                    { eval_time: "2h", alertname: "ErrorBudgetFastBurn", exp_alerts: [] },
                ],
            },
            {
                name: "0.05% errors, within the 99.9% objective: every alert silent, half the budget left",
                interval: "1m",
                input_series: traffic(0.5, 150),
                alert_rule_test: [
                    { eval_time: "2h", alertname: "ErrorBudgetSlowBurn", exp_alerts: [] },
                    { eval_time: "2h", alertname: "ErrorBudgetSustainedBurn", exp_alerts: [] },
                    { eval_time: "2h", alertname: "ErrorBudgetFastBurn", exp_alerts: [] },
                ],
                promql_expr_test: [
                    // Rounded: the ratio of two rates carries floating-point noise (5.0000000000005E-01).
                    {
                        expr: "round(slo:error_budget:remaining, 0.0001)",
                        eval_time: "2h",
                        exp_samples: [{ labels: '{service="backend"}', value: 0.5 }],
                    },
                    {
                        expr: "round(slo:sli_error:ratio_rate5m, 0.000001)",
                        eval_time: "2h",
                        exp_samples: [{ labels: '{service="backend"}', value: 0.0005 }],
                    },
                ],
            },
        ];

        it("every burn-rate alert has a case that fires and one that stays silent", () => {
            const { fires, silent } = coverage(TESTS);
            const names = BURN_RATE_ALERTS.map((b) => b.alert).sort();
            assert.deepEqual([...fires].sort(), names);
            assert.deepEqual([...silent].sort(), names);
        });

        it("check rules: the seed 001 SLO rules are valid", function () {
            const promtool = findGoTool("prometheus", "promtool");
            if (promtool === undefined) this.skip();
            const r = checkRules(promtool, SETS);
            assert.equal(r.status, 0, r.output);
            assert.match(r.output, /SUCCESS: 20 rules found/);
        });

        it("test rules: each burn rate fires on its error rate and stays silent below it", function () {
            const promtool = findGoTool("prometheus", "promtool");
            if (promtool === undefined) this.skip();
            const r = testRules(promtool, SETS, TESTS);
            assert.equal(r.status, 0, r.output);
        });
    });
});

describe("one SLO spec for rules and dashboards", () => {
    it("the dashboard spec of an SLO: same service and objective, its counters as rates over the dashboard's window", () => {
        assert.deepEqual(
            sloDashboardSpec({
                service: "api",
                team: "platform",
                objective: 0.999,
                good: 'http_requests_total{app="api",status!~"5.."}',
                total: 'http_requests_total{app="api"}',
            }),
            {
                service: "api",
                objective: 0.999,
                goodQuery: 'sum(rate(http_requests_total{app="api",status!~"5.."}[{{window}}]))',
                totalQuery: 'sum(rate(http_requests_total{app="api"}[{{window}}]))',
            },
        );
    });

    it("every service SLO makes a dashboard that passes the dashboard check", () => {
        const slos = SERVICE_SLOS.map(sloDashboardSpec);
        assert.equal(slos.length, SERVICE_SLOS.length);
        assert.deepEqual(checkDashboards(platformDashboards({ slos })), []);
    });
});
