/**
 * The data layer on AWS: the backup plan first (the others carry its selection tag), then
 * Postgres, Redis, RabbitMQ, the work queue, the backup bucket with its replica, the read-only role
 * of the cross-cloud copy, and Velero in the cluster.
 */
import type * as aws from "@pulumi/aws";
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import {
    type AwsDataOutputs,
    type AwsFoundationOutputs,
    type AwsSettings,
    BACKUP_BUCKET_COMPONENT,
    createAwsProviderInRegion,
    gcpLabels,
    isProductionEnvironment,
    type KmsKeyOutputs,
    protectionOptions,
    resourceName,
    type StackOutputs,
} from "@platform/core";
import {
    AwsBackupBucket,
    AwsBackupPlan,
    AwsCrossCloudCopySource,
    AwsPostgresDatabase,
    AwsQueue,
    AwsRabbitMqBroker,
    AwsRedisCache,
    AwsVelero,
    AWS_SHAPES,
} from "@platform/data";
import { AwsAlarms, awsAlarmThresholds } from "@platform/observability";
import type { AwsClusterAccess } from "./cluster.js";

/** The Redis nodes: one per AZ up to three where the profile is highly available, else one. */
export function redisNodes(highAvailability: boolean, availabilityZones: number): number {
    return highAvailability ? Math.min(Math.max(availabilityZones, 2), 3) : 1;
}

export function awsData(
    settings: AwsSettings,
    provider: aws.Provider,
    foundation: StackOutputs<AwsFoundationOutputs>,
    cluster: AwsClusterAccess | undefined,
): StackOutputs<AwsDataOutputs> {
    const naming = { project: settings.project, environment: settings.environment };
    const { profile, data } = settings;
    const production = isProductionEnvironment(settings.environment);
    // Every data component holds state: protected (and its stateful children retained) in prod.
    const componentOpts = { providers: [provider], ...protectionOptions(profile) };
    const keys = pulumi.output(foundation.kmsKeyArns);
    const key = (purpose: keyof KmsKeyOutputs) => keys.apply((k) => k[purpose]);
    const allowedSecurityGroupIds = cluster ? [cluster.nodeSecurityGroupId] : [];
    const network = { vpcId: foundation.vpcId, subnetIds: foundation.isolatedSubnetIds, allowedSecurityGroupIds };

    const plan = new AwsBackupPlan(
        "backup",
        // One decision for write-once backups: the vault lock follows platform:data.backups.objectLock.
        { naming, kmsKeyArn: key("backups"), vaultLock: data.objectLock },
        componentOpts,
    );
    const backupTags = { [plan.selectionTag.key]: plan.selectionTag.value };

    const postgres = new AwsPostgresDatabase(
        "postgres",
        {
            naming,
            size: data.size,
            databaseName: settings.project,
            highAvailability: profile.data.highAvailability,
            storageGb: profile.data.storageGb,
            backupRetentionDays: profile.data.backupRetentionDays,
            pointInTimeRecovery: profile.data.pointInTimeRecovery,
            deletionProtection: profile.data.deletionProtection,
            readReplicas: data.readReplicas,
            connectionPooling: data.connectionPooling,
            monitoringIntervalSeconds: production ? 15 : 60,
            ...network,
            kmsKeyArn: key("data"),
            secretsKmsKeyArn: key("secrets"),
            logsKmsKeyArn: key("logs"),
            logRetentionDays: profile.logRetentionDays,
            tags: backupTags,
        },
        componentOpts,
    );
    const redis = new AwsRedisCache(
        "redis",
        {
            naming,
            size: data.size,
            highAvailability: profile.data.highAvailability,
            deletionProtection: profile.data.deletionProtection,
            nodes: redisNodes(profile.data.highAvailability, settings.network.availabilityZones.length),
            snapshotRetentionDays: profile.data.backupRetentionDays,
            ...network,
            kmsKeyArn: key("data"),
            secretsKmsKeyArn: key("secrets"),
            logsKmsKeyArn: key("logs"),
            logRetentionDays: profile.logRetentionDays,
        },
        componentOpts,
    );
    // Alarms beside what they watch, on the logs key (whose policy lets CloudWatch alarms publish),
    // protected in prod like the rest of the layer: losing them silently is losing the pager.
    const cacheNodes = redisNodes(profile.data.highAvailability, settings.network.availabilityZones.length);
    const memberClusters = redis.replicationGroup.memberClusters.apply((ids) => [...ids].sort());
    new AwsAlarms(
        "alarms",
        {
            naming,
            kmsKeyArn: key("logs"),
            thresholds: awsAlarmThresholds(profile.data),
            postgres: {
                instanceIdentifier: postgres.instanceIdentifier,
                replicaIdentifiers: postgres.replicas.map((r) => r.identifier),
                instanceClass: AWS_SHAPES[data.size].postgres,
                storageGb: profile.data.storageGb,
            },
            redisCacheClusterIds: Array.from({ length: cacheNodes }, (_, i) => memberClusters.apply((ids) => ids[i] ?? "")),
        },
        componentOpts,
    );
    const rabbitmq = new AwsRabbitMqBroker(
        "rabbitmq",
        {
            naming,
            // A cluster needs m5 brokers: at least medium.
            size: production && data.size === "small" ? "medium" : data.size,
            deployment: production ? "cluster" : "single",
            ...network,
            secretsKmsKeyArn: key("secrets"),
        },
        componentOpts,
    );
    const queue = new AwsQueue("jobs", { naming, kmsKeyArn: key("data"), maxReceiveCount: data.maxReceiveCount }, componentOpts);

    const replicationRegion = data.replicationRegion;
    const backups = new AwsBackupBucket(
        BACKUP_BUCKET_COMPONENT,
        {
            naming,
            kmsKeyArn: key("backups"),
            retentionDays: profile.data.backupRetentionDays,
            objectLock: data.objectLock,
            tags: backupTags,
            ...(replicationRegion !== undefined
                ? { replication: { region: replicationRegion, provider: createAwsProviderInRegion(settings, replicationRegion) } }
                : {}),
        },
        componentOpts,
    );

    const copyProject = data.crossCloudCopyProject;
    const copy =
        copyProject === undefined
            ? undefined
            : new AwsCrossCloudCopySource(
                  "gcs-transfer",
                  {
                      naming,
                      region: settings.region,
                      bucketArn: backups.bucketArn,
                      kmsKeyArn: key("backups"),
                      transferSubjectId: transferSubjectId(settings, copyProject),
                  },
                  componentOpts,
              );

    if (cluster !== undefined) {
        new AwsVelero(
            "velero",
            {
                naming,
                kubernetesProvider: cluster.kubernetesProvider,
                clusterName: cluster.clusterName,
                region: settings.region,
                bucketName: backups.bucketName,
                bucketArn: backups.bucketArn,
                bucketKmsKeyArn: key("backups"),
                volumeKmsKeyArn: key("data"),
            },
            componentOpts,
        );
    }

    return {
        environment: settings.environment,
        cloud: "aws",
        region: settings.region,
        postgres: pulumi.output({
            host: postgres.host,
            port: postgres.port,
            instanceHost: postgres.instanceHost,
            readerHosts: postgres.readerHosts,
            databaseName: postgres.databaseName,
            adminUsername: postgres.adminUsername,
            adminSecret: postgres.adminSecret,
        }),
        redis: pulumi.output({ host: redis.host, port: redis.port, authSecret: redis.authSecret }),
        volumeStorageClass: cluster ? cluster.defaultStorageClass : null,
        rabbitmq: pulumi.output({
            amqpEndpoints: rabbitmq.amqpEndpoints,
            consoleUrl: rabbitmq.consoleUrl,
            credentialsSecret: rabbitmq.credentialsSecret,
        }),
        queue: pulumi.output({
            url: queue.publishTarget,
            arn: queue.queueArn,
            deadLetterUrl: queue.deadLetterTarget,
            deadLetterArn: queue.deadLetterArn,
        }),
        backups: pulumi.output({
            bucketName: backups.bucketName,
            bucketArn: backups.bucketArn,
            replicaBucketName: backups.replicaBucketName,
            vaultName: plan.vaultName,
            planId: plan.planId,
            selectionTag: plan.selectionTag,
            crossCloudCopyRoleArn: copy ? copy.roleArn : null,
        }),
    };
}

/**
 * The subject id of the Storage Transfer Service agent of the GCP project the backups are copied
 * to, read with a provider for that project (the one GCP call an AWS deployment with a cross-cloud
 * copy makes: `storagetransfer.googleServiceAccounts.get`, so the deployer needs read access there).
 */
function transferSubjectId(settings: AwsSettings, gcpProject: string): pulumi.Output<string> {
    const provider = new gcp.Provider(
        resourceName({ project: settings.project, environment: settings.environment, component: "gcp-transfer" }),
        {
            project: gcpProject,
            defaultLabels: gcpLabels(settings.ownership),
        },
    );
    return gcp.storage.getTransferProjectServiceAccountOutput({ project: gcpProject }, { provider }).subjectId;
}
