import * as assert from "node:assert/strict";
import type { Panel, RowPanel } from "@grafana/grafana-foundation-sdk/dashboard";
import { formatIssues } from "@platform/core";
import {
    checkDashboards,
    dataPanels,
    type DashboardModel,
    platformDashboards,
    PROMETHEUS_DATASOURCE,
    PROVISIONED_DATASOURCES,
    promqlSyntaxError,
    sloQueries,
} from "../src/index.js";
import { API_SLO, WORKER_SLO } from "./fixtures.js";

/** A query as the JSON model holds it. */
interface Target {
    refId: string;
    expr: string;
    legendFormat?: string;
    datasource?: { type?: string; uid?: string };
}

const targetsOf = (panel: Panel): Target[] => (panel.targets ?? []) as unknown as Target[];
const all = (): DashboardModel[] => platformDashboards({ slos: [API_SLO, WORKER_SLO] });
const copy = (d: DashboardModel): DashboardModel => JSON.parse(JSON.stringify(d)) as DashboardModel;

describe("dashboards", () => {
    it("the platform's dashboards: exact uids, titles and panel counts, in order", () => {
        assert.deepEqual(
            all().map((d) => [d.uid, d.title, dataPanels(d).length]),
            [
                ["platform-system-overview", "System Overview", 3],
                ["platform-cluster-nodes", "Cluster and nodes", 13],
                ["platform-postgres", "PostgreSQL", 8],
                ["platform-slo-docuthinker-api", "SLO: docuthinker-api", 5],
                ["platform-slo-auterity-worker", "SLO: auterity-worker", 5],
            ],
        );
    });

    it("uids are unique valid Grafana uids (at most 40 characters) and titles are unique", () => {
        const dashboards = all();
        const uids = dashboards.map((d) => d.uid as string);
        assert.equal(new Set(uids).size, 5);
        assert.equal(new Set(dashboards.map((d) => d.title)).size, 5);
        for (const uid of uids) {
            assert.match(uid, /^[A-Za-z0-9_-]{1,40}$/);
        }
    });

    for (const dashboard of all()) {
        describe(`${String(dashboard.title)} (${String(dashboard.uid)})`, () => {
            it("passes the dashboard check against the provisioned datasources", () => {
                assert.deepEqual(checkDashboards([dashboard], PROVISIONED_DATASOURCES), []);
            });

            it("every panel and every query references the Prometheus datasource by its fixed uid, every panel has a query", () => {
                for (const panel of dataPanels(dashboard)) {
                    assert.deepEqual(panel.datasource, { type: "prometheus", uid: "prometheus" }, String(panel.title));
                    const targets = targetsOf(panel);
                    assert.ok(targets.length >= 1, `${String(panel.title)} has no query`);
                    for (const t of targets) {
                        assert.deepEqual(t.datasource, PROMETHEUS_DATASOURCE, `${String(panel.title)} ${t.refId}`);
                    }
                }
            });

            it("every query parses as PromQL, and breaking any one of them is caught naming the dashboard and the panel", () => {
                for (const panel of dataPanels(dashboard)) {
                    for (const t of targetsOf(panel)) {
                        assert.equal(promqlSyntaxError(t.expr), undefined, `${String(panel.title)} ${t.refId}: ${t.expr}`);
                        const broken = copy(dashboard);
                        const brokenPanel = dataPanels(broken).find((p) => p.id === panel.id) as Panel;
                        const brokenTarget = targetsOf(brokenPanel).find((b) => b.refId === t.refId) as Target;
                        brokenTarget.expr = `${t.expr})`;
                        assert.deepEqual(
                            checkDashboards([broken]).map((i) => i.field),
                            [
                                `dashboards[${JSON.stringify(dashboard.title)}].panels[${JSON.stringify(panel.title)}].targets["${t.refId}"].expr`,
                            ],
                        );
                    }
                }
            });

            it("panels have distinct ids and titles, refIds A, B... in order", () => {
                const panels = dataPanels(dashboard);
                assert.equal(new Set(panels.map((p) => p.id)).size, panels.length);
                assert.equal(new Set(panels.map((p) => p.title)).size, panels.length);
                for (const panel of panels) {
                    assert.deepEqual(
                        targetsOf(panel).map((t) => t.refId),
                        targetsOf(panel).map((_, i) => String.fromCharCode(65 + i)),
                    );
                }
            });
        });
    }

    it("System Overview: seed 000's three panels with its exact queries and legends (graph panels as timeseries)", () => {
        const overview = all()[0];
        assert.deepEqual(
            dataPanels(overview).map((p) => [p.title, p.type, targetsOf(p).map((t) => [t.expr, t.legendFormat])]),
            [
                ["System Health", "stat", [["up", "{{ instance }}"]]],
                [
                    "Response Time",
                    "timeseries",
                    [["histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[5m]))", "95th percentile"]],
                ],
                ["Error Rate", "timeseries", [['rate(http_requests_total{status=~"5.."}[5m])', "Error rate"]]],
            ],
        );
    });

    it("SLO queries from the spec: availability over the window, budget remaining and burn rate against 1 - objective", () => {
        const good = (w: string) => `sum(rate(http_requests_total{job="docuthinker-api",code!~"5.."}[${w}]))`;
        const total = (w: string) => `sum(rate(http_requests_total{job="docuthinker-api"}[${w}]))`;
        const q = sloQueries(API_SLO);
        assert.equal(q.availability, `(${good("30d")}) / (${total("30d")})`);
        assert.equal(q.errorBudgetRemaining, `1 - (1 - ((${good("30d")}) / (${total("30d")}))) / 0.001`);
        assert.equal(q.burnRate("1h"), `(1 - ((${good("1h")}) / (${total("1h")}))) / 0.001`);
        assert.equal(q.sli5m, `(${good("5m")}) / (${total("5m")})`);
        // A 28-day window and a 99% objective: the budget is 0.01, not 0.010000000000000009.
        assert.ok(sloQueries(WORKER_SLO).availability.includes("[28d]"));
        assert.ok(sloQueries(WORKER_SLO).errorBudgetRemaining.endsWith(") / 0.01"));
    });

    it("SLO dashboard: the objective colours availability, the burn-rate panel draws the 5m, 1h, 6h and 3d windows with 1, 6 and 14.4 lines", () => {
        const slo = all()[3];
        const byTitle = new Map(dataPanels(slo).map((p) => [p.title, p]));
        assert.deepEqual(
            [...byTitle.keys()],
            ["Availability (30d)", "Error budget remaining", "Burn rate (1h)", "Burn rate", "Availability (5m)"],
        );
        const burn = byTitle.get("Burn rate") as Panel;
        assert.deepEqual(
            targetsOf(burn).map((t) => t.legendFormat),
            ["5m", "1h", "6h", "3d"],
        );
        assert.deepEqual(burn.fieldConfig?.defaults.thresholds?.steps, [
            { value: null, color: "green" },
            { value: 1, color: "yellow" },
            { value: 6, color: "orange" },
            { value: 14.4, color: "red" },
        ]);
        assert.deepEqual((byTitle.get("Availability (30d)") as Panel).fieldConfig?.defaults.thresholds?.steps, [
            { value: null, color: "red" },
            { value: 0.999, color: "green" },
        ]);
    });
});

describe("the dashboard check", () => {
    const overview = (): DashboardModel => copy(platformDashboards()[0]);
    const panel = (d: DashboardModel, title: string): Panel => dataPanels(d).find((p) => p.title === title) as Panel;

    it("a broken query: the message names the dashboard, the panel, the query and the syntax error", () => {
        const d = overview();
        targetsOf(panel(d, "Error Rate"))[0].expr = 'rate(http_requests_total{status=~"5.."}[5m]';
        const issues = checkDashboards([d]);
        assert.equal(
            formatIssues("dashboards", issues),
            [
                "dashboards (1 problem):",
                '  - dashboards["System Overview"].panels["Error Rate"].targets["A"].expr = "rate(http_requests_total{status=~\\"5..\\"}[5m]": ' +
                    'does not parse as PromQL: syntax error at character 44, near "\\"5..\\"}[5m]". Fix: correct the PromQL expression',
            ].join("\n"),
        );
    });

    it("an unknown function and an unquoted Grafana variable are syntax errors; $__rate_interval and variables inside strings are not", () => {
        assert.equal(promqlSyntaxError("rate(up[$__rate_interval])"), undefined);
        assert.equal(promqlSyntaxError("rate(up[${__interval}])"), undefined);
        assert.equal(promqlSyntaxError('up{instance=~"$node"}'), undefined);
        assert.equal(promqlSyntaxError("ratez(up[5m])"), 'does not parse as PromQL: syntax error at character 6, near "ratez(up[5m])"');
        assert.equal(
            promqlSyntaxError("rate(up[$window])"),
            'does not parse as PromQL: syntax error at character 9, near "rate(up[$window])"',
        );
        assert.equal(promqlSyntaxError("  "), "is empty");
    });

    it("an unknown datasource on a panel and on a query, and a missing one, are caught against the provisioned set", () => {
        const d = overview();
        panel(d, "System Health").datasource = { type: "prometheus", uid: "thanos" };
        targetsOf(panel(d, "Response Time"))[0].datasource = { type: "loki", uid: "prometheus" };
        delete panel(d, "Error Rate").datasource;
        assert.deepEqual(
            checkDashboards([d]).map((i) => [i.field, i.value, i.problem]),
            [
                [
                    'dashboards["System Overview"].panels["System Health"].datasource',
                    { type: "prometheus", uid: "thanos" },
                    "is not a provisioned datasource (prometheus/prometheus, loki/loki, tempo/tempo)",
                ],
                [
                    'dashboards["System Overview"].panels["Response Time"].targets["A"].datasource',
                    { type: "loki", uid: "prometheus" },
                    "is not a provisioned datasource (prometheus/prometheus, loki/loki, tempo/tempo)",
                ],
                [
                    'dashboards["System Overview"].panels["Error Rate"].datasource',
                    undefined,
                    "is not set (Grafana would use whichever datasource is default)",
                ],
            ],
        );
        // The same dashboards are fine where a "thanos" datasource is provisioned too (only the Loki query remains).
        assert.equal(checkDashboards([d], [...PROVISIONED_DATASOURCES, { type: "prometheus", uid: "thanos" }]).length, 2);
    });

    it("a panel without a query, and panels inside a collapsed row, are checked", () => {
        const d = overview();
        panel(d, "System Health").targets = [];
        const hidden = copy(platformDashboards()[0]);
        const inner = dataPanels(hidden)[2];
        targetsOf(inner)[0].expr = "sum(";
        const row: RowPanel = { type: "row", collapsed: true, id: 99, title: "Hidden", panels: [inner] };
        d.panels = [...(d.panels ?? []), row];
        assert.deepEqual(
            checkDashboards([d]).map((i) => [i.field, i.problem]),
            [
                ['dashboards["System Overview"].panels["System Health"].targets', "has no query: the panel would show no data"],
                [
                    'dashboards["System Overview"].panels["Error Rate"].targets["A"].expr',
                    'does not parse as PromQL: syntax error at character 5, near "sum("',
                ],
            ],
        );
    });

    it("duplicate uids and titles, and a uid Grafana refuses, are caught", () => {
        const [a, b, c] = platformDashboards().map(copy);
        b.uid = a.uid;
        c.title = a.title;
        const long = copy(a);
        long.title = "Long";
        long.uid = "x".repeat(41);
        assert.deepEqual(
            checkDashboards([a, b, c, long]).map((i) => [i.field, i.problem]),
            [
                ['dashboards["Cluster and nodes"].uid', 'is also the uid of "System Overview": one would overwrite the other'],
                [
                    'dashboards["System Overview"].title',
                    "is also the title of another dashboard: Grafana refuses two of one title in a folder",
                ],
                ['dashboards["Long"].uid', "is not a Grafana uid (1 to 40 letters, digits, - and _)"],
            ],
        );
    });
});
