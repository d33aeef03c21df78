/**
 * The nightly drift identity's read access to the cluster (the security layer's
 * `<project>-<env>-ci-drift`): on EKS an access entry with the admin-view policy
 * (`EksViewerAccess`), on GKE the RBAC grant to read Secrets that IAM's Kubernetes Engine Viewer
 * leaves out (`GkeSecretsReader`); refreshing a Helm release reads the release's Secret.
 *
 * It lives here rather than in the cluster layer so that the cluster does not wait for the
 * security layer: EKS accepts an access entry only for an existing role, and this layer names the
 * role without reading the security stack (`NAMED_DEPENDENCIES` in
 * packages/automation/src/workspace/layers.ts), so the registry runs security before it and beside
 * the cluster and data layers.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EksViewerAccess, GkeSecretsReader } from "@platform/cluster";
import { ciIdentityName, type CloudProvider, EKS_CLUSTER_COMPONENT, type PlatformSettings } from "@platform/core";
import type { Upstream } from "./upstream.js";

/** The component name of the drift identity's access (the GKE one keeps the cluster layer's former name). */
export const DRIFT_ACCESS_COMPONENT = { aws: "ci-drift-viewer", gcp: "ci-drift-reader" } as const;

/** The drift identity as the security layer returns it (the root one-stack program passes it); by its name otherwise. */
export interface DriftIdentity {
    /** AWS: the nightly drift job's read-only role (the security layer's `ciDriftRoleArn`); null without one. */
    readonly ciDriftRoleArn?: pulumi.Input<string | null>;
}

/**
 * The drift role's ARN: the security layer's result when given, else its name in this account
 * (the registry has this layer depend on security, so the role exists).
 */
function driftRoleArn(
    naming: { project: string; environment: string },
    provider: aws.Provider,
    given: DriftIdentity,
): pulumi.Output<string> {
    const byName = pulumi
        .all([aws.getPartitionOutput({}, { provider }).partition, aws.getCallerIdentityOutput({}, { provider }).accountId])
        .apply(([partition, account]) => `arn:${partition}:iam::${account}:role/${ciIdentityName(naming, "drift")}`);
    return given.ciDriftRoleArn === undefined
        ? byName
        : pulumi.all([given.ciDriftRoleArn, byName]).apply(([arn, fallback]) => arn ?? fallback);
}

/** The logical name the drift role's entry and association had as children of the cluster layer's EksCluster. */
export const FORMER_EKS_VIEWER_NAME = `${EKS_CLUSTER_COMPONENT}-viewer-ci-drift`;

/**
 * Gives the entry and its association their former address as aliases: in the one-stack program
 * they were EksCluster's children, and without the alias an update would create the new entry
 * before deleting the old one, which EKS refuses (one entry per principal). In a layer stack the
 * alias matches nothing: there the cluster layer deletes the old entry first (the registry's order).
 */
export function formerEksClusterChild(args: pulumi.ResourceTransformationArgs): pulumi.ResourceTransformationResult | undefined {
    if (args.type !== "aws:eks/accessEntry:AccessEntry" && args.type !== "aws:eks/accessPolicyAssociation:AccessPolicyAssociation") {
        return undefined;
    }
    const parent = pulumi.createUrn(EKS_CLUSTER_COMPONENT, "platform:cluster:EksCluster");
    return { props: args.props, opts: pulumi.mergeOptions(args.opts, { aliases: [{ name: FORMER_EKS_VIEWER_NAME, parent }] }) };
}

/**
 * The drift identity's access, when the environment has one (`platform:security.github`); undefined
 * otherwise. `opts` carries the cloud and kubernetes providers and the environment's protection.
 */
export function driftAccess(
    settings: PlatformSettings,
    provider: CloudProvider,
    upstream: Upstream,
    identity: DriftIdentity,
    opts: pulumi.ComponentResourceOptions,
): EksViewerAccess | GkeSecretsReader | undefined {
    if (settings.security.drift === undefined) {
        return undefined;
    }
    const naming = { project: settings.project, environment: settings.environment };
    if (upstream.cloud === "aws") {
        if (!(provider instanceof aws.Provider)) {
            throw new Error(`platform layer: the cluster is on aws but the provider is ${provider.constructor.name}`);
        }
        return new EksViewerAccess(
            DRIFT_ACCESS_COMPONENT.aws,
            {
                naming,
                // Through the ARN's output: in the one-stack program the contract's name is a plain
                // string, and the entry must still wait for the cluster.
                clusterName: pulumi.all([upstream.clusterName, upstream.clusterArn]).apply(([name]) => name),
                roleArn: driftRoleArn(naming, provider, identity),
            },
            // `transformations`, not its successor `transforms`: these run in the program, under the
            // mock runtime too; `transforms` run in the engine, and the SDK's mocks hand them to
            // newResource without applying them, so synth would not show the alias.
            { ...opts, transformations: [...(opts.transformations ?? []), formerEksClusterChild] },
        );
    }
    if (settings.cloud !== "gcp") {
        throw new Error(`platform layer: the cluster is on gcp but settings say ${settings.cloud}`);
    }
    // Same name, type and parent as in the cluster layer: in the one-stack program the objects stay put.
    return new GkeSecretsReader(
        DRIFT_ACCESS_COMPONENT.gcp,
        {
            naming,
            serviceAccountEmail: `${ciIdentityName(naming, "drift", "gcpServiceAccount")}@${settings.gcpProject}.iam.gserviceaccount.com`,
        },
        opts,
    );
}
