/**
 * RabbitMQ (seed 004: `rabbitmq:3.9-management`). On AWS the broker is Amazon MQ for RabbitMQ
 * (`AwsRabbitMqBroker`). On GCP there is no managed RabbitMQ; the documented choice
 * (docs/decisions.md "RabbitMQ on GCP") is the RabbitMQ Cluster Operator running a three-replica
 * cluster in the GKE cluster, which the platform layer installs with the cluster's Kubernetes
 * provider. {@link RabbitMqBroker} is what a stack reads from either.
 */
import type * as pulumi from "@pulumi/pulumi";

export interface RabbitMqBroker {
    /** `amqps://host:5671` endpoints (TLS). */
    readonly amqpEndpoints: pulumi.Output<string[]>;
    /** The management console (HTTPS). */
    readonly consoleUrl: pulumi.Output<string>;
    /** Where the administrator's credentials live (Secrets Manager ARN / Secret Manager id). */
    readonly credentialsSecret: pulumi.Output<string>;
}

/** How many brokers: one, or a three-node cluster across zones (quorum queues survive a zone). */
export const RABBITMQ_DEPLOYMENTS = ["single", "cluster"] as const;
export type RabbitMqDeployment = (typeof RABBITMQ_DEPLOYMENTS)[number];
