import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { PROFILES } from "@platform/core";
import { countByType, fieldsAndProblems, findResource, ofType, rejectedIssues, synthesize } from "@platform/synth";
import { AwsAlarms, type AwsAlarmsArgs, awsAlarmThresholds } from "../../src/index.js";

const ACCOUNT = "111111111111";
const LOGS_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/logs`;
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const TOPIC_ARN = `arn:aws:sns:us-east-1:${ACCOUNT}:acme-prod-alarms-topic`;

function run(extra: Partial<AwsAlarmsArgs> = {}, opts?: pulumi.ComponentResourceOptions) {
    return synthesize({
        project: "t",
        stack: "prod",
        program: () => {
            const a = new AwsAlarms(
                "alarms",
                {
                    naming: { project: "acme", environment: "prod" },
                    kmsKeyArn: LOGS_KEY,
                    thresholds: awsAlarmThresholds(PROFILES.prod.data),
                    postgres: {
                        instanceIdentifier: "acme-prod-postgres-db",
                        replicaIdentifiers: [],
                        instanceClass: "db.r7g.xlarge",
                        storageGb: 500,
                    },
                    redisCacheClusterIds: ["acme-prod-redis-001", "acme-prod-redis-002"],
                    ...extra,
                },
                opts,
            );
            return { topicArn: a.topicArn, alarmNames: a.alarmNames };
        },
    });
}

describe("AwsAlarms", () => {
    it("creates one topic on the customer key and an alarm per plan entry", async () => {
        const { resources, outputs } = await run();
        assert.deepEqual(countByType(resources), [
            { type: ALARM, count: 7 },
            { type: "aws:sns/topic:Topic", count: 1 },
            { type: "platform:observability:AwsAlarms", count: 1 },
            { type: "pulumi:pulumi:Stack", count: 1 },
        ]);
        assert.deepEqual(findResource(resources, "aws:sns/topic:Topic", "alarms-topic").inputs, {
            name: "acme-prod-alarms-topic",
            kmsMasterKeyId: LOGS_KEY,
        });
        assert.deepEqual(outputs, {
            topicArn: TOPIC_ARN,
            alarmNames: [
                "acme-prod-alarms-rds-cpu",
                "acme-prod-alarms-rds-free-storage",
                "acme-prod-alarms-rds-connections",
                "acme-prod-alarms-redis-1-cpu",
                "acme-prod-alarms-redis-1-evictions",
                "acme-prod-alarms-redis-2-cpu",
                "acme-prod-alarms-redis-2-evictions",
            ],
        });
    });

    it("a single-metric alarm watches its resource and notifies the topic on alarm and on OK", async () => {
        const { resources } = await run();
        assert.deepEqual(findResource(resources, ALARM, "alarms-rds-free-storage").inputs, {
            name: "acme-prod-alarms-rds-free-storage",
            alarmDescription: "critical: database free storage below 20% of 500 GB for 2 minutes (seed 000 DiskSpaceLow)",
            comparisonOperator: "LessThanThreshold",
            threshold: 107_374_182_400,
            evaluationPeriods: 2,
            datapointsToAlarm: 2,
            treatMissingData: "breaching",
            actionsEnabled: true,
            alarmActions: [TOPIC_ARN],
            okActions: [TOPIC_ARN],
            namespace: "AWS/RDS",
            metricName: "FreeStorageSpace",
            statistic: "Minimum",
            period: 60,
            dimensions: { DBInstanceIdentifier: "acme-prod-postgres-db" },
        });
        assert.deepEqual(findResource(resources, ALARM, "alarms-redis-2-cpu").inputs["dimensions"], {
            CacheClusterId: "acme-prod-redis-002",
        });
        for (const alarm of ofType(resources, ALARM)) {
            assert.deepEqual(alarm.inputs["alarmActions"], [TOPIC_ARN], alarm.name);
            assert.deepEqual(alarm.inputs["okActions"], [TOPIC_ARN], alarm.name);
        }
    });

    it("a replica gets a lag alarm on its own identifier; none without replicas", async () => {
        const { resources } = await run({
            postgres: { instanceIdentifier: "db", replicaIdentifiers: ["db-replica-1"], instanceClass: "db.r7g.large", storageGb: 200 },
            redisCacheClusterIds: [],
        });
        assert.deepEqual(
            ofType(resources, ALARM)
                .map((a) => a.name)
                .sort(),
            ["alarms-rds-connections", "alarms-rds-cpu", "alarms-rds-free-storage", "alarms-rds-replica-1-lag"],
        );
        assert.deepEqual(findResource(resources, ALARM, "alarms-rds-replica-1-lag").inputs["dimensions"], {
            DBInstanceIdentifier: "db-replica-1",
        });
        const none = await run();
        assert.equal(ofType(none.resources, ALARM).filter((a) => a.name.includes("replica")).length, 0);
    });

    it("NAT gateways: the drop alarm is a percentage of three metrics of the same gateway", async () => {
        const { resources } = await run({ postgres: undefined, redisCacheClusterIds: undefined, natGatewayIds: ["nat-a", "nat-b"] });
        assert.equal(ofType(resources, ALARM).length, 4);
        const drops = findResource(resources, ALARM, "alarms-nat-2-packets-dropped").inputs;
        assert.equal(drops["namespace"], undefined);
        assert.deepEqual(drops["metricQueries"], [
            ...["PacketsDropCount", "PacketsInFromSource", "PacketsInFromDestination"].map((metricName, i) => ({
                id: ["dropped", "fromSource", "fromDestination"][i],
                returnData: false,
                metric: { namespace: "AWS/NATGateway", metricName, stat: "Sum", period: 60, dimensions: { NatGatewayId: "nat-b" } },
            })),
            { id: "result", expression: "100 * dropped / (fromSource + fromDestination)", label: "dropped packets (%)", returnData: true },
        ]);
        assert.deepEqual(findResource(resources, ALARM, "alarms-nat-1-port-allocation").inputs["dimensions"], { NatGatewayId: "nat-a" });
    });

    it("the public load balancer: ELB 5xx on its ARN suffix, and the target 5xx ratio as metric math on the same dimension", async () => {
        const suffix = "app/acme-prod-edge-alb/0123456789abcdef";
        const { resources } = await run({ postgres: undefined, redisCacheClusterIds: undefined, loadBalancerArnSuffixes: [suffix] });
        assert.equal(ofType(resources, ALARM).length, 2);
        const elb = findResource(resources, ALARM, "alarms-alb-1-5xx").inputs;
        assert.deepEqual(
            [elb["namespace"], elb["metricName"], elb["statistic"], elb["dimensions"], elb["threshold"], elb["alarmActions"]],
            ["AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "Sum", { LoadBalancer: suffix }, 10, [TOPIC_ARN]],
        );
        const ratio = findResource(resources, ALARM, "alarms-alb-1-target-5xx-ratio").inputs;
        assert.deepEqual(ratio["metricQueries"], [
            ...["HTTPCode_Target_5XX_Count", "RequestCount"].map((metricName, i) => ({
                id: ["errors", "requests"][i],
                returnData: false,
                metric: { namespace: "AWS/ApplicationELB", metricName, stat: "Sum", period: 60, dimensions: { LoadBalancer: suffix } },
            })),
            {
                id: "result",
                expression: "100 * FILL(errors, 0) / requests",
                label: "target 5xx responses (% of requests)",
                returnData: true,
            },
        ]);
        assert.equal(ratio["threshold"], 5);
    });

    it("nothing is protected or retained without protect; everything inherits protect: true", async () => {
        const plain = await run();
        assert.deepEqual(
            plain.resources.filter((r) => r.custom && (r.protect || r.retainOnDelete)),
            [],
        );
        const protectedRun = await run({}, { protect: true });
        const custom = protectedRun.resources.filter((r) => r.custom);
        assert.equal(custom.length, 8);
        assert.deepEqual(
            custom.filter((r) => !r.protect || r.retainOnDelete).map((r) => r.name),
            [],
        );
    });

    describe("bad arguments", () => {
        const cases: Array<[string, Partial<AwsAlarmsArgs>, Array<[string, string]>]> = [
            [
                "an unknown instance class",
                { postgres: { instanceIdentifier: "db", replicaIdentifiers: [], instanceClass: "db.m1.small", storageGb: 100 } },
                [["postgres.instanceClass", "has no known memory size, so max_connections (the connections alarm's base) is unknown"]],
            ],
            ["no cache nodes", { redisCacheClusterIds: [] }, []],
            [
                "nothing to watch",
                { postgres: undefined, redisCacheClusterIds: undefined },
                [["targets", "watch nothing: the component would create a topic no alarm publishes to"]],
            ],
        ];
        for (const [label, override, expected] of cases) {
            it(expected.length === 0 ? `accepts ${label}` : `rejects ${label}`, async () => {
                if (expected.length === 0) {
                    await run(override);
                    return;
                }
                assert.deepEqual(fieldsAndProblems(await rejectedIssues(run(override))), expected);
            });
        }
    });
});
