/**
 * Which CloudWatch alarms watch the data and network layers, and at what thresholds: pure
 * functions, so every number is tested exactly and the component only turns specs into resources.
 *
 * Numbers come from the seeds (seed-features.md section 4): CPU above 80% for 5 minutes (seed 000
 * HighCPUUsage, seed 002 "CPU > 80%"), free disk below 20% for 2 minutes (seed 000 DiskSpaceLow),
 * the public load balancer's 5xx responses above 5% of its requests (seed 002 "error rate exceeds 5%").
 * Where the seeds give none (connections, replica lag, evictions, NAT errors) the choice and its
 * reason are written beside the number.
 */
import { checkWholeNumber, type Issue } from "@platform/core";

/** How CloudWatch treats a period without data: a deliberate choice per alarm (see each spec). */
export type TreatMissingData = "breaching" | "notBreaching" | "ignore" | "missing";

/** Alarm severity, carried in the description so the topic's subscribers can route on it. */
export type AlarmSeverity = "critical" | "warning";

export interface AwsAlarmThresholds {
    /** CPU percent (RDS CPUUtilization, ElastiCache EngineCPUUtilization): seeds 000 and 002, 80. */
    readonly cpuPercent: number;
    /** Minutes the CPU must stay above the threshold: seed 000 `for: 5m`. */
    readonly cpuMinutes: number;
    /** Free storage as a percent of the allocated storage: seed 000 DiskSpaceLow, 20. */
    readonly freeStoragePercent: number;
    /** Minutes free storage must stay low: seed 000 `for: 2m`. */
    readonly freeStorageMinutes: number;
    /**
     * Connections as a percent of the instance's `max_connections`: 80, so there is time to add
     * pooling or a larger class before new connections are refused.
     */
    readonly connectionsPercent: number;
    /**
     * Replica lag in seconds: 60. A minute of stale reads is visible to users, and it is far
     * inside the 15-minute RPO (seed 000), so there is time to act before a failover would lose data.
     */
    readonly replicaLagSeconds: number;
    /**
     * Evictions per 5 minutes above which the cache alarms. 0 where the profile is highly available
     * (staging, prod: the cache is sized to hold its working set, so any eviction means it is too
     * small and sessions are being lost); 100 in dev, whose small node evicts under test load.
     */
    readonly evictionsPer5Minutes: number;
    /**
     * Dropped NAT packets as a percent of the packets it received: 0.01, the threshold AWS
     * recommends for NatGateway PacketsDropCount.
     */
    readonly natDropPercent: number;
    /** 5xx responses of the public load balancer's targets as a percent of its requests: seed 002, 5. */
    readonly targetErrorPercent: number;
    /**
     * 5xx responses the load balancer itself generates (no healthy target, target timeouts, refused
     * connections) per minute: 10. Any sustained rate means requests fail before reaching the
     * gateway; a handful are clients hanging up, which the seeds do not page on.
     */
    readonly loadBalancerErrorsPerMinute: number;
}

/** The profile fields the thresholds depend on. */
export interface AlarmProfile {
    /** `profile.data.highAvailability`: evictions tolerated only without it. */
    readonly highAvailability: boolean;
}

/** The thresholds of an environment, from its profile. */
export function awsAlarmThresholds(profile: AlarmProfile): AwsAlarmThresholds {
    return {
        cpuPercent: 80,
        cpuMinutes: 5,
        freeStoragePercent: 20,
        freeStorageMinutes: 2,
        connectionsPercent: 80,
        replicaLagSeconds: 60,
        evictionsPer5Minutes: profile.highAvailability ? 0 : 100,
        natDropPercent: 0.01,
        targetErrorPercent: 5,
        loadBalancerErrorsPerMinute: 10,
    };
}

/**
 * Memory of the RDS instance classes the data layer uses (`AWS_SHAPES` in @platform/data), in GiB:
 * PostgreSQL's default `max_connections` on RDS is derived from it.
 */
export const RDS_INSTANCE_MEMORY_GIB: Readonly<Record<string, number>> = {
    "db.t4g.medium": 4,
    "db.r7g.large": 16,
    "db.r7g.xlarge": 32,
};

/**
 * RDS for PostgreSQL's default `max_connections`: `LEAST(DBInstanceClassMemory / 9531392, 5000)`.
 * DBInstanceClassMemory is a little below the class's memory (the OS keeps some); using the full
 * memory overestimates by a few percent, which the 80% threshold absorbs.
 */
export function rdsMaxConnections(memoryGib: number): number {
    return Math.min(Math.floor((memoryGib * 1024 ** 3) / 9_531_392), 5000);
}

/** A metric of a statistic over a period (one CloudWatch `MetricStat`). */
export interface MetricSpec {
    readonly namespace: string;
    readonly metricName: string;
    readonly statistic: "Average" | "Sum" | "Maximum" | "Minimum";
    /** The dimension name; its value is the watched resource's identifier. */
    readonly dimension: string;
}

/** What an alarm watches; its identifier fills the metric's dimension. */
export type AlarmTargetKind = "postgres" | "replica" | "redisNode" | "natGateway" | "loadBalancer";

/** One alarm, before it is a resource. */
export interface AlarmSpec {
    /** Child name within the component (`rds-cpu`, `nat-1-port-allocation`). */
    readonly key: string;
    /** Index into the watched resources of its kind (which identifier fills the dimension). */
    readonly target: { readonly kind: AlarmTargetKind; readonly index: number };
    readonly description: string;
    readonly severity: AlarmSeverity;
    readonly comparisonOperator: "GreaterThanThreshold" | "GreaterThanOrEqualToThreshold" | "LessThanThreshold";
    readonly threshold: number;
    readonly periodSeconds: number;
    readonly evaluationPeriods: number;
    readonly datapointsToAlarm: number;
    readonly treatMissingData: TreatMissingData;
    /** A single metric, or (NAT drops) a percentage of several metrics: `expression` over `metrics` by id. */
    readonly metric:
        MetricSpec | { readonly expression: string; readonly label: string; readonly metrics: Readonly<Record<string, MetricSpec>> };
}

/** What the alarms watch: counts are plain values (they decide how many alarms exist). */
export interface AwsAlarmTargets {
    /** The primary database: its instance class (for max_connections) and allocated storage. */
    readonly postgres?: { readonly instanceClass: string; readonly storageGb: number; readonly replicas: number };
    /** Nodes of the Redis replication group (one cache cluster each). */
    readonly redisNodes?: number;
    /** NAT gateways of the network (0 when the profile has none). */
    readonly natGateways?: number;
    /** Public Application Load Balancers (the platform layer's edge: 0 or 1). */
    readonly loadBalancers?: number;
}

const MINUTE = 60;

function everyMinute(minutes: number) {
    return { periodSeconds: MINUTE, evaluationPeriods: minutes, datapointsToAlarm: minutes };
}

/** The alarms for the targets: ordered postgres, replicas, redis nodes, NAT gateways, load balancers. */
export function planAwsAlarms(targets: AwsAlarmTargets, t: AwsAlarmThresholds): AlarmSpec[] {
    const specs: AlarmSpec[] = [];
    const pg = targets.postgres;
    if (pg !== undefined) {
        const memory = RDS_INSTANCE_MEMORY_GIB[pg.instanceClass] ?? 0;
        const rds = (metricName: string, statistic: MetricSpec["statistic"]): MetricSpec => ({
            namespace: "AWS/RDS",
            metricName,
            statistic,
            dimension: "DBInstanceIdentifier",
        });
        // RDS reports every minute while the instance runs: silence means it is stopped or
        // unreachable, which must page rather than look healthy.
        specs.push(
            {
                key: "rds-cpu",
                target: { kind: "postgres", index: 0 },
                description: `critical: database CPU above ${t.cpuPercent}% for ${t.cpuMinutes} minutes (seed 000 HighCPUUsage, seed 002)`,
                severity: "critical",
                comparisonOperator: "GreaterThanThreshold",
                threshold: t.cpuPercent,
                ...everyMinute(t.cpuMinutes),
                treatMissingData: "breaching",
                metric: rds("CPUUtilization", "Average"),
            },
            {
                key: "rds-free-storage",
                target: { kind: "postgres", index: 0 },
                description: `critical: database free storage below ${t.freeStoragePercent}% of ${pg.storageGb} GB for ${t.freeStorageMinutes} minutes (seed 000 DiskSpaceLow)`,
                severity: "critical",
                comparisonOperator: "LessThanThreshold",
                threshold: Math.round(((pg.storageGb * t.freeStoragePercent) / 100) * 1024 ** 3),
                ...everyMinute(t.freeStorageMinutes),
                treatMissingData: "breaching",
                metric: rds("FreeStorageSpace", "Minimum"),
            },
            {
                key: "rds-connections",
                target: { kind: "postgres", index: 0 },
                description: `warning: database connections above ${t.connectionsPercent}% of max_connections for ${t.cpuMinutes} minutes`,
                severity: "warning",
                comparisonOperator: "GreaterThanThreshold",
                threshold: Math.floor((rdsMaxConnections(memory) * t.connectionsPercent) / 100),
                ...everyMinute(t.cpuMinutes),
                treatMissingData: "breaching",
                metric: rds("DatabaseConnections", "Maximum"),
            },
        );
        for (let i = 0; i < pg.replicas; i++) {
            specs.push({
                key: `rds-replica-${i + 1}-lag`,
                target: { kind: "replica", index: i },
                description: `warning: read replica ${i + 1} more than ${t.replicaLagSeconds} seconds behind for ${t.cpuMinutes} minutes`,
                severity: "warning",
                comparisonOperator: "GreaterThanThreshold",
                threshold: t.replicaLagSeconds,
                ...everyMinute(t.cpuMinutes),
                // A replica that stops reporting lag has stopped replicating.
                treatMissingData: "breaching",
                metric: { ...rds("ReplicaLag", "Maximum") },
            });
        }
    }
    for (let i = 0; i < (targets.redisNodes ?? 0); i++) {
        const cache = (metricName: string, statistic: MetricSpec["statistic"]): MetricSpec => ({
            namespace: "AWS/ElastiCache",
            metricName,
            statistic,
            dimension: "CacheClusterId",
        });
        specs.push(
            {
                key: `redis-${i + 1}-cpu`,
                target: { kind: "redisNode", index: i },
                // Redis runs commands on one thread: the engine's CPU, not the host's, is what saturates.
                description: `critical: cache node ${i + 1} engine CPU above ${t.cpuPercent}% for ${t.cpuMinutes} minutes (seed 000 HighCPUUsage, seed 002)`,
                severity: "critical",
                comparisonOperator: "GreaterThanThreshold",
                threshold: t.cpuPercent,
                ...everyMinute(t.cpuMinutes),
                treatMissingData: "breaching",
                metric: cache("EngineCPUUtilization", "Average"),
            },
            {
                key: `redis-${i + 1}-evictions`,
                target: { kind: "redisNode", index: i },
                description: `warning: cache node ${i + 1} evicted more than ${t.evictionsPer5Minutes} keys in 5 minutes: the cache is too small for its working set`,
                severity: "warning",
                comparisonOperator: "GreaterThanThreshold",
                threshold: t.evictionsPer5Minutes,
                periodSeconds: 5 * MINUTE,
                evaluationPeriods: 1,
                datapointsToAlarm: 1,
                // A count: a period with no data evicted nothing.
                treatMissingData: "notBreaching",
                metric: cache("Evictions", "Sum"),
            },
        );
    }
    for (let i = 0; i < (targets.natGateways ?? 0); i++) {
        const nat = (metricName: string): MetricSpec => ({
            namespace: "AWS/NATGateway",
            metricName,
            statistic: "Sum",
            dimension: "NatGatewayId",
        });
        // A NAT gateway publishes only while traffic flows: an idle gateway has no errors.
        specs.push(
            {
                key: `nat-${i + 1}-port-allocation`,
                target: { kind: "natGateway", index: i },
                description: `critical: NAT gateway ${i + 1} could not allocate a source port: outbound connections are failing`,
                severity: "critical",
                comparisonOperator: "GreaterThanThreshold",
                threshold: 0,
                ...everyMinute(t.cpuMinutes),
                datapointsToAlarm: 1,
                treatMissingData: "notBreaching",
                metric: nat("ErrorPortAllocation"),
            },
            {
                key: `nat-${i + 1}-packets-dropped`,
                target: { kind: "natGateway", index: i },
                description: `warning: NAT gateway ${i + 1} dropped more than ${t.natDropPercent}% of its packets for ${t.cpuMinutes} minutes`,
                severity: "warning",
                comparisonOperator: "GreaterThanThreshold",
                threshold: t.natDropPercent,
                ...everyMinute(t.cpuMinutes),
                treatMissingData: "notBreaching",
                metric: {
                    expression: "100 * dropped / (fromSource + fromDestination)",
                    label: "dropped packets (%)",
                    metrics: {
                        dropped: nat("PacketsDropCount"),
                        fromSource: nat("PacketsInFromSource"),
                        fromDestination: nat("PacketsInFromDestination"),
                    },
                },
            },
        );
    }
    for (let i = 0; i < (targets.loadBalancers ?? 0); i++) {
        const alb = (metricName: string): MetricSpec => ({
            namespace: "AWS/ApplicationELB",
            metricName,
            statistic: "Sum",
            dimension: "LoadBalancer",
        });
        // ALB publishes a count only in minutes it has one: no data is no errors (and no traffic).
        specs.push(
            {
                key: `alb-${i + 1}-5xx`,
                target: { kind: "loadBalancer", index: i },
                description: `critical: public load balancer ${i + 1} generated more than ${t.loadBalancerErrorsPerMinute} 5xx responses a minute for ${t.cpuMinutes} minutes: requests fail before reaching the gateway`,
                severity: "critical",
                comparisonOperator: "GreaterThanThreshold",
                threshold: t.loadBalancerErrorsPerMinute,
                ...everyMinute(t.cpuMinutes),
                treatMissingData: "notBreaching",
                metric: alb("HTTPCode_ELB_5XX_Count"),
            },
            {
                key: `alb-${i + 1}-target-5xx-ratio`,
                target: { kind: "loadBalancer", index: i },
                description: `critical: more than ${t.targetErrorPercent}% of public load balancer ${i + 1}'s requests got a 5xx from the gateway for ${t.cpuMinutes} minutes (seed 002 High Error Rate)`,
                severity: "critical",
                comparisonOperator: "GreaterThanThreshold",
                threshold: t.targetErrorPercent,
                ...everyMinute(t.cpuMinutes),
                treatMissingData: "notBreaching",
                metric: {
                    // FILL: a minute with requests and no 5xx has no error datapoint; it is 0%, not missing.
                    expression: "100 * FILL(errors, 0) / requests",
                    label: "target 5xx responses (% of requests)",
                    metrics: { errors: alb("HTTPCode_Target_5XX_Count"), requests: alb("RequestCount") },
                },
            },
        );
    }
    return specs;
}

/** Every problem with the alarm targets, in the one error format. */
export function validateAwsAlarmTargets(targets: AwsAlarmTargets): Issue[] {
    const issues: Issue[] = [];
    const pg = targets.postgres;
    if (pg !== undefined) {
        if (RDS_INSTANCE_MEMORY_GIB[pg.instanceClass] === undefined) {
            issues.push({
                field: "postgres.instanceClass",
                value: pg.instanceClass,
                problem: "has no known memory size, so max_connections (the connections alarm's base) is unknown",
                fix: `use one of ${Object.keys(RDS_INSTANCE_MEMORY_GIB).join(", ")}, or add the class to RDS_INSTANCE_MEMORY_GIB`,
            });
        }
        issues.push(...checkWholeNumber("postgres.storageGb", pg.storageGb, { min: 20, max: 65_536 }));
        issues.push(...checkWholeNumber("postgres.replicas", pg.replicas, { min: 0, max: 15 }));
    }
    if (targets.redisNodes !== undefined) issues.push(...checkWholeNumber("redisNodes", targets.redisNodes, { min: 0, max: 6 }));
    if (targets.natGateways !== undefined) issues.push(...checkWholeNumber("natGateways", targets.natGateways, { min: 0, max: 6 }));
    if (targets.loadBalancers !== undefined) issues.push(...checkWholeNumber("loadBalancers", targets.loadBalancers, { min: 0, max: 1 }));
    if (pg === undefined && (targets.redisNodes ?? 0) === 0 && (targets.natGateways ?? 0) === 0 && (targets.loadBalancers ?? 0) === 0) {
        issues.push({
            field: "targets",
            value: targets,
            problem: "watch nothing: the component would create a topic no alarm publishes to",
            fix: "pass postgres, redisNodes, natGateways or loadBalancers, or do not create the component",
        });
    }
    return issues;
}
