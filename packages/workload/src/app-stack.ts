/**
 * What an app team's stack needs to deploy Workloads onto an environment: the validated platform
 * settings (the same `environments/Pulumi.<env>.yaml`), the cloud provider, the cluster's
 * kubernetes provider from the cluster contract's kubeconfig, the cluster as identities need it,
 * and the platform contract (secret store, KEDA authentication, ingress classes), all read
 * through typed stack references in this stack's organization for the same environment.
 */
import * as pulumi from "@pulumi/pulumi";
import { clusterProvider } from "@platform/cluster";
import {
    type AwsClusterOutputs,
    type CloudProvider,
    createCloudProvider,
    edgeServes,
    type GcpClusterOutputs,
    loadPlatformSettings,
    type PlatformOutputs,
    type PlatformSettings,
    publicEdgeHostnames,
    resourceName,
    TypedStackReference,
} from "@platform/core";
import type * as k8s from "@pulumi/kubernetes";
import type { IdentityCluster } from "./identity.js";

/** The platform layer's Pulumi project (stacks/platform). */
export const PLATFORM_PROJECT = "platform-addons";

export interface AppStack {
    readonly settings: PlatformSettings;
    readonly provider: CloudProvider;
    readonly k8sProvider: k8s.Provider;
    readonly cluster: IdentityCluster;
    readonly platform: TypedStackReference<PlatformOutputs>;
    /** Resource options with both providers. */
    readonly providers: { readonly providers: pulumi.ProviderResource[] };
    /**
     * The public edge's Istio Gateway (`<namespace>/<name>`, the platform contract's
     * `istio.publicGateway`) when this environment's edge serves `host` (`publicEdgeHostnames`,
     * `edgeServes`), for a Workload's `publicRoute` or `workloadIngress`'s `publicGateway`;
     * undefined where it does not (no edge, or a name outside its certificate and DNS).
     */
    readonly publicGateway: (host: string) => pulumi.Output<string> | undefined;
}

/** Reads config and the lower layers' contracts; `app` names the kubernetes provider (`<project>-<env>-<app>-k8s`). */
export function appStack(app: string): AppStack {
    const settings = loadPlatformSettings();
    const provider = createCloudProvider(settings);
    const ref = <T extends object>(name: string, project: string) =>
        new TypedStackReference<T>(name, { organization: pulumi.getOrganization(), project, stack: pulumi.getStack() });
    const platform = ref<PlatformOutputs>("platform", PLATFORM_PROJECT);
    let cluster: IdentityCluster;
    let kubeconfig: pulumi.Output<string>;
    let clusterName: pulumi.Output<string>;
    if (settings.cloud === "aws") {
        const c = ref<AwsClusterOutputs>("cluster", "cluster");
        cluster = { cloud: "aws", clusterName: c.require("clusterName"), clusterArn: c.require("clusterArn") };
        kubeconfig = c.require("kubeconfig");
        clusterName = c.require("clusterName");
    } else {
        const c = ref<GcpClusterOutputs>("cluster", "cluster");
        cluster = { cloud: "gcp", project: settings.gcpProject };
        kubeconfig = c.require("kubeconfig");
        clusterName = c.require("clusterName");
    }
    const k8sProvider = clusterProvider(
        resourceName({ project: settings.project, environment: settings.environment, component: `${app}-k8s` }),
        {
            kubeconfig,
            clusterName,
        },
    );
    const edge = publicEdgeHostnames(settings);
    const publicGateway = (host: string) =>
        edge === undefined || !edgeServes(edge, host)
            ? undefined
            : platform.require("istio").apply((istio) => {
                  if (istio.publicGateway === null) {
                      throw new Error(
                          `${PLATFORM_PROJECT}/${pulumi.getStack()} istio.publicGateway = null: the edge of environment ${settings.environment} serves ${host}, but the platform layer exports no gateway for it. Fix: deploy the platform layer first`,
                      );
                  }
                  return istio.publicGateway;
              });
    return { settings, provider, k8sProvider, cluster, platform, providers: { providers: [provider, k8sProvider] }, publicGateway };
}
