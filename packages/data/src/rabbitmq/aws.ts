/**
 * RabbitMQ on Amazon MQ: a three-node cluster across AZs (`CLUSTER_MULTI_AZ`) in prod, a single
 * broker elsewhere (the issue's choice: a cluster of m5 brokers for staging costs more than it
 * rehearses), never publicly accessible, in the isolated subnets behind a security group that
 * admits AMQPS (5671) and the HTTPS console (443) from the cluster's nodes only, general logs to
 * CloudWatch, minor versions upgraded in a Sunday window. The administrator's password is
 * generated and kept in Secrets Manager with the `secrets` key.
 *
 * Encryption at rest uses an AWS-owned key: Amazon MQ does not accept a customer key for RabbitMQ
 * brokers (`encryptionOptions` applies to ActiveMQ only), so the foundation's `data` key is not
 * used here. Amazon MQ creates the log group (`/aws/amazonmq/broker/<id>/general`) itself, so its
 * retention and key are the service's.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkOneOf, checkPattern, type ComponentNaming, DATA_SIZES, type DataSize, type Issue } from "@platform/core";
import { DataComponent } from "../component.js";
import { awsSecret, generatedPassword } from "../aws/secret.js";
import { dataSecurityGroup } from "../aws/security-group.js";
import { AWS_SHAPES } from "../sizing.js";
import { RABBITMQ_DEPLOYMENTS, type RabbitMqBroker, type RabbitMqDeployment } from "./types.js";

/** Amazon MQ's RabbitMQ version (3.13: quorum queues by default, supported with minor upgrades). */
export const AMAZON_MQ_RABBITMQ_VERSION = "3.13";
export const AMQPS_PORT = 5671;
export const CONSOLE_PORT = 443;
/** Passwords: 12-250 characters, no commas, colons or equal signs. */
export const AMAZON_MQ_PASSWORD = { length: 32, specialCharacters: "-_.!#%*+" } as const;
/** Broker names: 1-50 letters, digits, hyphens and underscores. */
export const BROKER_NAME_MAX_LENGTH = 50;
/** Usernames: 2-100 characters, no commas, colons or equal signs (the platform keeps them simple). */
export const BROKER_USERNAME_PATTERN = /^[a-z][a-z0-9_-]{1,63}$/;
export const AMAZON_MQ_MAINTENANCE_WINDOW = { dayOfWeek: "SUNDAY", timeOfDay: "06:00", timeZone: "UTC" } as const;

export interface AwsRabbitMqBrokerArgs {
    readonly naming: ComponentNaming;
    /** Broker size (`platform:data.size`); a cluster needs `medium` or `large` (m5 brokers). */
    readonly size: DataSize;
    /** `cluster` (three brokers across AZs) or `single`. */
    readonly deployment: RabbitMqDeployment;
    readonly vpcId: pulumi.Input<string>;
    /** The foundation's isolated subnets; a single broker uses the first. */
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** Security groups allowed to connect (the cluster's nodes). Plain list. Empty: nothing connects. */
    readonly allowedSecurityGroupIds: readonly pulumi.Input<string>[];
    /** The foundation's `secrets` key (the administrator's secret). */
    readonly secretsKmsKeyArn: pulumi.Input<string>;
    /** The administrator's username. @default "platform_admin" */
    readonly adminUsername?: string;
    /** Extra tags. @default {} */
    readonly tags?: Readonly<Record<string, string>>;
}

export class AwsRabbitMqBroker extends DataComponent implements RabbitMqBroker {
    readonly amqpEndpoints: pulumi.Output<string[]>;
    readonly consoleUrl: pulumi.Output<string>;
    readonly credentialsSecret: pulumi.Output<string>;
    readonly securityGroupId: pulumi.Output<string>;
    readonly broker: aws.mq.Broker;

    constructor(name: string, args: AwsRabbitMqBrokerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:data:AwsRabbitMqBroker", name, args.naming, opts);
        const username = args.adminUsername ?? "platform_admin";
        this.validate(validateAwsRabbitMqBrokerArgs(args, username));
        const children = this.children;
        const brokerName = children.physicalWithin("broker", BROKER_NAME_MAX_LENGTH);
        const cluster = args.deployment === "cluster";
        const sg = dataSecurityGroup(children, "broker", {
            vpcId: args.vpcId,
            port: [AMQPS_PORT, CONSOLE_PORT],
            allowedSecurityGroupIds: args.allowedSecurityGroupIds,
            service: "RabbitMQ (AMQPS and console)",
        });
        const password = generatedPassword(children, "admin", AMAZON_MQ_PASSWORD);
        this.broker = new aws.mq.Broker(
            children.name("broker"),
            {
                brokerName,
                engineType: "RabbitMQ",
                engineVersion: AMAZON_MQ_RABBITMQ_VERSION,
                hostInstanceType: AWS_SHAPES[args.size].rabbitmq,
                deploymentMode: cluster ? "CLUSTER_MULTI_AZ" : "SINGLE_INSTANCE",
                publiclyAccessible: false,
                subnetIds: cluster ? args.subnetIds : pulumi.output(args.subnetIds).apply((ids) => ids.slice(0, 1)),
                securityGroups: [sg.group.id],
                storageType: "ebs",
                authenticationStrategy: "simple",
                users: pulumi.secret([{ username, password: password.result }]),
                logs: { general: true },
                autoMinorVersionUpgrade: true,
                applyImmediately: false,
                maintenanceWindowStartTime: AMAZON_MQ_MAINTENANCE_WINDOW,
                tags: { ...args.tags, Name: brokerName },
            },
            children.stateful({ additionalSecretOutputs: ["users"] }),
        );
        this.amqpEndpoints = this.broker.instances.apply((instances) => instances.flatMap((i) => i.endpoints));
        this.consoleUrl = this.broker.instances.apply((instances) => instances[0]?.consoleUrl ?? "");
        const secret = awsSecret(children, "admin", {
            description: `Administrator of the RabbitMQ broker ${brokerName}`,
            kmsKeyArn: args.secretsKmsKeyArn,
            recoveryWindowDays: 30,
            document: pulumi
                .all([password.result, this.amqpEndpoints, this.consoleUrl])
                .apply(([pw, endpoints, console]) => ({ username, password: pw, amqpEndpoints: endpoints, consoleUrl: console })),
        });
        this.credentialsSecret = secret.secret.arn;
        this.securityGroupId = sg.group.id;
        this.complete("amqpEndpoints", "consoleUrl", "credentialsSecret", "securityGroupId");
    }
}

/** Every problem with AwsRabbitMqBroker's arguments. */
export function validateAwsRabbitMqBrokerArgs(args: AwsRabbitMqBrokerArgs, username: string): Issue[] {
    const issues = [
        ...checkOneOf("size", args.size, DATA_SIZES),
        ...checkOneOf("deployment", args.deployment, RABBITMQ_DEPLOYMENTS),
        ...checkPattern(
            "adminUsername",
            username,
            BROKER_USERNAME_PATTERN,
            "2-64 lowercase letters, digits, _ and -, starting with a letter, e.g. platform_admin",
        ),
    ];
    if (args.deployment === "cluster" && args.size === "small") {
        issues.push({
            field: "size",
            value: args.size,
            problem: `gives ${AWS_SHAPES.small.rabbitmq}, which Amazon MQ does not run as a cluster`,
            fix: "use medium or large for a cluster, or a single broker",
        });
    }
    return issues;
}
