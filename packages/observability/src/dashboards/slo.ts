/**
 * An SLO dashboard per service, generated from a small spec: the service, its objective and two
 * PromQL queries (good events, all events) with a `{{window}}` placeholder for the range. Panels:
 * availability over the SLO window, error budget remaining, burn rate over the windows of the
 * multi-window, multi-burn-rate alerts (5m, 1h, 6h, 3d), and the short-term SLI against the
 * objective. Queries are computed from the spec, not from recording rules, so the dashboard works
 * whatever rules are deployed.
 */
import { checkPattern, checkUnique, checkWholeNumber, type Issue, NAME_SEGMENT_PATTERN } from "@platform/core";
import { DASHBOARD_UID_PREFIX, type DashboardModel, platformDashboard } from "./dashboard.js";
import { statPanel, timeseriesPanel } from "./panels.js";
import { promqlSyntaxError } from "./promql.js";

/** The placeholder the spec's queries carry where the range goes: `rate(x[{{window}}])`. */
export const SLO_WINDOW_PLACEHOLDER = "{{window}}";

/** Grafana uids are at most 40 characters. */
export const GRAFANA_UID_MAX_LENGTH = 40;

const SLO_UID_PREFIX = "slo-";

/** The longest service name whose dashboard uid (`platform-slo-<service>`) fits Grafana's 40 characters. */
export const SLO_SERVICE_MAX_LENGTH = GRAFANA_UID_MAX_LENGTH - DASHBOARD_UID_PREFIX.length - SLO_UID_PREFIX.length;

/** The burn-rate windows drawn: those of the page (1h/5m, 6h) and ticket (3d) alerts. */
export const BURN_RATE_WINDOWS = ["5m", "1h", "6h", "3d"] as const;

/** Burn-rate thresholds drawn on the burn-rate panel: ticket (1x), slow page (6x), fast page (14.4x). */
export const BURN_RATE_THRESHOLDS = [1, 6, 14.4] as const;

/** One service's SLO, as the dashboard needs it. */
export interface SloDashboardSpec {
    /** The service: a name segment (`docuthinker-api`), at most 27 characters (it is part of the dashboard uid). */
    readonly service: string;
    /** Target ratio of good events, strictly between 0 and 1: `0.999` for seed 001's "Availability > 99.9%". */
    readonly objective: number;
    /**
     * PromQL for the rate of good events over `{{window}}`, one series:
     * `sum(rate(http_requests_total{job="api",code!~"5.."}[{{window}}]))`.
     */
    readonly goodQuery: string;
    /** PromQL for the rate of all events over `{{window}}`, one series: `sum(rate(http_requests_total{job="api"}[{{window}}]))`. */
    readonly totalQuery: string;
    /**
     * The SLO window in days: availability and budget are measured over it.
     * @default 30 (seed 001's `sli:availability:ratio_rate30d`; Prometheus retention must cover it)
     */
    readonly windowDays?: number;
}

/** The SLO windows allowed: a day to a quarter (longer outlives the retention of any profile). */
const WINDOW_DAYS_RANGE = { min: 1, max: 90 } as const;

function ratio(spec: SloDashboardSpec, window: string): string {
    const fill = (q: string): string => q.split(SLO_WINDOW_PLACEHOLDER).join(window);
    return `(${fill(spec.goodQuery)}) / (${fill(spec.totalQuery)})`;
}

/** The queries of a service's SLO dashboard. */
export function sloQueries(spec: SloDashboardSpec): {
    availability: string;
    errorBudgetRemaining: string;
    burnRate: (window: string) => string;
    sli5m: string;
} {
    const window = `${spec.windowDays ?? 30}d`;
    const budget = 1 - spec.objective;
    // Budget fractions print as 0.0010000000000000009 in floating point: round to 12 digits.
    const budgetText = String(Number(budget.toPrecision(12)));
    return {
        availability: ratio(spec, window),
        errorBudgetRemaining: `1 - (1 - (${ratio(spec, window)})) / ${budgetText}`,
        burnRate: (w) => `(1 - (${ratio(spec, w)})) / ${budgetText}`,
        sli5m: ratio(spec, "5m"),
    };
}

/** The dashboard uid of a service's SLO: `platform-slo-<service>`. */
export function sloDashboardUid(service: string): string {
    return `${DASHBOARD_UID_PREFIX}${SLO_UID_PREFIX}${service}`;
}

export function sloDashboard(spec: SloDashboardSpec): DashboardModel {
    const q = sloQueries(spec);
    const days = spec.windowDays ?? 30;
    const objectivePercent = `${Number((spec.objective * 100).toPrecision(12))}%`;
    return platformDashboard({
        uid: `${SLO_UID_PREFIX}${spec.service}`,
        title: `SLO: ${spec.service}`,
        description: `${spec.service}: objective ${objectivePercent} of good events over ${days} days; error budget and burn rates.`,
        tags: ["slo", spec.service],
        timeFrom: "now-7d",
        sections: [
            {
                panels: [
                    statPanel({
                        title: `Availability (${days}d)`,
                        description: `Good events over all events in the last ${days} days; the objective is ${objectivePercent}.`,
                        unit: "percentunit",
                        queries: [{ expr: q.availability, legend: "availability" }],
                        thresholds: [
                            { value: null, color: "red" },
                            { value: spec.objective, color: "green" },
                        ],
                        width: 8,
                        height: 6,
                    }),
                    statPanel({
                        title: "Error budget remaining",
                        description: `The share of the ${days}-day error budget (${Number((1 - spec.objective).toPrecision(12))} of events) not yet spent; below 0 the SLO is missed.`,
                        unit: "percentunit",
                        queries: [{ expr: q.errorBudgetRemaining, legend: "budget remaining" }],
                        thresholds: [
                            { value: null, color: "red" },
                            { value: 0, color: "orange" },
                            { value: 0.25, color: "green" },
                        ],
                        width: 8,
                        height: 6,
                    }),
                    statPanel({
                        title: "Burn rate (1h)",
                        description: "How fast the budget burns over the last hour: 1 spends it exactly over the window, 14.4 pages.",
                        unit: "short",
                        queries: [{ expr: q.burnRate("1h"), legend: "1h" }],
                        thresholds: burnRateSteps(),
                        width: 8,
                        height: 6,
                    }),
                    timeseriesPanel({
                        title: "Burn rate",
                        description:
                            "Error rate over the budget, per alert window: 14.4x over 1h and 5m or 6x over 6h page, 1x over 3d opens a ticket.",
                        unit: "short",
                        min: 0,
                        queries: BURN_RATE_WINDOWS.map((w) => ({ expr: q.burnRate(w), legend: w })),
                        thresholds: burnRateSteps(),
                        thresholdLines: true,
                        width: 12,
                        height: 9,
                    }),
                    timeseriesPanel({
                        title: "Availability (5m)",
                        description: `Good events over all events per 5 minutes, against the ${objectivePercent} objective.`,
                        unit: "percentunit",
                        queries: [{ expr: q.sli5m, legend: "availability" }],
                        thresholds: [
                            { value: null, color: "red" },
                            { value: spec.objective, color: "green" },
                        ],
                        thresholdLines: true,
                        width: 12,
                        height: 9,
                    }),
                ],
            },
        ],
    });
}

function burnRateSteps(): Array<{ value: number | null; color: string }> {
    const colors = ["yellow", "orange", "red"];
    return [{ value: null, color: "green" }, ...BURN_RATE_THRESHOLDS.map((value, i) => ({ value, color: colors[i] }))];
}

/** Every problem with the SLO specs, each under `<field>[<index>]`. */
export function validateSloDashboardSpecs(specs: readonly SloDashboardSpec[], field = "slos"): Issue[] {
    const issues: Issue[] = [];
    specs.forEach((spec, i) => {
        const at = `${field}[${i}]`;
        issues.push(
            ...checkPattern(
                `${at}.service`,
                spec.service,
                NAME_SEGMENT_PATTERN,
                "a name segment (lowercase letters and digits separated by single hyphens), e.g. docuthinker-api",
            ),
        );
        if (typeof spec.service === "string" && spec.service.length > SLO_SERVICE_MAX_LENGTH) {
            issues.push({
                field: `${at}.service`,
                value: spec.service,
                problem: `is longer than ${SLO_SERVICE_MAX_LENGTH} characters: the dashboard uid ${sloDashboardUid(spec.service)} would pass Grafana's ${GRAFANA_UID_MAX_LENGTH}`,
                fix: `shorten the service name to ${SLO_SERVICE_MAX_LENGTH} characters`,
            });
        }
        if (!(typeof spec.objective === "number" && spec.objective > 0 && spec.objective < 1)) {
            issues.push({
                field: `${at}.objective`,
                value: spec.objective,
                problem: "must be a ratio strictly between 0 and 1 (1 leaves no error budget)",
                fix: "use the share of good events, e.g. 0.999 for 99.9%",
            });
        }
        if (spec.windowDays !== undefined) {
            issues.push(...checkWholeNumber(`${at}.windowDays`, spec.windowDays, WINDOW_DAYS_RANGE));
        }
        for (const key of ["goodQuery", "totalQuery"] as const) {
            issues.push(...checkSloQuery(`${at}.${key}`, spec[key]));
        }
    });
    issues.push(
        ...checkUnique(
            field,
            specs.map((s) => s.service),
            "service",
        ),
    );
    return issues;
}

function checkSloQuery(field: string, query: unknown): Issue[] {
    if (typeof query !== "string" || !query.includes(SLO_WINDOW_PLACEHOLDER)) {
        return [
            {
                field,
                value: query,
                problem: `has no ${SLO_WINDOW_PLACEHOLDER} placeholder for the range`,
                fix: `write the range as [${SLO_WINDOW_PLACEHOLDER}], e.g. sum(rate(http_requests_total{job="api"}[${SLO_WINDOW_PLACEHOLDER}]))`,
            },
        ];
    }
    const error = promqlSyntaxError(query.split(SLO_WINDOW_PLACEHOLDER).join("5m"));
    return error === undefined ? [] : [{ field, value: query, problem: error, fix: "correct the PromQL expression" }];
}
