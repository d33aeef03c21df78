/**
 * GrafanaDashboards: the platform's dashboards (see {@link platformDashboards}) as ConfigMaps the
 * Grafana sidecar loads, in the monitoring namespace. The monitoring stack (kube-prometheus-stack)
 * owns Grafana, its sidecar and the namespace; this component only ships dashboards, so it can be
 * deployed before or after a Grafana upgrade.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { checkPattern, type ComponentNaming, type Issue, NAME_SEGMENT_PATTERN, PlatformComponent } from "@platform/core";
import { platformDashboards } from "./catalog.js";
import { checkDashboards } from "./check.js";
import { dashboardConfigMapManifest } from "./configmap.mjs";
import type { DashboardModel } from "./dashboard.js";
import { type SloDashboardSpec, validateSloDashboardSpecs } from "./slo.js";
import { MONITORING_NAMESPACE } from "../constants.js";

/** A ConfigMap holds at most 1 MiB: a dashboard over it cannot be provisioned this way. */
export const CONFIGMAP_MAX_BYTES = 1024 * 1024;

export interface GrafanaDashboardsArgs {
    /** Project and environment (the component contract's naming; dashboards are the same in every environment). */
    readonly naming: ComponentNaming;
    /**
     * Namespace of Grafana and its dashboard sidecar: the ConfigMaps go there.
     * @default "monitoring" (kube-prometheus-stack's namespace; the sidecar searches its own namespace by default)
     */
    readonly namespace?: string;
    /**
     * One SLO dashboard per spec (service).
     * @default [] (none: a service adds its spec, see the package README)
     */
    readonly slos?: readonly SloDashboardSpec[];
    /**
     * Grafana folder of the dashboards, through the `grafana_folder` annotation (effective when the
     * chart's `sidecar.dashboards.folderAnnotation` is `grafana_folder`; otherwise the sidecar's folder).
     * @default "Platform" (apart from dashboards people make by hand)
     */
    readonly folder?: string;
    /**
     * Labels on every ConfigMap besides the sidecar's `grafana_dashboard: "1"` (team, environment).
     * @default {}
     */
    readonly labels?: Readonly<Record<string, string>>;
}

/** Pass the cluster's kubernetes provider in `providers`. */
export class GrafanaDashboards extends PlatformComponent {
    /** The uids of the provisioned dashboards, in order (links: `/d/<uid>`). */
    readonly dashboardUids: pulumi.Output<string[]>;
    /** The names of their ConfigMaps, in the same order. */
    readonly configMapNames: pulumi.Output<string[]>;

    constructor(name: string, args: GrafanaDashboardsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:observability:GrafanaDashboards", name, args.naming, opts);
        const namespace = args.namespace ?? MONITORING_NAMESPACE;
        const folder = args.folder ?? "Platform";
        this.validate(validateGrafanaDashboardsArgs(args));

        const dashboards = platformDashboards({ slos: args.slos ?? [] });
        const configMaps = dashboards.map((dashboard) => {
            const uid = dashboard.uid as string;
            return new k8s.core.v1.ConfigMap(
                this.childName(uid),
                dashboardConfigMapManifest({
                    name: dashboardConfigMapName(uid),
                    namespace,
                    folder,
                    labels: args.labels ?? {},
                    dashboard,
                }),
                this.childOptions(),
            );
        });
        this.dashboardUids = pulumi.output(dashboards.map((d) => d.uid as string));
        this.configMapNames = pulumi.all(configMaps.map((c) => c.metadata.name));
        this.complete("dashboardUids", "configMapNames");
    }
}

/** The ConfigMap of a dashboard: `dashboard-<uid>`. */
export function dashboardConfigMapName(uid: string): string {
    return `dashboard-${uid}`;
}

/**
 * Every problem with GrafanaDashboards' arguments: the namespace, the folder, the SLO specs, then
 * (when the specs are sound) every problem of the dashboards they make ({@link checkDashboards})
 * and any dashboard too large for a ConfigMap.
 */
export function validateGrafanaDashboardsArgs(args: GrafanaDashboardsArgs): Issue[] {
    const issues: Issue[] = [];
    const namespace = args.namespace ?? MONITORING_NAMESPACE;
    issues.push(...checkPattern("namespace", namespace, NAME_SEGMENT_PATTERN, "a Kubernetes namespace name, e.g. monitoring"));
    if (typeof namespace === "string" && namespace.length > 63) {
        issues.push({
            field: "namespace",
            value: namespace,
            problem: "is longer than 63 characters",
            fix: "use a namespace name of at most 63 characters",
        });
    }
    const folder = args.folder ?? "Platform";
    if (typeof folder !== "string" || folder.trim() === "") {
        issues.push({ field: "folder", value: folder, problem: "is empty", fix: 'name a Grafana folder, e.g. "Platform"' });
    }
    const sloIssues = validateSloDashboardSpecs(args.slos ?? []);
    issues.push(...sloIssues);
    if (sloIssues.length === 0) {
        const dashboards = platformDashboards({ slos: args.slos ?? [] });
        issues.push(...checkDashboards(dashboards), ...checkSizes(dashboards));
    }
    return issues;
}

function checkSizes(dashboards: readonly DashboardModel[]): Issue[] {
    return dashboards.flatMap((d) => {
        const bytes = Buffer.byteLength(JSON.stringify(d, null, 2), "utf8");
        return bytes <= CONFIGMAP_MAX_BYTES
            ? []
            : [
                  {
                      field: `dashboards[${JSON.stringify(d.title)}]`,
                      value: `${bytes} bytes`,
                      problem: `is larger than a ConfigMap can hold (${CONFIGMAP_MAX_BYTES} bytes)`,
                      fix: "split the dashboard",
                  },
              ];
    });
}
