/** The platform's dashboards as JSON models: a pure function, what the GrafanaDashboards component provisions. */
import { formatIssues } from "@platform/core";
import { clusterDashboard } from "./cluster.js";
import type { DashboardModel } from "./dashboard.js";
import { databaseDashboard } from "./database.js";
import { type SloDashboardSpec, sloDashboard, validateSloDashboardSpecs } from "./slo.js";
import { systemOverviewDashboard } from "./system-overview.js";

export interface PlatformDashboardsOptions {
    /**
     * One SLO dashboard per spec (service).
     * @default [] (no SLO dashboard: each service adds its own spec)
     */
    readonly slos?: readonly SloDashboardSpec[];
}

/**
 * System overview (seed 000), cluster and nodes, PostgreSQL, then one SLO dashboard per spec, in
 * that order. Throws listing every problem of the SLO specs.
 */
export function platformDashboards(options: PlatformDashboardsOptions = {}): DashboardModel[] {
    const slos = options.slos ?? [];
    const issues = validateSloDashboardSpecs(slos);
    if (issues.length > 0) {
        throw new Error(formatIssues("Invalid SLO dashboard specs", issues));
    }
    return [systemOverviewDashboard(), clusterDashboard(), databaseDashboard(), ...slos.map(sloDashboard)];
}
