/** The Velero Helm release both clouds install: pinned chart and images, fixed namespace and service account. */
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type { Children } from "../component.js";
import { VELERO_CHART, VELERO_NAMESPACE, type veleroValues } from "./velero-values.js";

export function veleroRelease(
    children: Children,
    args: {
        provider: k8s.Provider;
        chartVersion: string;
        values: pulumi.Input<ReturnType<typeof veleroValues>>;
        dependsOn: pulumi.Resource[];
    },
): k8s.helm.v3.Release {
    return new k8s.helm.v3.Release(
        children.name("release"),
        {
            name: "velero",
            namespace: VELERO_NAMESPACE,
            createNamespace: true,
            chart: VELERO_CHART.name,
            version: args.chartVersion,
            repositoryOpts: { repo: VELERO_CHART.repository },
            values: args.values,
            atomic: true,
            cleanupOnFail: true,
            timeout: 600,
            maxHistory: 10,
        },
        children.options({ provider: args.provider, dependsOn: args.dependsOn }),
    );
}
