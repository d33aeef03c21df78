/**
 * Panel builders the platform's dashboards share, on top of the foundation SDK's typed builders:
 * every query targets the Prometheus datasource by uid with an explicit refId, legends are shown,
 * thresholds are absolute. One place for these choices keeps the dashboards consistent.
 */
import type * as cog from "@grafana/grafana-foundation-sdk/cog";
import {
    GraphThresholdsStyleConfigBuilder,
    GraphThresholdsStyleMode,
    LegendDisplayMode,
    LegendPlacement,
    ReduceDataOptionsBuilder,
    VizLegendOptionsBuilder,
} from "@grafana/grafana-foundation-sdk/common";
import { type Panel, ThresholdsConfigBuilder, ThresholdsMode } from "@grafana/grafana-foundation-sdk/dashboard";
import * as gauge from "@grafana/grafana-foundation-sdk/gauge";
import { DataqueryBuilder } from "@grafana/grafana-foundation-sdk/prometheus";
import * as stat from "@grafana/grafana-foundation-sdk/stat";
import * as timeseries from "@grafana/grafana-foundation-sdk/timeseries";
import { PROMETHEUS_DATASOURCE } from "./datasources.js";

/** One PromQL query of a panel. */
export interface PromQuery {
    /** The PromQL expression (Grafana's `$__rate_interval` may stand for a range). */
    readonly expr: string;
    /** Legend template, e.g. `{{ instance }}`; Grafana's automatic legend when absent. */
    readonly legend?: string;
}

/** A threshold step: from `value` up (null: from minus infinity), drawn in `color`. */
export interface Step {
    readonly value: number | null;
    readonly color: string;
}

/** What every panel here takes. */
export interface PanelValues {
    readonly title: string;
    /** What the panel shows and why it matters: Grafana shows it on the panel's info icon. */
    readonly description: string;
    /** A Grafana unit id: `percentunit`, `s`, `reqps`, `bytes`, `short`... */
    readonly unit: string;
    readonly queries: readonly PromQuery[];
    /** Colour steps, lowest first. */
    readonly thresholds?: readonly Step[];
    /** Grid width out of 24. */
    readonly width: number;
    /** Grid height in rows of 30 px. */
    readonly height: number;
}

/** Green everywhere: a panel with no threshold. */
const NO_THRESHOLD: readonly Step[] = [{ value: null, color: "green" }];

function targets(queries: readonly PromQuery[]): Array<cog.Builder<cog.Dataquery>> {
    return queries.map((q, i) => {
        const target = new DataqueryBuilder()
            .refId(String.fromCharCode(65 + i))
            .datasource({ ...PROMETHEUS_DATASOURCE })
            .expr(q.expr);
        return q.legend === undefined ? target : target.legendFormat(q.legend);
    });
}

function thresholds(steps: readonly Step[] | undefined): ThresholdsConfigBuilder {
    return new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps((steps ?? NO_THRESHOLD).map((s) => ({ ...s })));
}

/**
 * A time series panel: the trend of each query. `thresholdLines` draws the thresholds as dashed
 * lines (an objective, an alert level) so a reader sees how close a series is.
 */
export function timeseriesPanel(v: PanelValues & { readonly min?: number; readonly thresholdLines?: boolean }): cog.Builder<Panel> {
    const panel = new timeseries.PanelBuilder()
        .title(v.title)
        .description(v.description)
        .datasource({ ...PROMETHEUS_DATASOURCE })
        .targets(targets(v.queries))
        .unit(v.unit)
        .thresholds(thresholds(v.thresholds))
        .legend(new VizLegendOptionsBuilder().showLegend(true).displayMode(LegendDisplayMode.List).placement(LegendPlacement.Bottom))
        .thresholdsStyle(
            new GraphThresholdsStyleConfigBuilder().mode(
                v.thresholdLines === true ? GraphThresholdsStyleMode.Dashed : GraphThresholdsStyleMode.Off,
            ),
        )
        .span(v.width)
        .height(v.height);
    return v.min === undefined ? panel : panel.min(v.min);
}

/** A stat panel: the last value of each query, coloured by its thresholds. */
export function statPanel(v: PanelValues): cog.Builder<Panel> {
    return new stat.PanelBuilder()
        .title(v.title)
        .description(v.description)
        .datasource({ ...PROMETHEUS_DATASOURCE })
        .targets(targets(v.queries))
        .unit(v.unit)
        .thresholds(thresholds(v.thresholds))
        .reduceOptions(new ReduceDataOptionsBuilder().calcs(["lastNotNull"]))
        .span(v.width)
        .height(v.height);
}

/** A gauge: the last value of each query between `min` and `max`. */
export function gaugePanel(v: PanelValues & { readonly min: number; readonly max: number }): cog.Builder<Panel> {
    return new gauge.PanelBuilder()
        .title(v.title)
        .description(v.description)
        .datasource({ ...PROMETHEUS_DATASOURCE })
        .targets(targets(v.queries))
        .unit(v.unit)
        .min(v.min)
        .max(v.max)
        .thresholds(thresholds(v.thresholds))
        .reduceOptions(new ReduceDataOptionsBuilder().calcs(["lastNotNull"]))
        .span(v.width)
        .height(v.height);
}
