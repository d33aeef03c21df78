import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { PROFILES } from "@platform/core";
import { countByType, fieldsAndProblems, findResource, ofType, rejectedIssues, synthesize } from "@platform/synth";
import { GcpAlerts, type GcpAlertsArgs, gatewayUrlMapFilter, gcpAlertThresholds } from "../../src/index.js";

const PROJECT = "acme-dr-prod";
const POLICY = "gcp:monitoring/alertPolicy:AlertPolicy";
const CHANNEL = "gcp:monitoring/notificationChannel:NotificationChannel";
const UPTIME = "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig";
const REDIS_ID = `projects/${PROJECT}/locations/us-west1/instances/acme-dr-redis-cache`;

function run(extra: Partial<GcpAlertsArgs> = {}, opts?: pulumi.ComponentResourceOptions) {
    return synthesize({
        project: "t",
        stack: "dr",
        program: () => {
            const a = new GcpAlerts(
                "alerts",
                {
                    naming: { project: "acme", environment: "dr" },
                    project: PROJECT,
                    emails: ["oncall@acme.example.com", "ops@acme.example.com"],
                    thresholds: gcpAlertThresholds(PROFILES.dr.data),
                    cloudSql: { instanceName: "acme-dr-postgres-db", tier: "db-custom-4-26624" },
                    memorystoreInstanceId: REDIS_ID,
                    ...extra,
                },
                opts,
            );
            return { channelNames: a.channelNames, policyNames: a.policyNames, uptimeCheckId: a.uptimeCheckId };
        },
    });
}

describe("GcpAlerts", () => {
    it("an email channel per address and a policy per plan entry; no uptime check without an endpoint", async () => {
        const { resources, outputs } = await run();
        assert.deepEqual(countByType(resources), [
            { type: POLICY, count: 5 },
            { type: CHANNEL, count: 2 },
            { type: "platform:observability:GcpAlerts", count: 1 },
            { type: "pulumi:pulumi:Stack", count: 1 },
        ]);
        assert.deepEqual(findResource(resources, CHANNEL, "alerts-email-2").inputs, {
            project: PROJECT,
            type: "email",
            displayName: "acme-dr-alerts ops@acme.example.com",
            labels: { email_address: "ops@acme.example.com" },
            enabled: true,
        });
        assert.equal((outputs["channelNames"] as string[]).length, 2);
        assert.equal(outputs["uptimeCheckId"], undefined);
    });

    it("a policy watches its instance, notifies every channel, and says why it fires", async () => {
        const { resources, outputs } = await run();
        const channels = outputs["channelNames"] as string[];
        assert.deepEqual(findResource(resources, POLICY, "alerts-sql-connections").inputs, {
            project: PROJECT,
            displayName: "acme-dr-alerts Cloud SQL connections above 80% of 500",
            severity: "WARNING",
            combiner: "OR",
            enabled: true,
            notificationChannels: channels,
            documentation: {
                content:
                    "More than 80% of max_connections (500) in use for 5 minutes: new connections will soon be refused. Add pooling or a larger tier.",
                mimeType: "text/markdown",
            },
            conditions: [
                {
                    displayName: "Cloud SQL connections above 80% of 500",
                    conditionThreshold: {
                        filter: 'resource.type = "cloudsql_database" AND metric.type = "cloudsql.googleapis.com/database/postgresql/num_backends" AND resource.labels.database_id = "acme-dr-prod:acme-dr-postgres-db"',
                        comparison: "COMPARISON_GT",
                        thresholdValue: 400,
                        duration: "300s",
                        evaluationMissingData: "EVALUATION_MISSING_DATA_ACTIVE",
                        aggregations: [{ alignmentPeriod: "60s", perSeriesAligner: "ALIGN_MEAN" }],
                    },
                },
            ],
        });
        const memory = findResource(resources, POLICY, "alerts-redis-memory").inputs["conditions"] as Array<
            Record<string, Record<string, unknown>>
        >;
        assert.equal(
            memory[0]?.["conditionThreshold"]?.["filter"],
            `resource.type = "redis_instance" AND metric.type = "redis.googleapis.com/stats/memory/usage_ratio" AND resource.labels.instance_id = "${REDIS_ID}"`,
        );
        for (const policy of ofType(resources, POLICY)) {
            assert.deepEqual(policy.inputs["notificationChannels"], channels, policy.name);
        }
    });

    it("the public endpoint: an HTTPS uptime check every minute and a policy on its id", async () => {
        const { resources, outputs } = await run({
            cloudSql: undefined,
            memorystoreInstanceId: undefined,
            uptimeCheck: { host: "api.acme.example.com", path: "/healthz" },
        });
        assert.deepEqual(
            ofType(resources, POLICY).map((p) => p.name),
            ["alerts-uptime"],
        );
        assert.deepEqual(findResource(resources, UPTIME, "alerts-uptime").inputs, {
            project: PROJECT,
            displayName: "acme-dr-alerts api.acme.example.com",
            period: "60s",
            timeout: "10s",
            httpCheck: { path: "/healthz", port: 443, useSsl: true, validateSsl: true, requestMethod: "GET" },
            monitoredResource: { type: "uptime_url", labels: { project_id: PROJECT, host: "api.acme.example.com" } },
        });
        const id = outputs["uptimeCheckId"] as string;
        assert.match(id, /^acme-dr-alerts-api-acme-example-com-[0-9a-f]{8}$/);
        const condition = (
            findResource(resources, POLICY, "alerts-uptime").inputs["conditions"] as Array<Record<string, Record<string, unknown>>>
        )[0]?.["conditionThreshold"];
        assert.equal(
            condition?.["filter"],
            `resource.type = "uptime_url" AND metric.type = "monitoring.googleapis.com/uptime_check/check_passed" AND metric.labels.check_id = "${id}"`,
        );
        assert.deepEqual(condition?.["aggregations"], [
            {
                alignmentPeriod: "60s",
                perSeriesAligner: "ALIGN_NEXT_OLDER",
                crossSeriesReducer: "REDUCE_COUNT_FALSE",
                groupByFields: ["resource.label.host"],
            },
        ]);
    });

    it("the public load balancer: 5xx request rate over all requests of its URL map, summed per URL map", async () => {
        const { resources } = await run({
            cloudSql: undefined,
            memorystoreInstanceId: undefined,
            loadBalancerUrlMapName: "acme-dr-edge-urlmap",
        });
        const condition = (
            findResource(resources, POLICY, "alerts-lb-5xx-ratio").inputs["conditions"] as Array<Record<string, Record<string, unknown>>>
        )[0]?.["conditionThreshold"];
        const all =
            'resource.type = "https_lb_rule" AND metric.type = "loadbalancing.googleapis.com/https/request_count" AND resource.labels.url_map_name = "acme-dr-edge-urlmap"';
        const aggregations = [
            {
                alignmentPeriod: "60s",
                perSeriesAligner: "ALIGN_RATE",
                crossSeriesReducer: "REDUCE_SUM",
                groupByFields: ["resource.label.url_map_name"],
            },
        ];
        assert.deepEqual(condition, {
            filter: `${all} AND metric.labels.response_code_class = 500`,
            comparison: "COMPARISON_GT",
            thresholdValue: 0.05,
            duration: "300s",
            evaluationMissingData: "EVALUATION_MISSING_DATA_INACTIVE",
            aggregations,
            denominatorFilter: all,
            denominatorAggregations: aggregations,
        });
    });

    it("a GKE Gateway's load balancer: the URL map GKE names after the Gateway's namespace and name, matched by pattern", async () => {
        const { resources } = await run({
            cloudSql: undefined,
            memorystoreInstanceId: undefined,
            loadBalancerGateway: { namespace: "istio-ingress", name: "public-edge" },
        });
        assert.deepEqual(
            ofType(resources, POLICY).map((p) => p.name),
            ["alerts-lb-5xx-ratio"],
        );
        const condition = (
            findResource(resources, POLICY, "alerts-lb-5xx-ratio").inputs["conditions"] as Array<Record<string, Record<string, unknown>>>
        )[0]?.["conditionThreshold"];
        assert.equal(
            condition?.["denominatorFilter"],
            'resource.type = "https_lb_rule" AND metric.type = "loadbalancing.googleapis.com/https/request_count" AND resource.labels.url_map_name = monitoring.regex.full_match("gkegw1-[a-z0-9]+-istio-ingress-public-edge-[a-z0-9]+")',
        );
        assert.equal(
            gatewayUrlMapFilter({ namespace: "apps", name: "web" }),
            'resource.labels.url_map_name = monitoring.regex.full_match("gkegw1-[a-z0-9]+-apps-web-[a-z0-9]+")',
        );
    });

    it("refuses both load balancer forms at once, and a Gateway name that is not a Kubernetes name", async () => {
        assert.deepEqual(
            fieldsAndProblems(
                await rejectedIssues(
                    run({
                        loadBalancerUrlMapName: "acme-dr-edge-urlmap",
                        loadBalancerGateway: { namespace: "istio-ingress", name: "Public_Edge" },
                    }),
                ),
            ),
            [
                ["loadBalancerGateway", "names a second load balancer beside loadBalancerUrlMapName; one policy watches one"],
                ["loadBalancerGateway.name", "is not a Kubernetes name"],
            ],
        );
    });

    it("protect: true reaches every child; nothing is protected without it", async () => {
        assert.deepEqual((await run()).resources.filter((r) => r.custom && r.protect).length, 0);
        const custom = (await run({}, { protect: true })).resources.filter((r) => r.custom);
        assert.equal(custom.length, 7);
        assert.ok(custom.every((r) => r.protect));
    });

    it("rejects bad arguments with every problem", async () => {
        assert.deepEqual(
            fieldsAndProblems(await rejectedIssues(run({ emails: [], cloudSql: { instanceName: "db", tier: "db-n1-standard-1" } }))),
            [
                ["cloudSql.tier", "has no known max_connections, so the connections alert has no base"],
                ["emails.length", "must be a whole number from 1 to 10"],
            ],
        );
        assert.deepEqual(fieldsAndProblems(await rejectedIssues(run({ cloudSql: undefined, memorystoreInstanceId: undefined }))), [
            ["targets", "watch nothing: the component would create channels no policy notifies"],
        ]);
    });
});
