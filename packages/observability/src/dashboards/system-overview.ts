/**
 * Seed 000's "Tiation System Overview" dashboard (seed-features O9, section 4), its three panels
 * and their queries verbatim. The seed's `graph` panels are `timeseries` here: Grafana removed the
 * old graph panel (it migrates it to timeseries on load), so a provisioned `graph` would be
 * rewritten on every load.
 */
import { type DashboardModel, platformDashboard } from "./dashboard.js";
import { statPanel, timeseriesPanel } from "./panels.js";

/** The seed's panel queries, exactly as seed 000 writes them. */
export const SYSTEM_OVERVIEW_QUERIES = {
    systemHealth: "up",
    responseTime: "histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[5m]))",
    errorRate: 'rate(http_requests_total{status=~"5.."}[5m])',
} as const;

export function systemOverviewDashboard(): DashboardModel {
    return platformDashboard({
        uid: "system-overview",
        title: "System Overview",
        description: "Seed 000's system overview: targets up, 95th percentile response time, 5xx rate.",
        tags: ["overview"],
        timeFrom: "now-6h",
        sections: [
            {
                panels: [
                    statPanel({
                        title: "System Health",
                        description: "Scrape targets: 1 when Prometheus reached the target at its last scrape, 0 when not.",
                        unit: "short",
                        queries: [{ expr: SYSTEM_OVERVIEW_QUERIES.systemHealth, legend: "{{ instance }}" }],
                        thresholds: [
                            { value: null, color: "red" },
                            { value: 1, color: "green" },
                        ],
                        width: 24,
                        height: 6,
                    }),
                    timeseriesPanel({
                        title: "Response Time",
                        description: "95th percentile HTTP request duration per series; seed 000 warns above 2 s (HighResponseTime).",
                        unit: "s",
                        min: 0,
                        queries: [{ expr: SYSTEM_OVERVIEW_QUERIES.responseTime, legend: "95th percentile" }],
                        thresholds: [
                            { value: null, color: "green" },
                            { value: 2, color: "red" },
                        ],
                        width: 12,
                        height: 9,
                    }),
                    timeseriesPanel({
                        title: "Error Rate",
                        description: "HTTP 5xx responses per second, per series.",
                        unit: "reqps",
                        min: 0,
                        queries: [{ expr: SYSTEM_OVERVIEW_QUERIES.errorRate, legend: "Error rate" }],
                        width: 12,
                        height: 9,
                    }),
                ],
            },
        ],
    });
}
