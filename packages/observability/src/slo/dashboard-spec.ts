/**
 * One SLO spec for rules and dashboards: the dashboard of a service's SLO is drawn from the same
 * spec that generates its recording rules and burn-rate alerts, so the two never disagree on the
 * objective or on what counts as a good event.
 */
import type { SloDashboardSpec } from "../dashboards/slo.js";
import type { SloSpec } from "./spec.js";

/** The dashboard spec of an SLO: its counters as per-second rates over the dashboard's window. */
export function sloDashboardSpec(spec: SloSpec): SloDashboardSpec {
    return {
        service: spec.service,
        objective: spec.objective,
        goodQuery: `sum(rate(${spec.good}[{{window}}]))`,
        totalQuery: `sum(rate(${spec.total}[{{window}}]))`,
    };
}
