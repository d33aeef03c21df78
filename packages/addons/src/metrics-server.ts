/**
 * MetricsServer: the resource metrics API HPAs read (`metrics.k8s.io`), replicated with a
 * disruption budget. EKS only: GKE runs its own metrics-server, and a second one would fight over
 * the same APIService.
 */
import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { type Issue, PlatformComponent } from "@platform/core";
import { CHARTS } from "./charts.js";
import { checkReplicas, disruptionBudget } from "./common.js";
import { type AddonContext, controllerPlacement, zoneSpread } from "./placement.js";
import { chartRelease } from "./release.js";

export interface MetricsServerArgs {
    readonly context: AddonContext;
    readonly replicas: number;
}

export class MetricsServer extends PlatformComponent {
    readonly release: k8s.helm.v3.Release;
    readonly releaseName: pulumi.Output<string>;

    constructor(name: string, args: MetricsServerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:addons:MetricsServer", name, args.context.naming, opts);
        this.validate(validateMetricsServerArgs(args));
        const place = controllerPlacement(args.context.onSystemNodes);
        const pdb = disruptionBudget(args.replicas);
        this.release = chartRelease(
            this.childName("release"),
            {
                name: "metrics-server",
                namespace: "kube-system",
                pin: CHARTS.metricsServer,
                values: {
                    replicas: args.replicas,
                    podDisruptionBudget: pdb.enabled ? { enabled: true, maxUnavailable: 1 } : { enabled: false },
                    nodeSelector: place.nodeSelector,
                    tolerations: place.tolerations,
                    topologySpreadConstraints: zoneSpread({ "app.kubernetes.io/name": "metrics-server" }),
                    resources: { requests: { cpu: "100m", memory: "200Mi" }, limits: { memory: "500Mi" } },
                    metrics: { enabled: true },
                    serviceMonitor: { enabled: true },
                },
            },
            this.childOptions(),
        );
        this.releaseName = this.release.name;
        this.complete("releaseName");
    }
}

export function validateMetricsServerArgs(args: MetricsServerArgs): Issue[] {
    const issues = checkReplicas("replicas", args.replicas);
    if (args.context.cloud === "gcp") {
        issues.push({
            field: "context.cloud",
            value: "gcp",
            problem: "GKE runs its own metrics-server",
            fix: "install MetricsServer on EKS only",
        });
    }
    return issues;
}
