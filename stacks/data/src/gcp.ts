/**
 * The data layer on GCP (the DR environment): the APIs it calls, the service agents and their CMEK
 * grants first, then Postgres, Redis, the work queue, the backup bucket, the daily copy of the AWS
 * environment's backups into it, and with the cluster a StorageClass encrypted with the data key
 * and Velero. RabbitMQ on GCP runs
 * in-cluster (the RabbitMQ Cluster Operator, docs/decisions.md), installed by the platform layer.
 */
import type * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import {
    BACKUP_BUCKET_COMPONENT,
    type GcpDataOutputs,
    type GcpFoundationOutputs,
    gcpLabels,
    type GcpSettings,
    type KmsKeyOutputs,
    protectionOptions,
    type StackOutputs,
} from "@platform/core";
import {
    GcpBackupBucket,
    GcpDataServiceAgents,
    GcpPostgresDatabase,
    GcpQueue,
    GcpRedisCache,
    GcpVelero,
    GcsTransferJob,
    GkeCmekStorageClass,
    GCP_SHAPES,
} from "@platform/data";
import { GcpAlerts, gcpAlertThresholds } from "@platform/observability";
import { GcpProjectServices } from "@platform/network";
import * as gcpSdk from "@pulumi/gcp";
import type { GcpClusterAccess } from "./cluster.js";

/** Google APIs the data layer calls. */
export const DATA_APIS = [
    "sqladmin.googleapis.com",
    "redis.googleapis.com",
    "pubsub.googleapis.com",
    "secretmanager.googleapis.com",
    "storage.googleapis.com",
    "storagetransfer.googleapis.com",
    "iam.googleapis.com",
    "monitoring.googleapis.com",
] as const;

export function gcpData(
    settings: GcpSettings,
    provider: gcp.Provider,
    foundation: StackOutputs<GcpFoundationOutputs>,
    cluster: GcpClusterAccess | undefined,
): StackOutputs<GcpDataOutputs> {
    const naming = { project: settings.project, environment: settings.environment };
    const project = settings.gcpProject;
    const region = settings.region;
    const { profile, data } = settings;
    const keys = pulumi.output(foundation.kmsKeyIds);
    const key = (purpose: keyof KmsKeyOutputs) => keys.apply((k) => k[purpose]);

    const apis = new GcpProjectServices("data-apis", { naming, project, services: DATA_APIS }, { providers: [provider] });
    const agents = new GcpDataServiceAgents(
        "data-agents",
        { naming, project, dataKmsKeyName: key("data"), secretsKmsKeyName: key("secrets"), backupsKmsKeyName: key("backups") },
        { providers: [provider], dependsOn: [apis] },
    );
    // Every data component holds state (protected and retained in dr) and waits for its agent's key grant.
    const componentOpts = { providers: [provider], dependsOn: [agents], ...protectionOptions(profile) };
    const labels = gcpLabels(settings.ownership);
    const network = { networkId: foundation.networkId, privateServiceAccessRange: foundation.privateServiceAccessRange };

    const postgres = new GcpPostgresDatabase(
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
            project,
            region,
            ...network,
            kmsKeyName: key("data"),
            secretsKmsKeyName: key("secrets"),
            labels,
        },
        componentOpts,
    );
    const redis = new GcpRedisCache(
        "redis",
        {
            naming,
            size: data.size,
            highAvailability: profile.data.highAvailability,
            deletionProtection: profile.data.deletionProtection,
            project,
            region,
            ...network,
            kmsKeyName: key("data"),
            secretsKmsKeyName: key("secrets"),
        },
        componentOpts,
    );
    // Alert policies beside what they watch (seed 002 thresholds), when someone is there to notify;
    // protected in dr like the rest of the layer.
    if (settings.alerts.emails.length > 0) {
        new GcpAlerts(
            "alerts",
            {
                naming,
                project,
                emails: settings.alerts.emails,
                thresholds: gcpAlertThresholds(profile.data),
                cloudSql: { instanceName: postgres.instance.name, tier: GCP_SHAPES[data.size].postgres },
                memorystoreInstanceId: redis.instance.id,
                ...(settings.alerts.uptimeCheck !== undefined ? { uptimeCheck: settings.alerts.uptimeCheck } : {}),
            },
            { providers: [provider], dependsOn: [apis], ...protectionOptions(profile) },
        );
    }
    const queue = new GcpQueue(
        "jobs",
        {
            naming,
            project,
            region,
            kmsKeyName: key("data"),
            pubsubServiceAgent: agents.pubsubMember,
            maxReceiveCount: data.maxReceiveCount,
        },
        componentOpts,
    );
    const backups = new GcpBackupBucket(
        BACKUP_BUCKET_COMPONENT,
        {
            naming,
            project,
            region,
            kmsKeyName: key("backups"),
            retentionDays: profile.data.backupRetentionDays,
            objectLock: data.objectLock,
        },
        componentOpts,
    );
    const source = data.crossCloudCopySource;
    const copy =
        source === undefined
            ? undefined
            : new GcsTransferJob(
                  "cross-cloud-copy",
                  { naming, project, region, source, sinkBucketName: backups.bucketName },
                  componentOpts,
              );
    // Workloads that hold data get disks encrypted with the data key (GKE's default class is not).
    const storageClass =
        cluster === undefined
            ? undefined
            : new GkeCmekStorageClass(
                  "volumes",
                  { naming, kubernetesProvider: cluster.kubernetesProvider, kmsKeyId: key("data") },
                  componentOpts,
              );
    if (cluster !== undefined) {
        new GcpVelero(
            "velero",
            {
                naming,
                kubernetesProvider: cluster.kubernetesProvider,
                project,
                region,
                workloadIdentityPool: cluster.workloadIdentityPool,
                bucketName: backups.bucketName,
                bucketKmsKeyName: key("backups"),
            },
            componentOpts,
        );
    }
    // The Storage Transfer agent an AWS environment's copy role trusts (its subject id goes into that role).
    const transferAgent = gcpSdk.storage.getTransferProjectServiceAccountOutput({ project }, { provider, dependsOn: [apis] });

    return {
        environment: settings.environment,
        cloud: "gcp",
        region,
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
        volumeStorageClass: storageClass ? storageClass.storageClassName : null,
        queue: pulumi.output({
            topic: queue.publishTarget,
            subscription: queue.consumeTarget,
            deadLetterTopic: queue.deadLetterTarget,
            deadLetterSubscription: queue.deadLetterSubscription,
        }),
        backups: pulumi.output({
            bucketName: backups.bucketName,
            transferServiceAccount: { email: transferAgent.email, subjectId: transferAgent.subjectId },
            crossCloudCopyJob: copy ? copy.jobName : null,
        }),
    };
}
