/**
 * The settings every platform dashboard shares, and the model the rest of this package handles:
 * the JSON model Grafana imports, as the foundation SDK types it.
 */
import type * as cog from "@grafana/grafana-foundation-sdk/cog";
import { type Dashboard, DashboardBuilder, DashboardCursorSync, type Panel, RowBuilder } from "@grafana/grafana-foundation-sdk/dashboard";

/** A dashboard's JSON model (what the Grafana sidecar loads from a ConfigMap). */
export type DashboardModel = Dashboard;

/** Every platform dashboard's uid starts with this, so they never collide with hand-made ones. */
export const DASHBOARD_UID_PREFIX = "platform-";

/** Tag on every platform dashboard: Grafana's dashboard list filters on it. */
export const PLATFORM_TAG = "platform";

/** A group of panels under a row title (no title: panels at the top, before any row). */
export interface Section {
    readonly title?: string;
    readonly panels: ReadonlyArray<cog.Builder<Panel>>;
}

export interface DashboardValues {
    /** Without the {@link DASHBOARD_UID_PREFIX}: `system-overview` gives `platform-system-overview`. */
    readonly uid: string;
    readonly title: string;
    readonly description: string;
    /** Tags besides {@link PLATFORM_TAG}. */
    readonly tags: readonly string[];
    readonly sections: readonly Section[];
    /** Default time range, back from now: long enough to show a trend. */
    readonly timeFrom: string;
}

/**
 * A platform dashboard: read-only in the UI (changes go through code, the UI would be overwritten
 * at the next sync), UTC (on-call across zones reads one clock), a shared crosshair, refreshed
 * every minute (four Prometheus scrapes at the 15 s interval of seed O1), panels numbered in order.
 */
export function platformDashboard(v: DashboardValues): DashboardModel {
    const builder = new DashboardBuilder(v.title)
        .uid(`${DASHBOARD_UID_PREFIX}${v.uid}`)
        .description(v.description)
        .tags([PLATFORM_TAG, ...v.tags])
        .readonly()
        .timezone("utc")
        .tooltip(DashboardCursorSync.Crosshair)
        .refresh("1m")
        .time({ from: v.timeFrom, to: "now" });
    for (const section of v.sections) {
        if (section.title !== undefined) {
            builder.withRow(new RowBuilder(section.title));
        }
        for (const panel of section.panels) {
            builder.withPanel(panel);
        }
    }
    // Plain JSON, exactly what the ConfigMap carries (the SDK's query objects also hold a marker method).
    const model = JSON.parse(JSON.stringify(builder.build())) as DashboardModel;
    // Grafana keys panel state (links, edits, library panels) by id: give each a stable one, in order.
    model.panels = (model.panels ?? []).map((panel, i) => ({ ...panel, id: i + 1 }));
    return model;
}
