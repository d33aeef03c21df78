/**
 * The one way the platform installs a Helm chart: a `kubernetes.helm.v3.Release` (a real Helm
 * release, visible to `helm list`) of a pinned chart from its repository, atomic (a failed install
 * or upgrade rolls back), cleaned up on failure, ten revisions of history, CRDs installed by Helm
 * on first install, and never a namespace created by Helm (the platform creates namespaces with
 * their Pod Security labels first).
 */
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type { ChartPin } from "./charts.js";

export interface ReleaseSpec<V extends object> {
    /** The Helm release name. */
    readonly name: string;
    readonly namespace: string;
    readonly pin: ChartPin;
    /** The chart's values, typed for what the platform sets. */
    readonly values: V;
    /** Seconds Helm waits for the release's resources. @default 600 */
    readonly timeoutSeconds?: number;
}

export function chartRelease<V extends object>(
    logicalName: string,
    spec: ReleaseSpec<V>,
    opts: pulumi.CustomResourceOptions,
): k8s.helm.v3.Release {
    return new k8s.helm.v3.Release(
        logicalName,
        {
            name: spec.name,
            namespace: spec.namespace,
            chart: spec.pin.chart,
            version: spec.pin.version,
            repositoryOpts: { repo: spec.pin.repository },
            createNamespace: false,
            atomic: true,
            cleanupOnFail: true,
            maxHistory: 10,
            timeout: spec.timeoutSeconds ?? 600,
            values: spec.values as Record<string, unknown>,
        },
        opts,
    );
}
