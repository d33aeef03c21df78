/**
 * PrometheusOperatorCrds: the prometheus-operator CRDs (ServiceMonitor, PodMonitor, PrometheusRule...)
 * from the prometheus-community chart, first, so the add-ons and every Workload can ship their
 * ServiceMonitors before the observability layer runs the operator. Helm keeps CRDs on uninstall.
 */
import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { PlatformComponent } from "@platform/core";
import { CHARTS } from "./charts.js";
import type { AddonContext } from "./placement.js";
import { chartRelease } from "./release.js";

export interface PrometheusOperatorCrdsArgs {
    readonly context: AddonContext;
}

/** Pass the cluster's kubernetes provider in `providers`. */
export class PrometheusOperatorCrds extends PlatformComponent {
    readonly release: k8s.helm.v3.Release;
    readonly releaseName: pulumi.Output<string>;

    constructor(name: string, args: PrometheusOperatorCrdsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:addons:PrometheusOperatorCrds", name, args.context.naming, opts);
        this.release = chartRelease(
            this.childName("release"),
            { name: "prometheus-operator-crds", namespace: "kube-system", pin: CHARTS.prometheusOperatorCrds, values: {} },
            this.childOptions(),
        );
        this.releaseName = this.release.name;
        this.complete("releaseName");
    }
}
