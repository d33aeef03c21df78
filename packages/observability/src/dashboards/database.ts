/**
 * PostgreSQL from postgres-exporter (prometheus-community/postgres_exporter) metrics, through the
 * same Prometheus datasource as everything else. Chosen over CloudWatch (RDS) and Cloud
 * Monitoring (Cloud SQL) metrics: one dashboard and one query language for the primary on AWS
 * and the DR copy on GCP, what the database itself reports (connections by state, cache hits,
 * deadlocks, replication lag) rather than what the cloud sees from outside, and queries this
 * package can check as PromQL. The cloud's own view (CPU, free storage, replica lag of the
 * instance) stays with the cloud alarms beside the databases.
 */
import { type DashboardModel, platformDashboard } from "./dashboard.js";
import { gaugePanel, statPanel, timeseriesPanel } from "./panels.js";

function perInstanceRate(metric: string): string {
    return `sum by (instance) (rate(${metric}[$__rate_interval]))`;
}

export function databaseDashboard(): DashboardModel {
    const hits = perInstanceRate("pg_stat_database_blks_hit");
    const reads = perInstanceRate("pg_stat_database_blks_read");
    return platformDashboard({
        uid: "postgres",
        title: "PostgreSQL",
        description:
            "PostgreSQL (RDS, Cloud SQL) as postgres-exporter reports it: availability, connections, throughput, cache, replication.",
        tags: ["database", "postgres"],
        timeFrom: "now-6h",
        sections: [
            {
                panels: [
                    statPanel({
                        title: "Up",
                        description: "1 when the exporter reached the database at its last scrape.",
                        unit: "short",
                        queries: [{ expr: "pg_up", legend: "{{ instance }}" }],
                        thresholds: [
                            { value: null, color: "red" },
                            { value: 1, color: "green" },
                        ],
                        width: 6,
                        height: 6,
                    }),
                    gaugePanel({
                        title: "Connections used",
                        description: "Backends over max_connections: at 100% new connections are refused.",
                        unit: "percentunit",
                        min: 0,
                        max: 1,
                        queries: [
                            {
                                expr: "sum by (instance) (pg_stat_database_numbackends) / max by (instance) (pg_settings_max_connections)",
                                legend: "{{ instance }}",
                            },
                        ],
                        thresholds: [
                            { value: null, color: "green" },
                            { value: 0.8, color: "orange" },
                            { value: 0.9, color: "red" },
                        ],
                        width: 6,
                        height: 6,
                    }),
                    gaugePanel({
                        title: "Cache hit ratio",
                        description: "Blocks found in shared buffers over blocks read: below about 99% the working set outgrows memory.",
                        unit: "percentunit",
                        min: 0,
                        max: 1,
                        queries: [{ expr: `${hits} / (${hits} + ${reads})`, legend: "{{ instance }}" }],
                        thresholds: [
                            { value: null, color: "red" },
                            { value: 0.9, color: "orange" },
                            { value: 0.99, color: "green" },
                        ],
                        width: 6,
                        height: 6,
                    }),
                    statPanel({
                        title: "Replication lag",
                        description: "Seconds a replica is behind its primary (0 on the primary).",
                        unit: "s",
                        queries: [{ expr: "max by (instance) (pg_replication_lag_seconds)", legend: "{{ instance }}" }],
                        thresholds: [
                            { value: null, color: "green" },
                            { value: 30, color: "orange" },
                            { value: 300, color: "red" },
                        ],
                        width: 6,
                        height: 6,
                    }),
                    timeseriesPanel({
                        title: "Connections by state",
                        description: "Backends per state (active, idle, idle in transaction...): idle in transaction holds locks.",
                        unit: "short",
                        min: 0,
                        queries: [{ expr: "sum by (instance, state) (pg_stat_activity_count)", legend: "{{ instance }} {{ state }}" }],
                        width: 12,
                        height: 8,
                    }),
                    timeseriesPanel({
                        title: "Transactions",
                        description: "Commits and rollbacks per second.",
                        unit: "ops",
                        min: 0,
                        queries: [
                            { expr: perInstanceRate("pg_stat_database_xact_commit"), legend: "{{ instance }} commits" },
                            { expr: perInstanceRate("pg_stat_database_xact_rollback"), legend: "{{ instance }} rollbacks" },
                        ],
                        width: 12,
                        height: 8,
                    }),
                    timeseriesPanel({
                        title: "Deadlocks",
                        description: "Deadlocks detected per second: each one aborted a transaction.",
                        unit: "short",
                        min: 0,
                        queries: [{ expr: perInstanceRate("pg_stat_database_deadlocks"), legend: "{{ instance }}" }],
                        width: 12,
                        height: 8,
                    }),
                    timeseriesPanel({
                        title: "Database size",
                        description: "Size of each database on disk.",
                        unit: "bytes",
                        min: 0,
                        queries: [{ expr: "pg_database_size_bytes", legend: "{{ instance }} {{ datname }}" }],
                        width: 12,
                        height: 8,
                    }),
                ],
            },
        ],
    });
}
