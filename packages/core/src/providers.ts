/**
 * The cloud provider every layer's resources use. Ownership tags are set once here, as AWS
 * `defaultTags` / GCP `defaultLabels`, so no resource can miss them; the region and project come
 * from validated settings, never from ambient credentials or environment variables.
 */
import * as aws from "@pulumi/aws";
import * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import type { AwsSettings, PlatformSettings } from "./config/settings.js";
import { resourceName } from "./naming.js";
import { gcpLabels } from "./tags.js";

export type CloudProvider = aws.Provider | gcp.Provider;

/** Creates the AWS or GCP provider for the stack's cloud. */
export function createCloudProvider(settings: PlatformSettings, opts?: pulumi.CustomResourceOptions): CloudProvider {
    // Logical name only (providers have no physical name); stable across layers of one environment.
    const name = resourceName({ project: settings.project, environment: settings.environment, component: settings.cloud });
    if (settings.cloud === "aws") {
        return new aws.Provider(
            name,
            {
                region: settings.region as aws.Region,
                defaultTags: { tags: { ...settings.ownership } },
                // Refuse to run against any other account: a prod config never lands in a dev account.
                allowedAccountIds: settings.awsAccountId ? [settings.awsAccountId] : undefined,
            },
            opts,
        );
    }
    return new gcp.Provider(
        name,
        {
            project: settings.gcpProject,
            region: settings.region,
            defaultLabels: gcpLabels(settings.ownership),
        },
        opts,
    );
}

/**
 * An AWS provider for another region of the same account (a replica bucket, a second-region key):
 * the same ownership tags and account pin as {@link createCloudProvider}'s, named
 * `<project>-<env>-aws-<region>`.
 */
export function createAwsProviderInRegion(settings: AwsSettings, region: string, opts?: pulumi.CustomResourceOptions): aws.Provider {
    const name = resourceName({ project: settings.project, environment: settings.environment, component: `aws-${region}` });
    return new aws.Provider(
        name,
        {
            region: region as aws.Region,
            defaultTags: { tags: { ...settings.ownership } },
            allowedAccountIds: settings.awsAccountId ? [settings.awsAccountId] : undefined,
        },
        opts,
    );
}
