import * as assert from "node:assert/strict";
import { PROFILES } from "@platform/core";
import { awsAlarmThresholds, planAwsAlarms, rdsMaxConnections, validateAwsAlarmTargets } from "../../src/index.js";

const prod = awsAlarmThresholds(PROFILES.prod.data);
const dev = awsAlarmThresholds(PROFILES.dev.data);

describe("awsAlarmThresholds", () => {
    it("carries the seed numbers; evictions are tolerated only without high availability", () => {
        assert.deepEqual(prod, {
            cpuPercent: 80,
            cpuMinutes: 5,
            freeStoragePercent: 20,
            freeStorageMinutes: 2,
            connectionsPercent: 80,
            replicaLagSeconds: 60,
            evictionsPer5Minutes: 0,
            natDropPercent: 0.01,
            targetErrorPercent: 5,
            loadBalancerErrorsPerMinute: 10,
        });
        assert.equal(dev.evictionsPer5Minutes, 100);
        assert.equal(awsAlarmThresholds(PROFILES.staging.data).evictionsPer5Minutes, 0);
    });
});

describe("rdsMaxConnections", () => {
    it("is RDS's default max_connections for the class memory, capped at 5000", () => {
        assert.equal(rdsMaxConnections(4), 450);
        assert.equal(rdsMaxConnections(16), 1802);
        assert.equal(rdsMaxConnections(32), 3604);
        assert.equal(rdsMaxConnections(64), 5000);
    });
});

describe("planAwsAlarms", () => {
    it("watches nothing when given nothing", () => {
        assert.deepEqual(planAwsAlarms({}, prod), []);
    });

    it("the database: CPU, free storage and connections; a lag alarm per replica only", () => {
        const specs = planAwsAlarms({ postgres: { instanceClass: "db.r7g.xlarge", storageGb: 500, replicas: 0 } }, prod);
        assert.deepEqual(
            specs.map((s) => [s.key, s.comparisonOperator, s.threshold, s.evaluationPeriods, s.datapointsToAlarm, s.treatMissingData]),
            [
                ["rds-cpu", "GreaterThanThreshold", 80, 5, 5, "breaching"],
                // 20% of 500 GB in bytes.
                ["rds-free-storage", "LessThanThreshold", 107_374_182_400, 2, 2, "breaching"],
                // 80% of 3604.
                ["rds-connections", "GreaterThanThreshold", 2883, 5, 5, "breaching"],
            ],
        );
        assert.deepEqual(specs[0], {
            key: "rds-cpu",
            target: { kind: "postgres", index: 0 },
            description: "critical: database CPU above 80% for 5 minutes (seed 000 HighCPUUsage, seed 002)",
            severity: "critical",
            comparisonOperator: "GreaterThanThreshold",
            threshold: 80,
            periodSeconds: 60,
            evaluationPeriods: 5,
            datapointsToAlarm: 5,
            treatMissingData: "breaching",
            metric: { namespace: "AWS/RDS", metricName: "CPUUtilization", statistic: "Average", dimension: "DBInstanceIdentifier" },
        });
        const withReplicas = planAwsAlarms({ postgres: { instanceClass: "db.t4g.medium", storageGb: 50, replicas: 2 } }, dev);
        assert.deepEqual(
            withReplicas.slice(3).map((s) => [s.key, s.target, s.threshold, s.metric]),
            [1, 2].map((n) => [
                `rds-replica-${n}-lag`,
                { kind: "replica", index: n - 1 },
                60,
                { namespace: "AWS/RDS", metricName: "ReplicaLag", statistic: "Maximum", dimension: "DBInstanceIdentifier" },
            ]),
        );
        assert.equal(withReplicas[2]?.threshold, 360);
    });

    it("each cache node: engine CPU, and evictions per 5 minutes from the profile", () => {
        const specs = planAwsAlarms({ redisNodes: 2 }, prod);
        assert.deepEqual(
            specs.map((s) => [s.key, s.target.index, s.threshold, s.periodSeconds, s.evaluationPeriods, s.treatMissingData]),
            [
                ["redis-1-cpu", 0, 80, 60, 5, "breaching"],
                ["redis-1-evictions", 0, 0, 300, 1, "notBreaching"],
                ["redis-2-cpu", 1, 80, 60, 5, "breaching"],
                ["redis-2-evictions", 1, 0, 300, 1, "notBreaching"],
            ],
        );
        assert.deepEqual(specs[1]?.metric, {
            namespace: "AWS/ElastiCache",
            metricName: "Evictions",
            statistic: "Sum",
            dimension: "CacheClusterId",
        });
        assert.equal(planAwsAlarms({ redisNodes: 1 }, dev)[1]?.threshold, 100);
    });

    it("each NAT gateway: any port-allocation error, and drops above 0.01% of packets received", () => {
        const specs = planAwsAlarms({ natGateways: 3 }, prod);
        assert.deepEqual(
            specs.map((s) => s.key),
            [1, 2, 3].flatMap((n) => [`nat-${n}-port-allocation`, `nat-${n}-packets-dropped`]),
        );
        assert.deepEqual(
            specs.slice(0, 2).map((s) => [s.threshold, s.evaluationPeriods, s.datapointsToAlarm, s.treatMissingData, s.severity]),
            [
                [0, 5, 1, "notBreaching", "critical"],
                [0.01, 5, 5, "notBreaching", "warning"],
            ],
        );
        assert.deepEqual(specs[1]?.metric, {
            expression: "100 * dropped / (fromSource + fromDestination)",
            label: "dropped packets (%)",
            metrics: {
                dropped: { namespace: "AWS/NATGateway", metricName: "PacketsDropCount", statistic: "Sum", dimension: "NatGatewayId" },
                fromSource: { namespace: "AWS/NATGateway", metricName: "PacketsInFromSource", statistic: "Sum", dimension: "NatGatewayId" },
                fromDestination: {
                    namespace: "AWS/NATGateway",
                    metricName: "PacketsInFromDestination",
                    statistic: "Sum",
                    dimension: "NatGatewayId",
                },
            },
        });
        assert.deepEqual(planAwsAlarms({ natGateways: 0 }, prod), []);
    });
});

describe("planAwsAlarms: the public load balancer", () => {
    it("ELB-generated 5xx above 10 a minute and target 5xx above 5% of requests (seed 002), 5 minutes each, silence not breaching", () => {
        const specs = planAwsAlarms({ loadBalancers: 1 }, prod);
        const alb = (metricName: string) => ({ namespace: "AWS/ApplicationELB", metricName, statistic: "Sum", dimension: "LoadBalancer" });
        assert.deepEqual(specs, [
            {
                key: "alb-1-5xx",
                target: { kind: "loadBalancer", index: 0 },
                description:
                    "critical: public load balancer 1 generated more than 10 5xx responses a minute for 5 minutes: requests fail before reaching the gateway",
                severity: "critical",
                comparisonOperator: "GreaterThanThreshold",
                threshold: 10,
                periodSeconds: 60,
                evaluationPeriods: 5,
                datapointsToAlarm: 5,
                treatMissingData: "notBreaching",
                metric: alb("HTTPCode_ELB_5XX_Count"),
            },
            {
                key: "alb-1-target-5xx-ratio",
                target: { kind: "loadBalancer", index: 0 },
                description:
                    "critical: more than 5% of public load balancer 1's requests got a 5xx from the gateway for 5 minutes (seed 002 High Error Rate)",
                severity: "critical",
                comparisonOperator: "GreaterThanThreshold",
                threshold: 5,
                periodSeconds: 60,
                evaluationPeriods: 5,
                datapointsToAlarm: 5,
                treatMissingData: "notBreaching",
                metric: {
                    expression: "100 * FILL(errors, 0) / requests",
                    label: "target 5xx responses (% of requests)",
                    metrics: { errors: alb("HTTPCode_Target_5XX_Count"), requests: alb("RequestCount") },
                },
            },
        ]);
        assert.deepEqual(planAwsAlarms({ loadBalancers: 0 }, prod), []);
        assert.deepEqual(
            planAwsAlarms({ natGateways: 1 }, prod).filter((s) => s.target.kind === "loadBalancer"),
            [],
        );
    });
});

describe("validateAwsAlarmTargets", () => {
    it("accepts what the stacks pass", () => {
        assert.deepEqual(
            validateAwsAlarmTargets({ postgres: { instanceClass: "db.r7g.large", storageGb: 200, replicas: 1 }, redisNodes: 2 }),
            [],
        );
        assert.deepEqual(validateAwsAlarmTargets({ natGateways: 1 }), []);
        assert.deepEqual(validateAwsAlarmTargets({ loadBalancers: 1 }), []);
    });

    it("one public load balancer at most", () => {
        assert.deepEqual(
            validateAwsAlarmTargets({ loadBalancers: 2 }).map((i) => [i.field, i.problem]),
            [["loadBalancers", "must be a whole number from 0 to 1"]],
        );
    });

    it("lists every problem at once", () => {
        assert.deepEqual(
            validateAwsAlarmTargets({ postgres: { instanceClass: "db.x9.huge", storageGb: 10, replicas: 1.5 }, redisNodes: 7 }).map((i) => [
                i.field,
                i.problem,
            ]),
            [
                ["postgres.instanceClass", "has no known memory size, so max_connections (the connections alarm's base) is unknown"],
                ["postgres.storageGb", "must be a whole number from 20 to 65536"],
                ["postgres.replicas", "must be a whole number from 0 to 15"],
                ["redisNodes", "must be a whole number from 0 to 6"],
            ],
        );
    });

    it("refuses to watch nothing (the unset case)", () => {
        assert.deepEqual(
            validateAwsAlarmTargets({}).map((i) => i.field),
            ["targets"],
        );
        assert.deepEqual(
            validateAwsAlarmTargets({ natGateways: 0 }).map((i) => i.field),
            ["targets"],
        );
        assert.deepEqual(
            validateAwsAlarmTargets({ loadBalancers: 0 }).map((i) => i.field),
            ["targets"],
        );
    });
});
