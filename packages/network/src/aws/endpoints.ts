/**
 * VPC endpoints. Gateway endpoints (S3, DynamoDB) are free and keep that traffic off the NAT.
 * Interface endpoints let nodes pull images, assume roles, ship logs and read secrets without
 * the internet, which is what a private EKS cluster needs to boot (seed 003: VPC endpoints).
 */

export const GATEWAY_ENDPOINT_SERVICES = ["s3", "dynamodb"] as const;
export type GatewayEndpointService = (typeof GATEWAY_ENDPOINT_SERVICES)[number];

export const INTERFACE_ENDPOINT_SERVICES = [
    "ecr.api",
    "ecr.dkr",
    "sts",
    "logs",
    "secretsmanager",
    "ssm",
    "ssmmessages",
    "ec2messages",
    "kms",
    "ec2",
    "elasticloadbalancing",
    "autoscaling",
    "monitoring",
    "sqs",
] as const;
export type InterfaceEndpointService = (typeof INTERFACE_ENDPOINT_SERVICES)[number];

/** The interface endpoints created when none are specified: what EKS nodes need to start. */
export const DEFAULT_INTERFACE_ENDPOINTS: readonly InterfaceEndpointService[] = ["ecr.api", "ecr.dkr", "sts", "logs", "secretsmanager"];

/** `com.amazonaws.<region>.<service>`. */
export function endpointServiceName(region: string, service: string): string {
    return `com.amazonaws.${region}.${service}`;
}

/** Logical-name suffix for a service (`ecr.api` -> `ecr-api`). */
export function endpointSuffix(service: string): string {
    return service.replace(/\./g, "-");
}
