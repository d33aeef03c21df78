/**
 * Instance shapes of the data services by size. The seeds give no instance classes (only storage:
 * seed 000 prod 500 GB, staging 200 GB), so these are the platform's choice, one table per cloud:
 * burstable shapes for small (dev), memory-optimized Graviton / custom shapes above. Sizes come
 * from `platform:data.size` (default: from the profile's storage).
 */
import type { DataSize } from "@platform/core";

export interface AwsShapes {
    /** RDS for PostgreSQL instance class. */
    readonly postgres: string;
    /** ElastiCache node type. */
    readonly redis: string;
    /** Amazon MQ for RabbitMQ host instance type (a cluster needs m5 or larger). */
    readonly rabbitmq: string;
}

export interface GcpShapes {
    /** Cloud SQL tier (Enterprise edition custom machine: vCPUs and MiB of memory). */
    readonly postgres: string;
    /** Memorystore for Redis capacity in GiB. */
    readonly redisMemoryGb: number;
}

export const AWS_SHAPES: Readonly<Record<DataSize, AwsShapes>> = {
    small: { postgres: "db.t4g.medium", redis: "cache.t4g.small", rabbitmq: "mq.t3.micro" },
    medium: { postgres: "db.r7g.large", redis: "cache.r7g.large", rabbitmq: "mq.m5.large" },
    large: { postgres: "db.r7g.xlarge", redis: "cache.r7g.xlarge", rabbitmq: "mq.m5.xlarge" },
};

export const GCP_SHAPES: Readonly<Record<DataSize, GcpShapes>> = {
    small: { postgres: "db-custom-2-7680", redisMemoryGb: 1 },
    medium: { postgres: "db-custom-2-15360", redisMemoryGb: 5 },
    large: { postgres: "db-custom-4-26624", redisMemoryGb: 10 },
};
