/** `platform:data` with every default resolved against the environment's profile. */
import type { EnvironmentProfile } from "../environments/profiles.js";
import { type AwsDataConfig, type DataSize, DEFAULT_MAX_RECEIVE_COUNT, type GcpDataConfig } from "./data-schema.js";
import type { AwsDataSettings, GcpDataSettings } from "./settings.js";

/**
 * The size the seeds imply for an environment (they give no instance classes, only storage: seed
 * 000 prod 500 GB, staging 200 GB): under 100 GB small, under 400 GB medium, else large.
 */
export function defaultDataSize(profile: EnvironmentProfile): DataSize {
    if (profile.data.storageGb < 100) return "small";
    return profile.data.storageGb < 400 ? "medium" : "large";
}

/** The environment whose backups a GCP environment copies when `sourceEnvironment` is unset. */
export const DEFAULT_CROSS_CLOUD_COPY_SOURCE = { environment: "prod", region: "us-east-1" } as const;

export function resolveAwsDataSettings(config: AwsDataConfig | undefined, profile: EnvironmentProfile): AwsDataSettings {
    const replicationRegion = config?.backups?.replicationRegion;
    const crossCloudCopyProject = config?.backups?.crossCloudCopy?.gcpProject;
    return {
        size: config?.size ?? defaultDataSize(profile),
        readReplicas: config?.postgres?.readReplicas ?? 0,
        connectionPooling: config?.postgres?.connectionPooling ?? (profile.data.highAvailability ? "rdsProxy" : "none"),
        maxReceiveCount: config?.queue?.maxReceiveCount ?? DEFAULT_MAX_RECEIVE_COUNT,
        objectLock: config?.backups?.objectLock ?? "none",
        ...(replicationRegion !== undefined ? { replicationRegion } : {}),
        ...(crossCloudCopyProject !== undefined ? { crossCloudCopyProject } : {}),
    };
}

export function resolveGcpDataSettings(config: GcpDataConfig | undefined, profile: EnvironmentProfile): GcpDataSettings {
    const copy = config?.backups?.crossCloudCopy;
    return {
        size: config?.size ?? defaultDataSize(profile),
        readReplicas: config?.postgres?.readReplicas ?? 0,
        maxReceiveCount: config?.queue?.maxReceiveCount ?? DEFAULT_MAX_RECEIVE_COUNT,
        objectLock: config?.backups?.objectLock ?? "none",
        ...(copy !== undefined
            ? {
                  crossCloudCopySource: {
                      awsAccountId: copy.sourceAwsAccountId,
                      environment: copy.sourceEnvironment ?? DEFAULT_CROSS_CLOUD_COPY_SOURCE.environment,
                      region: copy.sourceRegion ?? DEFAULT_CROSS_CLOUD_COPY_SOURCE.region,
                  },
              }
            : {}),
    };
}
