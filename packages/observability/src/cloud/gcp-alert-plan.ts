/**
 * Which Cloud Monitoring alert policies watch the data layer and the public load balancer on GCP,
 * with the seed 002 thresholds ("CPU > 80%, Memory > 90%", uptime checks on the public endpoints,
 * service downtime alerted "Immediate", "error rate exceeds 5%") and seed 000's free-disk floor:
 * pure functions, tested exactly.
 */
import { checkWholeNumber, type Issue } from "@platform/core";

/** What Cloud Monitoring does when a condition's time series stops reporting. */
export type MissingData = "EVALUATION_MISSING_DATA_ACTIVE" | "EVALUATION_MISSING_DATA_INACTIVE";

export interface GcpAlertThresholds {
    /** Cloud SQL CPU utilization, a ratio: seed 002 "CPU > 80%". */
    readonly cpuRatio: number;
    /** Seconds CPU must stay high: seed 000 `for: 5m`. */
    readonly cpuSeconds: number;
    /** Cloud SQL disk utilization, a ratio: 0.8, free disk below 20% (seed 000 DiskSpaceLow). */
    readonly diskRatio: number;
    /** Seconds the disk must stay full: seed 000 `for: 2m`. */
    readonly diskSeconds: number;
    /** Connections as a share of max_connections: 0.8, time to add pooling before refusals. */
    readonly connectionsRatio: number;
    /** Memorystore memory usage ratio: seed 002 "Memory > 90%". */
    readonly memoryRatio: number;
    /** Evicted keys per second above which the cache alerts (0 with high availability, as on AWS). */
    readonly evictionsPerSecond: number;
    /** Seconds of failed uptime checks before the alert: 60, seed 002 "Immediate" (one check period). */
    readonly downtimeSeconds: number;
    /** 5xx responses as a share of the load balancer's requests: seed 002 "error rate exceeds 5%". */
    readonly errorRatio: number;
}

/** The thresholds of an environment, from its profile's `data.highAvailability`. */
export function gcpAlertThresholds(profile: { readonly highAvailability: boolean }): GcpAlertThresholds {
    return {
        cpuRatio: 0.8,
        cpuSeconds: 300,
        diskRatio: 0.8,
        diskSeconds: 120,
        connectionsRatio: 0.8,
        memoryRatio: 0.9,
        evictionsPerSecond: profile.highAvailability ? 0 : 1,
        downtimeSeconds: 60,
        errorRatio: 0.05,
    };
}

/**
 * Cloud SQL for PostgreSQL's default `max_connections` of the tiers the data layer uses
 * (`GCP_SHAPES` in @platform/data), from Cloud SQL's table by instance memory.
 */
export const CLOUD_SQL_MAX_CONNECTIONS: Readonly<Record<string, number>> = {
    "db-custom-2-7680": 400,
    "db-custom-2-15360": 500,
    "db-custom-4-26624": 500,
};

/** One alert policy with a single threshold condition, before it is a resource. */
export interface AlertPolicySpec {
    /** Child name within the component. */
    readonly key: string;
    readonly target: "cloudSql" | "memorystore" | "uptime" | "loadBalancer";
    readonly displayName: string;
    readonly severity: "CRITICAL" | "WARNING";
    /** Why it fires and what to look at: the policy's documentation. */
    readonly documentation: string;
    /** The monitored resource type and metric; the resource label is added from the watched instance. */
    readonly resourceType: "cloudsql_database" | "redis_instance" | "uptime_url" | "https_lb_rule";
    readonly metricType: string;
    readonly comparison: "COMPARISON_GT";
    readonly threshold: number;
    readonly durationSeconds: number;
    readonly aligner: "ALIGN_MEAN" | "ALIGN_RATE" | "ALIGN_NEXT_OLDER";
    /** Uptime: count the failed checks across checker regions; load balancer: sum over backends and zones. */
    readonly reducer?: "REDUCE_COUNT_FALSE" | "REDUCE_SUM";
    readonly missingData: MissingData;
    /**
     * A ratio condition: the numerator keeps only series with this metric label filter; the
     * denominator is the same metric and resource without it.
     */
    readonly ratioOf?: { readonly numeratorMetricFilter: string };
}

/** What the alerts watch: plain values (they decide how many policies exist). */
export interface GcpAlertTargets {
    /** The primary Cloud SQL instance's tier (its max_connections). */
    readonly cloudSql?: { readonly tier: string };
    readonly memorystore?: boolean;
    readonly uptimeCheck?: boolean;
    /** The public external HTTPS load balancer (its URL map). */
    readonly loadBalancer?: boolean;
}

/** The alert policies for the targets, ordered Cloud SQL, Memorystore, uptime, load balancer. */
export function planGcpAlertPolicies(targets: GcpAlertTargets, t: GcpAlertThresholds): AlertPolicySpec[] {
    const specs: AlertPolicySpec[] = [];
    const pct = (ratio: number) => `${Math.round(ratio * 100)}%`;
    if (targets.cloudSql !== undefined) {
        const sql = (metric: string) => `cloudsql.googleapis.com/database/${metric}`;
        const maxConnections = CLOUD_SQL_MAX_CONNECTIONS[targets.cloudSql.tier] ?? 0;
        // Cloud SQL reports every minute while it runs: silence means the instance is down.
        specs.push(
            {
                key: "sql-cpu",
                target: "cloudSql",
                displayName: `Cloud SQL CPU above ${pct(t.cpuRatio)}`,
                severity: "CRITICAL",
                documentation: `Database CPU above ${pct(t.cpuRatio)} for ${t.cpuSeconds / 60} minutes (seed 002 "CPU > 80%"). Look for slow queries (log_min_duration_statement) or scale the tier.`,
                resourceType: "cloudsql_database",
                metricType: sql("cpu/utilization"),
                comparison: "COMPARISON_GT",
                threshold: t.cpuRatio,
                durationSeconds: t.cpuSeconds,
                aligner: "ALIGN_MEAN",
                missingData: "EVALUATION_MISSING_DATA_ACTIVE",
            },
            {
                key: "sql-disk",
                target: "cloudSql",
                displayName: `Cloud SQL disk above ${pct(t.diskRatio)}`,
                severity: "CRITICAL",
                documentation: `Database disk more than ${pct(t.diskRatio)} full for ${t.diskSeconds / 60} minutes (seed 000 DiskSpaceLow). Storage auto-increase grows it; find what is filling it.`,
                resourceType: "cloudsql_database",
                metricType: sql("disk/utilization"),
                comparison: "COMPARISON_GT",
                threshold: t.diskRatio,
                durationSeconds: t.diskSeconds,
                aligner: "ALIGN_MEAN",
                missingData: "EVALUATION_MISSING_DATA_ACTIVE",
            },
            {
                key: "sql-connections",
                target: "cloudSql",
                displayName: `Cloud SQL connections above ${pct(t.connectionsRatio)} of ${maxConnections}`,
                severity: "WARNING",
                documentation: `More than ${pct(t.connectionsRatio)} of max_connections (${maxConnections}) in use for ${t.cpuSeconds / 60} minutes: new connections will soon be refused. Add pooling or a larger tier.`,
                resourceType: "cloudsql_database",
                metricType: sql("postgresql/num_backends"),
                comparison: "COMPARISON_GT",
                threshold: Math.floor(maxConnections * t.connectionsRatio),
                durationSeconds: t.cpuSeconds,
                aligner: "ALIGN_MEAN",
                missingData: "EVALUATION_MISSING_DATA_ACTIVE",
            },
        );
    }
    if (targets.memorystore === true) {
        specs.push(
            {
                key: "redis-memory",
                target: "memorystore",
                displayName: `Memorystore memory above ${pct(t.memoryRatio)}`,
                severity: "CRITICAL",
                documentation: `Cache memory above ${pct(t.memoryRatio)} for ${t.cpuSeconds / 60} minutes (seed 002 "Memory > 90%"): evictions follow. Raise the capacity.`,
                resourceType: "redis_instance",
                metricType: "redis.googleapis.com/stats/memory/usage_ratio",
                comparison: "COMPARISON_GT",
                threshold: t.memoryRatio,
                durationSeconds: t.cpuSeconds,
                aligner: "ALIGN_MEAN",
                missingData: "EVALUATION_MISSING_DATA_ACTIVE",
            },
            {
                key: "redis-evictions",
                target: "memorystore",
                displayName: `Memorystore evicting more than ${t.evictionsPerSecond} keys per second`,
                severity: "WARNING",
                documentation: "The cache evicts keys: it is too small for its working set.",
                resourceType: "redis_instance",
                metricType: "redis.googleapis.com/stats/evicted_keys",
                comparison: "COMPARISON_GT",
                threshold: t.evictionsPerSecond,
                durationSeconds: t.cpuSeconds,
                aligner: "ALIGN_RATE",
                // A counter: no data is no evictions.
                missingData: "EVALUATION_MISSING_DATA_INACTIVE",
            },
        );
    }
    if (targets.uptimeCheck === true) {
        specs.push({
            key: "uptime",
            target: "uptime",
            displayName: "Public endpoint down",
            severity: "CRITICAL",
            documentation: `The uptime check failed from more than one region for ${t.downtimeSeconds} seconds (seed 002: service downtime is alerted immediately).`,
            resourceType: "uptime_url",
            metricType: "monitoring.googleapis.com/uptime_check/check_passed",
            comparison: "COMPARISON_GT",
            // More than one failing region: a single checker's network blip does not page.
            threshold: 1,
            durationSeconds: t.downtimeSeconds,
            aligner: "ALIGN_NEXT_OLDER",
            reducer: "REDUCE_COUNT_FALSE",
            missingData: "EVALUATION_MISSING_DATA_ACTIVE",
        });
    }
    if (targets.loadBalancer === true) {
        specs.push({
            key: "lb-5xx-ratio",
            target: "loadBalancer",
            displayName: `Public load balancer 5xx above ${pct(t.errorRatio)} of requests`,
            severity: "CRITICAL",
            documentation: `More than ${pct(t.errorRatio)} of the public load balancer's requests got a 5xx for ${t.cpuSeconds / 60} minutes (seed 002 "High Error Rate"). Check the ingress gateway and the backends behind it.`,
            resourceType: "https_lb_rule",
            metricType: "loadbalancing.googleapis.com/https/request_count",
            comparison: "COMPARISON_GT",
            threshold: t.errorRatio,
            durationSeconds: t.cpuSeconds,
            aligner: "ALIGN_RATE",
            reducer: "REDUCE_SUM",
            // No requests: no ratio, and nothing failing.
            missingData: "EVALUATION_MISSING_DATA_INACTIVE",
            ratioOf: { numeratorMetricFilter: "metric.labels.response_code_class = 500" },
        });
    }
    return specs;
}

/** Every problem with the alert targets and recipients, in the one error format. */
export function validateGcpAlertTargets(targets: GcpAlertTargets, emails: readonly string[]): Issue[] {
    const issues: Issue[] = [];
    if (targets.cloudSql !== undefined && CLOUD_SQL_MAX_CONNECTIONS[targets.cloudSql.tier] === undefined) {
        issues.push({
            field: "cloudSql.tier",
            value: targets.cloudSql.tier,
            problem: "has no known max_connections, so the connections alert has no base",
            fix: `use one of ${Object.keys(CLOUD_SQL_MAX_CONNECTIONS).join(", ")}, or add the tier to CLOUD_SQL_MAX_CONNECTIONS`,
        });
    }
    issues.push(
        ...checkWholeNumber("emails.length", emails.length, { min: 1, max: 10 }, "list one to ten addresses (platform:alerts.emails)"),
    );
    if (targets.cloudSql === undefined && targets.memorystore !== true && targets.uptimeCheck !== true && targets.loadBalancer !== true) {
        issues.push({
            field: "targets",
            value: targets,
            problem: "watch nothing: the component would create channels no policy notifies",
            fix: "pass cloudSql, memorystore, uptimeCheck or loadBalancer, or do not create the component",
        });
    }
    return issues;
}
