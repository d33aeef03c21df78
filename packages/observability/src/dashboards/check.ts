/**
 * The dashboard check: what would make a provisioned dashboard fail to load, overwrite another,
 * or show "No data" for a reason code can catch. Uids valid and unique, titles unique, every
 * panel's datasource provisioned, every panel with a query, every Prometheus query valid PromQL.
 * Each problem names the dashboard, the panel and the query in the platform's one error format.
 */
import type * as cog from "@grafana/grafana-foundation-sdk/cog";
import type { DataSourceRef } from "@grafana/grafana-foundation-sdk/common";
import type { Panel, RowPanel } from "@grafana/grafana-foundation-sdk/dashboard";
import { type Issue } from "@platform/core";
import type { DashboardModel } from "./dashboard.js";
import { PROVISIONED_DATASOURCES } from "./datasources.js";
import { promqlSyntaxError } from "./promql.js";
import { GRAFANA_UID_MAX_LENGTH } from "./slo.js";

/** Grafana's uid rule: letters, digits, `-` and `_`, 1 to 40 characters. */
export const GRAFANA_UID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

function isRow(panel: Panel | RowPanel): panel is RowPanel {
    return panel.type === "row";
}

/** Every panel of a dashboard that shows data: top-level ones and those inside collapsed rows, rows themselves left out. */
export function dataPanels(dashboard: DashboardModel): Panel[] {
    return (dashboard.panels ?? []).flatMap((p) => (isRow(p) ? p.panels : [p]));
}

/**
 * The fields every query type shares (the SDK types a query as an opaque variant): its refId, its
 * own datasource, and for Prometheus its expression.
 */
interface QueryFields {
    readonly refId?: string;
    readonly datasource?: DataSourceRef;
    readonly expr?: unknown;
}

function fieldsOf(target: cog.Dataquery): QueryFields {
    return target as unknown as QueryFields;
}

function describeRef(ref: DataSourceRef | undefined): string {
    return ref === undefined ? "(none)" : `${ref.type ?? "?"}/${ref.uid ?? "?"}`;
}

/**
 * Every problem of `dashboards` taken together (uids and titles must be unique across them),
 * against the datasources the monitoring stack provisions.
 */
export function checkDashboards(
    dashboards: readonly DashboardModel[],
    datasources: ReadonlyArray<Readonly<DataSourceRef>> = PROVISIONED_DATASOURCES,
): Issue[] {
    const issues: Issue[] = [];
    const known = (ref: DataSourceRef | undefined): boolean =>
        ref !== undefined && datasources.some((d) => d.uid === ref.uid && (ref.type === undefined || d.type === ref.type));
    const provisioned = datasources.map(describeRef).join(", ");

    const uids = dashboards.map((d) => d.uid);
    const titles = dashboards.map((d) => d.title);
    dashboards.forEach((dashboard, i) => {
        const at = `dashboards[${JSON.stringify(dashboard.title ?? `#${i}`)}]`;
        if (typeof dashboard.uid !== "string" || !GRAFANA_UID_PATTERN.test(dashboard.uid)) {
            issues.push({
                field: `${at}.uid`,
                value: dashboard.uid,
                problem: `is not a Grafana uid (1 to ${GRAFANA_UID_MAX_LENGTH} letters, digits, - and _)`,
                fix: "use a short uid such as platform-system-overview",
            });
        } else if (uids.indexOf(dashboard.uid) !== i) {
            issues.push({
                field: `${at}.uid`,
                value: dashboard.uid,
                problem: `is also the uid of ${JSON.stringify(dashboards[uids.indexOf(dashboard.uid)].title)}: one would overwrite the other`,
                fix: "give each dashboard its own uid",
            });
        }
        if (typeof dashboard.title !== "string" || dashboard.title.trim() === "") {
            issues.push({ field: `${at}.title`, value: dashboard.title, problem: "is empty", fix: "give the dashboard a title" });
        } else if (titles.indexOf(dashboard.title) !== i) {
            issues.push({
                field: `${at}.title`,
                value: dashboard.title,
                problem: "is also the title of another dashboard: Grafana refuses two of one title in a folder",
                fix: "give each dashboard its own title",
            });
        }
        for (const panel of dataPanels(dashboard)) {
            issues.push(...checkPanel(`${at}.panels[${JSON.stringify(panel.title ?? `#${panel.id ?? "?"}`)}]`, panel, known, provisioned));
        }
    });
    return issues;
}

function checkPanel(at: string, panel: Panel, known: (ref: DataSourceRef | undefined) => boolean, provisioned: string): Issue[] {
    const issues: Issue[] = [];
    const unknown = (field: string, ref: DataSourceRef | undefined): Issue => ({
        field,
        value: ref,
        problem:
            ref === undefined
                ? "is not set (Grafana would use whichever datasource is default)"
                : `is not a provisioned datasource (${provisioned})`,
        fix: "reference a provisioned datasource by uid, e.g. PROMETHEUS_DATASOURCE",
    });
    if (!known(panel.datasource)) {
        issues.push(unknown(`${at}.datasource`, panel.datasource));
    }
    const targets = panel.targets ?? [];
    if (targets.length === 0) {
        issues.push({ field: `${at}.targets`, value: [], problem: "has no query: the panel would show no data", fix: "add a query" });
    }
    targets.forEach((target, i) => {
        const fields = fieldsOf(target);
        const query = `${at}.targets[${JSON.stringify(fields.refId ?? String(i))}]`;
        const own = fields.datasource;
        if (own !== undefined && !known(own)) {
            issues.push(unknown(`${query}.datasource`, own));
        }
        if ((own ?? panel.datasource)?.type === "prometheus") {
            const expr = fields.expr;
            const error = typeof expr === "string" ? promqlSyntaxError(expr) : "is not set";
            if (error !== undefined) {
                issues.push({ field: `${query}.expr`, value: expr, problem: error, fix: "correct the PromQL expression" });
            }
        }
    });
    return issues;
}
