import * as assert from "node:assert/strict";
import { PROFILES } from "@platform/core";
import { gcpAlertThresholds, planGcpAlertPolicies, validateGcpAlertTargets } from "../../src/index.js";

const dr = gcpAlertThresholds(PROFILES.dr.data);

describe("gcpAlertThresholds", () => {
    it("seed 002 CPU 80% and memory 90%, seed 000 disk, evictions tolerated only without high availability", () => {
        assert.deepEqual(dr, {
            cpuRatio: 0.8,
            cpuSeconds: 300,
            diskRatio: 0.8,
            diskSeconds: 120,
            connectionsRatio: 0.8,
            memoryRatio: 0.9,
            evictionsPerSecond: 0,
            downtimeSeconds: 60,
            errorRatio: 0.05,
        });
        assert.equal(gcpAlertThresholds({ highAvailability: false }).evictionsPerSecond, 1);
    });
});

describe("planGcpAlertPolicies", () => {
    it("nothing to watch, no policies", () => {
        assert.deepEqual(planGcpAlertPolicies({}, dr), []);
    });

    it("Cloud SQL CPU, disk and connections (80% of the tier's max_connections); Memorystore memory and evictions; the uptime check", () => {
        const specs = planGcpAlertPolicies({ cloudSql: { tier: "db-custom-4-26624" }, memorystore: true, uptimeCheck: true }, dr);
        assert.deepEqual(
            specs.map((s) => [s.key, s.metricType, s.threshold, s.durationSeconds, s.aligner, s.missingData, s.severity]),
            [
                [
                    "sql-cpu",
                    "cloudsql.googleapis.com/database/cpu/utilization",
                    0.8,
                    300,
                    "ALIGN_MEAN",
                    "EVALUATION_MISSING_DATA_ACTIVE",
                    "CRITICAL",
                ],
                [
                    "sql-disk",
                    "cloudsql.googleapis.com/database/disk/utilization",
                    0.8,
                    120,
                    "ALIGN_MEAN",
                    "EVALUATION_MISSING_DATA_ACTIVE",
                    "CRITICAL",
                ],
                [
                    "sql-connections",
                    "cloudsql.googleapis.com/database/postgresql/num_backends",
                    400,
                    300,
                    "ALIGN_MEAN",
                    "EVALUATION_MISSING_DATA_ACTIVE",
                    "WARNING",
                ],
                [
                    "redis-memory",
                    "redis.googleapis.com/stats/memory/usage_ratio",
                    0.9,
                    300,
                    "ALIGN_MEAN",
                    "EVALUATION_MISSING_DATA_ACTIVE",
                    "CRITICAL",
                ],
                [
                    "redis-evictions",
                    "redis.googleapis.com/stats/evicted_keys",
                    0,
                    300,
                    "ALIGN_RATE",
                    "EVALUATION_MISSING_DATA_INACTIVE",
                    "WARNING",
                ],
                [
                    "uptime",
                    "monitoring.googleapis.com/uptime_check/check_passed",
                    1,
                    60,
                    "ALIGN_NEXT_OLDER",
                    "EVALUATION_MISSING_DATA_ACTIVE",
                    "CRITICAL",
                ],
            ],
        );
        assert.deepEqual(
            specs.map((s) => s.displayName),
            [
                "Cloud SQL CPU above 80%",
                "Cloud SQL disk above 80%",
                "Cloud SQL connections above 80% of 500",
                "Memorystore memory above 90%",
                "Memorystore evicting more than 0 keys per second",
                "Public endpoint down",
            ],
        );
        assert.equal(specs[5]?.reducer, "REDUCE_COUNT_FALSE");
        assert.equal(specs[0]?.reducer, undefined);
    });

    it("each target alone", () => {
        assert.deepEqual(
            planGcpAlertPolicies({ memorystore: true }, dr).map((s) => s.key),
            ["redis-memory", "redis-evictions"],
        );
        assert.deepEqual(
            planGcpAlertPolicies({ uptimeCheck: true, memorystore: false }, dr).map((s) => s.key),
            ["uptime"],
        );
        assert.equal(planGcpAlertPolicies({ cloudSql: { tier: "db-custom-2-7680" } }, dr)[2]?.threshold, 320);
    });
});

describe("planGcpAlertPolicies: the public load balancer", () => {
    it("5xx above 5% of requests for 5 minutes (seed 002), a ratio of request_count by response_code_class, no data inactive", () => {
        assert.deepEqual(planGcpAlertPolicies({ loadBalancer: true }, dr), [
            {
                key: "lb-5xx-ratio",
                target: "loadBalancer",
                displayName: "Public load balancer 5xx above 5% of requests",
                severity: "CRITICAL",
                documentation:
                    'More than 5% of the public load balancer\'s requests got a 5xx for 5 minutes (seed 002 "High Error Rate"). Check the ingress gateway and the backends behind it.',
                resourceType: "https_lb_rule",
                metricType: "loadbalancing.googleapis.com/https/request_count",
                comparison: "COMPARISON_GT",
                threshold: 0.05,
                durationSeconds: 300,
                aligner: "ALIGN_RATE",
                reducer: "REDUCE_SUM",
                missingData: "EVALUATION_MISSING_DATA_INACTIVE",
                ratioOf: { numeratorMetricFilter: "metric.labels.response_code_class = 500" },
            },
        ]);
        assert.deepEqual(planGcpAlertPolicies({ loadBalancer: false }, dr), []);
        assert.ok(planGcpAlertPolicies({ uptimeCheck: true }, dr).every((p) => p.ratioOf === undefined));
    });
});

describe("validateGcpAlertTargets", () => {
    it("accepts what the dr data stack passes", () => {
        assert.deepEqual(
            validateGcpAlertTargets({ cloudSql: { tier: "db-custom-2-15360" }, memorystore: true }, ["oncall@example.com"]),
            [],
        );
    });

    it("lists every problem: an unknown tier, no recipients; and refuses to watch nothing", () => {
        assert.deepEqual(
            validateGcpAlertTargets({ cloudSql: { tier: "db-f1-micro" } }, []).map((i) => [i.field, i.problem]),
            [
                ["cloudSql.tier", "has no known max_connections, so the connections alert has no base"],
                ["emails.length", "must be a whole number from 1 to 10"],
            ],
        );
        assert.deepEqual(
            validateGcpAlertTargets({ memorystore: false }, ["a@example.com"]).map((i) => i.field),
            ["targets"],
        );
    });
});
