/**
 * One team's namespace on an environment and the Workload settings every workload in it shares,
 * from the environment's config: its names, the trusted registries, the replica floor, zone
 * spreading where the cluster spans zones, and the cluster its identities bind to. App stacks
 * spread `defaults` into each Workload and deploy with `after` (both providers, the namespace
 * first), so a service is its own few lines.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { AppStack } from "./app-stack.js";
import { PlatformNamespace } from "./namespace.js";
import type { WorkloadArgs } from "./workload.js";

/** What every Workload of the team in the namespace shares. */
export type TeamDefaults = Required<
    Pick<WorkloadArgs, "naming" | "namespace" | "team" | "trustedRegistries" | "minReplicasFloor" | "zoneSpread" | "identity">
>;

export interface TeamSpace {
    readonly namespace: PlatformNamespace;
    readonly defaults: TeamDefaults;
    /** Resource options for the team's resources: both providers, after the namespace. */
    readonly after: pulumi.CustomResourceOptions & pulumi.ComponentResourceOptions;
}

/**
 * The namespace `namespace` (component `name`) labelled with the team and environment (plus
 * `labels`), and the team's Workload defaults.
 */
export function teamSpace(
    app: AppStack,
    args: { readonly name: string; readonly namespace: string; readonly team: string; readonly labels?: Readonly<Record<string, string>> },
): TeamSpace {
    const { settings } = app;
    const naming = { project: settings.project, environment: settings.environment };
    const namespace = new PlatformNamespace(
        args.name,
        {
            naming,
            namespace: args.namespace,
            kubernetesVersion: settings.profile.cluster.kubernetesVersion,
            labels: { team: args.team, environment: settings.environment, ...args.labels },
        },
        app.providers,
    );
    return {
        namespace,
        defaults: {
            naming,
            namespace: args.namespace,
            team: args.team,
            trustedRegistries: settings.platform.trustedRegistries,
            minReplicasFloor: settings.profile.minReplicas,
            zoneSpread: settings.profile.cluster.nodeZones > 1,
            identity: { cluster: app.cluster },
        },
        after: { ...app.providers, dependsOn: [namespace] },
    };
}
