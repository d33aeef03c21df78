/**
 * CloudWatch alarms beside the resources they watch (the data layer's database and cache, the
 * network's NAT gateways, the platform layer's public load balancer), all publishing to one SNS topic per layer encrypted with a
 * customer-managed key. Which alarms exist and their thresholds come from {@link planAwsAlarms};
 * this component only turns the plan into resources.
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { type ComponentNaming, type Issue, PlatformComponent } from "@platform/core";
import {
    type AlarmSpec,
    type AwsAlarmTargets,
    type AwsAlarmThresholds,
    type MetricSpec,
    planAwsAlarms,
    validateAwsAlarmTargets,
} from "./aws-alarm-plan.js";

export interface AwsAlarmsArgs {
    /** Project and environment: physical names are `<project>-<env>-<component name>-<child>`. */
    readonly naming: ComponentNaming;
    /**
     * ARN of the customer-managed key encrypting the topic (the foundation's `logs` key, whose
     * policy lets CloudWatch alarms of this account use it). Alarm texts name the platform's
     * resources; with a customer key their reading is logged and revocable.
     */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** The environment's thresholds: `awsAlarmThresholds(profile.data)`. */
    readonly thresholds: AwsAlarmThresholds;
    /**
     * The database to watch: its identifiers and what its thresholds derive from. Replica lag
     * alarms exist only for the replicas listed.
     * @default no database alarms
     */
    readonly postgres?: {
        readonly instanceIdentifier: pulumi.Input<string>;
        readonly replicaIdentifiers: readonly pulumi.Input<string>[];
        /** RDS instance class: its memory gives `max_connections`. */
        readonly instanceClass: string;
        /** Allocated storage in GB: the free-storage threshold is a share of it. */
        readonly storageGb: number;
    };
    /**
     * Cache cluster ids of the Redis replication group's nodes (ElastiCache metrics are per node).
     * @default no cache alarms
     */
    readonly redisCacheClusterIds?: readonly pulumi.Input<string>[];
    /**
     * NAT gateway ids: each gets a port-allocation and a dropped-packets alarm.
     * @default no NAT alarms
     */
    readonly natGatewayIds?: readonly pulumi.Input<string>[];
    /**
     * ARN suffixes (`app/<name>/<id>`, the CloudWatch `LoadBalancer` dimension) of the public
     * Application Load Balancers: each gets an ELB 5xx and a target 5xx ratio alarm.
     * @default no load balancer alarms
     */
    readonly loadBalancerArnSuffixes?: readonly pulumi.Input<string>[];
}

export class AwsAlarms extends PlatformComponent {
    /** The topic every alarm notifies (alarm and OK): subscribe on-call tooling to it. */
    readonly topicArn: pulumi.Output<string>;
    /** Physical names of the alarms, in plan order. */
    readonly alarmNames: readonly string[];
    readonly topic: aws.sns.Topic;
    readonly alarms: readonly aws.cloudwatch.MetricAlarm[];

    constructor(name: string, args: AwsAlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:observability:AwsAlarms", name, args.naming, opts);
        const targets = awsAlarmTargets(args);
        this.validate(validateAwsAlarmsArgs(args));
        const specs = planAwsAlarms(targets, args.thresholds);

        this.topic = new aws.sns.Topic(
            this.childName("topic"),
            { name: this.physicalName("topic"), kmsMasterKeyId: args.kmsKeyArn },
            this.childOptions(),
        );
        const actions = [this.topic.arn];
        this.alarms = specs.map(
            (spec) =>
                new aws.cloudwatch.MetricAlarm(
                    this.childName(spec.key),
                    {
                        name: this.physicalName(spec.key),
                        alarmDescription: spec.description,
                        comparisonOperator: spec.comparisonOperator,
                        threshold: spec.threshold,
                        evaluationPeriods: spec.evaluationPeriods,
                        datapointsToAlarm: spec.datapointsToAlarm,
                        treatMissingData: spec.treatMissingData,
                        actionsEnabled: true,
                        alarmActions: actions,
                        okActions: actions,
                        ...metricInputs(spec, identifierOf(args, spec)),
                    },
                    this.childOptions(),
                ),
        );
        this.topicArn = this.topic.arn;
        this.alarmNames = specs.map((s) => this.physicalName(s.key));
        this.complete("topicArn", "alarmNames");
    }
}

/** The plain counts the plan needs, from the arguments. */
export function awsAlarmTargets(args: AwsAlarmsArgs): AwsAlarmTargets {
    return {
        ...(args.postgres !== undefined
            ? {
                  postgres: {
                      instanceClass: args.postgres.instanceClass,
                      storageGb: args.postgres.storageGb,
                      replicas: args.postgres.replicaIdentifiers.length,
                  },
              }
            : {}),
        ...(args.redisCacheClusterIds !== undefined ? { redisNodes: args.redisCacheClusterIds.length } : {}),
        ...(args.natGatewayIds !== undefined ? { natGateways: args.natGatewayIds.length } : {}),
        ...(args.loadBalancerArnSuffixes !== undefined ? { loadBalancers: args.loadBalancerArnSuffixes.length } : {}),
    };
}

/** Every problem with AwsAlarms' arguments. */
export function validateAwsAlarmsArgs(args: AwsAlarmsArgs): Issue[] {
    return validateAwsAlarmTargets(awsAlarmTargets(args));
}

function identifierOf(args: AwsAlarmsArgs, spec: AlarmSpec): pulumi.Input<string> {
    const { kind, index } = spec.target;
    const list =
        kind === "postgres"
            ? [args.postgres?.instanceIdentifier]
            : kind === "replica"
              ? args.postgres?.replicaIdentifiers
              : kind === "redisNode"
                ? args.redisCacheClusterIds
                : kind === "natGateway"
                  ? args.natGatewayIds
                  : args.loadBalancerArnSuffixes;
    const id = list?.[index];
    if (id === undefined) {
        throw new Error(`alarm ${spec.key} watches ${kind} ${index}, which the arguments do not have (a bug in the plan)`);
    }
    return id;
}

function metricStat(metric: MetricSpec, periodSeconds: number, id: pulumi.Input<string>) {
    return {
        namespace: metric.namespace,
        metricName: metric.metricName,
        stat: metric.statistic,
        period: periodSeconds,
        dimensions: { [metric.dimension]: id },
    };
}

/** A single metric's inputs, or metric queries for an expression over several. */
function metricInputs(spec: AlarmSpec, id: pulumi.Input<string>): Partial<aws.cloudwatch.MetricAlarmArgs> {
    const m = spec.metric;
    if ("expression" in m) {
        return {
            metricQueries: [
                ...Object.entries(m.metrics).map(([queryId, metric]) => ({
                    id: queryId,
                    returnData: false,
                    metric: metricStat(metric, spec.periodSeconds, id),
                })),
                { id: "result", expression: m.expression, label: m.label, returnData: true },
            ],
        };
    }
    return {
        namespace: m.namespace,
        metricName: m.metricName,
        statistic: m.statistic,
        period: spec.periodSeconds,
        dimensions: { [m.dimension]: id },
    };
}
