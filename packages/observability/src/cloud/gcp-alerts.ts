/**
 * Cloud Monitoring beside the data layer on GCP: an email notification channel per address, alert
 * policies for Cloud SQL and Memorystore with the seed 002 thresholds, an uptime check (with its
 * alert) on the public endpoint when there is one, and the public load balancer's 5xx ratio when
 * its URL map is given. Which policies exist comes from
 * {@link planGcpAlertPolicies}; this component only turns the plan into resources.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { type ComponentNaming, type Issue, PlatformComponent } from "@platform/core";
import {
    type AlertPolicySpec,
    type GcpAlertTargets,
    type GcpAlertThresholds,
    planGcpAlertPolicies,
    validateGcpAlertTargets,
} from "./gcp-alert-plan.js";

export interface GcpAlertsArgs {
    /** Project and environment: display names start `<project>-<env>`. */
    readonly naming: ComponentNaming;
    /** The GCP project the policies, channels and check live in (the watched resources' project). */
    readonly project: string;
    /**
     * Addresses notified (`platform:alerts.emails`): one email channel each. Email addresses are
     * not secrets; channels that need credentials (Slack, PagerDuty) take them in
     * `sensitiveLabels` from a Pulumi secret, never in `labels`.
     */
    readonly emails: readonly string[];
    /** The environment's thresholds: `gcpAlertThresholds(profile.data)`. */
    readonly thresholds: GcpAlertThresholds;
    /**
     * The primary Cloud SQL instance: its name (the `database_id` label is `<project>:<name>`) and tier.
     * @default no database policies
     */
    readonly cloudSql?: { readonly instanceName: pulumi.Input<string>; readonly tier: string };
    /**
     * The Memorystore instance's id (`projects/<p>/locations/<region>/instances/<name>`).
     * @default no cache policies
     */
    readonly memorystoreInstanceId?: pulumi.Input<string>;
    /**
     * The public endpoint probed over HTTPS from every checker region each minute.
     * @default no uptime check
     */
    readonly uptimeCheck?: { readonly host: string; readonly path: string };
    /**
     * The public external HTTPS load balancer's URL map name: its 5xx share of requests is alerted.
     * @default no load balancer policy
     */
    readonly loadBalancerUrlMapName?: pulumi.Input<string>;
    /**
     * The public load balancer as a GKE Gateway (its namespace and name): GKE names the URL map it
     * builds `gkegw1-<hash>-<namespace>-<name>-<hash>`, so the policy matches that pattern.
     * @default no load balancer policy
     */
    readonly loadBalancerGateway?: { readonly namespace: string; readonly name: string };
}

/** The URL map filter for a GKE Gateway's load balancer (GKE's `gkegw1-<hash>-<namespace>-<name>-<hash>` names). */
export function gatewayUrlMapFilter(gateway: { readonly namespace: string; readonly name: string }): string {
    return `resource.labels.url_map_name = monitoring.regex.full_match("gkegw1-[a-z0-9]+-${gateway.namespace}-${gateway.name}-[a-z0-9]+")`;
}

export class GcpAlerts extends PlatformComponent {
    /** Notification channel names (`projects/<p>/notificationChannels/<id>`). */
    readonly channelNames: pulumi.Output<string[]>;
    /** Alert policy names, in plan order. */
    readonly policyNames: pulumi.Output<string[]>;
    /** The uptime check's id, when there is one. */
    readonly uptimeCheckId: pulumi.Output<string | undefined>;

    constructor(name: string, args: GcpAlertsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:observability:GcpAlerts", name, args.naming, opts);
        const targets = gcpAlertTargets(args);
        this.validate(validateGcpAlertsArgs(args));
        const prefix = this.physicalPrefix;

        const channels = args.emails.map(
            (address, i) =>
                new gcp.monitoring.NotificationChannel(
                    this.childName(`email-${i + 1}`),
                    {
                        project: args.project,
                        type: "email",
                        displayName: `${prefix} ${address}`,
                        labels: { email_address: address },
                        enabled: true,
                    },
                    this.childOptions(),
                ),
        );
        const channelNames = channels.map((c) => c.name);

        const check =
            args.uptimeCheck === undefined
                ? undefined
                : new gcp.monitoring.UptimeCheckConfig(
                      this.childName("uptime"),
                      {
                          project: args.project,
                          displayName: `${prefix} ${args.uptimeCheck.host}`,
                          period: "60s",
                          timeout: "10s",
                          httpCheck: { path: args.uptimeCheck.path, port: 443, useSsl: true, validateSsl: true, requestMethod: "GET" },
                          monitoredResource: { type: "uptime_url", labels: { project_id: args.project, host: args.uptimeCheck.host } },
                      },
                      this.childOptions(),
                  );

        const policies = planGcpAlertPolicies(targets, args.thresholds).map(
            (spec) =>
                new gcp.monitoring.AlertPolicy(
                    this.childName(spec.key),
                    {
                        project: args.project,
                        displayName: `${prefix} ${spec.displayName}`,
                        severity: spec.severity,
                        combiner: "OR",
                        enabled: true,
                        notificationChannels: channelNames,
                        documentation: { content: spec.documentation, mimeType: "text/markdown" },
                        conditions: [
                            {
                                displayName: spec.displayName,
                                conditionThreshold: conditionOf(spec, this.resourceFilter(spec, args, check)),
                            },
                        ],
                    },
                    this.childOptions(),
                ),
        );

        this.channelNames = pulumi.all(channelNames);
        this.policyNames = pulumi.all(policies.map((p) => p.name));
        this.uptimeCheckId = check ? check.uptimeCheckId : pulumi.output(undefined);
        this.complete("channelNames", "policyNames", "uptimeCheckId");
    }

    /** The filter's resource part: the watched instance or check. */
    private resourceFilter(
        spec: AlertPolicySpec,
        args: GcpAlertsArgs,
        check: gcp.monitoring.UptimeCheckConfig | undefined,
    ): pulumi.Output<string> {
        if (spec.target === "cloudSql" && args.cloudSql) {
            return pulumi.interpolate`resource.labels.database_id = "${args.project}:${args.cloudSql.instanceName}"`;
        }
        if (spec.target === "memorystore" && args.memorystoreInstanceId !== undefined) {
            return pulumi.interpolate`resource.labels.instance_id = "${args.memorystoreInstanceId}"`;
        }
        if (spec.target === "uptime" && check) {
            return pulumi.interpolate`metric.labels.check_id = "${check.uptimeCheckId}"`;
        }
        if (spec.target === "loadBalancer" && args.loadBalancerUrlMapName !== undefined) {
            return pulumi.interpolate`resource.labels.url_map_name = "${args.loadBalancerUrlMapName}"`;
        }
        if (spec.target === "loadBalancer" && args.loadBalancerGateway !== undefined) {
            return pulumi.output(gatewayUrlMapFilter(args.loadBalancerGateway));
        }
        throw new Error(`alert ${spec.key} watches ${spec.target}, which the arguments do not have (a bug in the plan)`);
    }
}

/**
 * A threshold condition: the metric on the watched resource, aligned per minute; for a ratio, the
 * numerator narrowed by its metric label filter over the same metric as denominator.
 */
function conditionOf(spec: AlertPolicySpec, resource: pulumi.Output<string>) {
    const filter = pulumi.interpolate`resource.type = "${spec.resourceType}" AND metric.type = "${spec.metricType}" AND ${resource}`;
    const groupBy = spec.reducer === "REDUCE_COUNT_FALSE" ? ["resource.label.host"] : ["resource.label.url_map_name"];
    const aggregations = [
        {
            alignmentPeriod: "60s",
            perSeriesAligner: spec.aligner,
            ...(spec.reducer !== undefined ? { crossSeriesReducer: spec.reducer, groupByFields: groupBy } : {}),
        },
    ];
    return {
        filter: spec.ratioOf === undefined ? filter : pulumi.interpolate`${filter} AND ${spec.ratioOf.numeratorMetricFilter}`,
        comparison: spec.comparison,
        thresholdValue: spec.threshold,
        duration: `${spec.durationSeconds}s`,
        evaluationMissingData: spec.missingData,
        aggregations,
        ...(spec.ratioOf !== undefined ? { denominatorFilter: filter, denominatorAggregations: aggregations } : {}),
    };
}

/** The plain facts the plan needs, from the arguments. */
export function gcpAlertTargets(args: GcpAlertsArgs): GcpAlertTargets {
    return {
        ...(args.cloudSql !== undefined ? { cloudSql: { tier: args.cloudSql.tier } } : {}),
        ...(args.memorystoreInstanceId !== undefined ? { memorystore: true } : {}),
        ...(args.uptimeCheck !== undefined ? { uptimeCheck: true } : {}),
        ...(args.loadBalancerUrlMapName !== undefined || args.loadBalancerGateway !== undefined ? { loadBalancer: true } : {}),
    };
}

/** Every problem with GcpAlerts' arguments. */
export function validateGcpAlertsArgs(args: GcpAlertsArgs): Issue[] {
    const issues = validateGcpAlertTargets(gcpAlertTargets(args), args.emails);
    if (args.loadBalancerUrlMapName !== undefined && args.loadBalancerGateway !== undefined) {
        issues.push({
            field: "loadBalancerGateway",
            value: `${args.loadBalancerGateway.namespace}/${args.loadBalancerGateway.name}`,
            problem: "names a second load balancer beside loadBalancerUrlMapName; one policy watches one",
            fix: "pass loadBalancerUrlMapName for a Pulumi-owned URL map or loadBalancerGateway for a GKE Gateway, not both",
        });
    }
    const k8sName = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
    for (const key of ["namespace", "name"] as const) {
        const v = args.loadBalancerGateway?.[key];
        if (v !== undefined && !k8sName.test(v)) {
            issues.push({
                field: `loadBalancerGateway.${key}`,
                value: v,
                problem: "is not a Kubernetes name",
                fix: "use the Gateway's lowercase name",
            });
        }
    }
    return issues;
}
