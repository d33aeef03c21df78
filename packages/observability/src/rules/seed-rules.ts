/**
 * The seeds' rules: the seven alerts of seed 000 (`prometheus-alerts.yml`, three groups) with their
 * thresholds, `for` durations and severities unchanged, and seed 004's recording rule
 * (`job:request_latency_seconds:mean5m`). Two expressions of seed 000 are corrected, both recorded
 * in docs/decisions.md ("Observability: seed alert corrections"):
 * - HighErrorRate compared nothing (`http_requests_total{status=~"5.."}` fires for any 5xx ever
 *   counted): it is now the ratio of 5xx responses over all responses, per job, over 5 minutes,
 *   above 5% (seed 002: "error rate exceeds 5%").
 * - HighResponseTime compared `http_request_duration_seconds`, which a histogram only exposes as
 *   `_bucket`/`_sum`/`_count` series (the seed's own dashboard and seed 004 read those): it is now
 *   the 95th percentile per job over 5 minutes, the seed dashboard's "95th percentile", above 2s.
 */
import { type AlertRule, type RecordingRule, type RuleGroup, runbookUrl, type Severity } from "./types.js";

/** Who owns the seed alerts: the platform team (node and database health) and the application team. */
export interface SeedRuleOwners {
    /** Team label of system-health and DatabaseConnectionIssue. @default "platform" */
    readonly platform?: string;
    /** Team label of application-performance and LowUserActivity. @default "backend" */
    readonly application?: string;
}

function alert(
    runbookBaseUrl: string,
    name: string,
    expr: string,
    forDuration: string,
    severity: Severity,
    team: string,
    summary: string,
    description: string,
): AlertRule {
    return {
        alert: name,
        expr,
        for: forDuration,
        labels: { severity, team },
        annotations: { summary, description, runbook_url: runbookUrl(runbookBaseUrl, name) },
    };
}

/** The 5xx ratio over all responses per job, the corrected HighErrorRate's left side. */
export const HTTP_ERROR_RATIO_5M =
    'sum by (job) (rate(http_requests_total{status=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m]))';

/** Seed 000's three groups: system-health, application-performance, business-metrics (seven alerts). */
export function seed000AlertGroups(runbookBaseUrl: string, owners: SeedRuleOwners = {}): RuleGroup[] {
    const platform = owners.platform ?? "platform";
    const application = owners.application ?? "backend";
    const a = (...rest: Parameters<typeof alert> extends [string, ...infer R] ? R : never) => alert(runbookBaseUrl, ...rest);
    return [
        {
            name: "system-health",
            rules: [
                a(
                    "HighCPUUsage",
                    "cpu_usage_percent > 80",
                    "5m",
                    "warning",
                    platform,
                    "High CPU usage detected",
                    "CPU usage of {{ $labels.instance }} is {{ $value }}%, above 80% for 5 minutes",
                ),
                a(
                    "HighMemoryUsage",
                    "memory_usage_percent > 85",
                    "5m",
                    "warning",
                    platform,
                    "High memory usage detected",
                    "Memory usage of {{ $labels.instance }} is {{ $value }}%, above 85% for 5 minutes",
                ),
                a(
                    "DiskSpaceLow",
                    "disk_free_percent < 20",
                    "2m",
                    "critical",
                    platform,
                    "Low disk space",
                    "Free disk space of {{ $labels.instance }} is {{ $value }}%, below 20%",
                ),
            ],
        },
        {
            name: "application-performance",
            rules: [
                a(
                    "HighResponseTime",
                    "histogram_quantile(0.95, sum by (job, le) (rate(http_request_duration_seconds_bucket[5m]))) > 2",
                    "5m",
                    "warning",
                    application,
                    "High response time detected",
                    "The 95th percentile response time of {{ $labels.job }} is {{ $value }}s, above 2 seconds for 5 minutes",
                ),
                a(
                    "HighErrorRate",
                    `${HTTP_ERROR_RATIO_5M} > 0.05`,
                    "2m",
                    "critical",
                    application,
                    "High error rate detected",
                    "{{ $value | humanizePercentage }} of the responses of {{ $labels.job }} are 5xx errors, above 5%",
                ),
            ],
        },
        {
            name: "business-metrics",
            rules: [
                a(
                    "LowUserActivity",
                    "active_users < 100",
                    "30m",
                    "warning",
                    application,
                    "Low user activity detected",
                    "{{ $value }} active users, below the expected 100",
                ),
                a(
                    "DatabaseConnectionIssue",
                    "database_connections_active < 1",
                    "1m",
                    "critical",
                    platform,
                    "Database connection issue",
                    "No active database connections from {{ $labels.instance }}",
                ),
            ],
        },
    ];
}

/** Seed 004's recording rule: the mean request latency over 5 minutes. */
export const MEAN_LATENCY_RULE: RecordingRule = {
    record: "job:request_latency_seconds:mean5m",
    expr: "rate(http_request_duration_seconds_sum[5m]) / rate(http_request_duration_seconds_count[5m])",
};

/** Seed 004's group (`auterity`): its recording rule. */
export function seed004RuleGroups(): RuleGroup[] {
    return [{ name: "auterity", rules: [MEAN_LATENCY_RULE] }];
}
