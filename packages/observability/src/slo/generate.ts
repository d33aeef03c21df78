/**
 * The rules of an SLO (Google SRE workbook, "Alerting on SLOs", multi-window multi-burn-rate):
 * the error ratio recorded over 5m, 30m, 1h, 6h and 3d (and 30d with the budget left, seed 001's
 * `slo:error_budget:remaining`), and three alerts, each firing only when a long and a short window
 * both burn faster than factor x (1 - objective): the long window makes it significant, the short
 * one makes it stop soon after the burn stops.
 */
import { type AlertRule, type RecordingRule, type RuleGroup, runbookUrl, type Severity } from "../rules/types.js";
import { errorBudget, type SloSpec, SloSpecError, validateSloSpecs } from "./spec.js";

/** The windows the error ratio is recorded over. */
export const SLO_WINDOWS = ["5m", "30m", "1h", "6h", "3d", "30d"] as const;
export type SloWindow = (typeof SLO_WINDOWS)[number];

export interface BurnRateAlert {
    readonly alert: string;
    /** Times the sustainable rate (the one that spends exactly the budget in 30 days). */
    readonly factor: number;
    readonly longWindow: SloWindow;
    readonly shortWindow: SloWindow;
    /** `critical` pages, `warning` opens a ticket. */
    readonly severity: Severity;
    readonly for: string;
    /** What the burn means for a 30-day budget. */
    readonly meaning: string;
}

/** 14.4x over 1h and 5m pages (2% of the budget in an hour), 6x over 6h and 30m pages (5% in 6 hours), 1x over 3d and 6h opens a ticket (10% in 3 days). */
export const BURN_RATE_ALERTS: readonly BurnRateAlert[] = [
    {
        alert: "ErrorBudgetFastBurn",
        factor: 14.4,
        longWindow: "1h",
        shortWindow: "5m",
        severity: "critical",
        for: "2m",
        meaning: "2% of the 30-day budget spent in 1 hour",
    },
    {
        alert: "ErrorBudgetSustainedBurn",
        factor: 6,
        longWindow: "6h",
        shortWindow: "30m",
        severity: "critical",
        for: "15m",
        meaning: "5% of the 30-day budget spent in 6 hours",
    },
    {
        alert: "ErrorBudgetSlowBurn",
        factor: 1,
        longWindow: "3d",
        shortWindow: "6h",
        severity: "warning",
        for: "1h",
        meaning: "10% of the 30-day budget spent in 3 days",
    },
];

/** The recorded error ratio of window `w`: `slo:sli_error:ratio_rate<w>`. */
export function errorRatioRecord(w: SloWindow): string {
    return `slo:sli_error:ratio_rate${w}`;
}

export const ERROR_BUDGET_REMAINING_RECORD = "slo:error_budget:remaining";

function percent(x: number): string {
    return `${Number((x * 100).toPrecision(6))}%`;
}

/** The recording rules and burn-rate alerts of one SLO, in one group `slo-<service>`. Throws SloSpecError listing every problem. */
export function sloRuleGroup(spec: SloSpec, runbookBaseUrl: string): RuleGroup {
    const [group] = sloRuleGroups([spec], runbookBaseUrl);
    return group;
}

/** One group per SLO; throws SloSpecError listing every problem of every spec first. */
export function sloRuleGroups(specs: readonly SloSpec[], runbookBaseUrl: string): RuleGroup[] {
    const issues = validateSloSpecs(specs);
    if (issues.length > 0) throw new SloSpecError(issues);
    return specs.map((spec) => build(spec, runbookBaseUrl));
}

function build(spec: SloSpec, runbookBaseUrl: string): RuleGroup {
    const budget = errorBudget(spec.objective);
    const service = `service="${spec.service}"`;
    const recordings: RecordingRule[] = SLO_WINDOWS.map((w) => ({
        record: errorRatioRecord(w),
        expr: `1 - (sum(rate(${spec.good}[${w}])) / sum(rate(${spec.total}[${w}])))`,
        labels: { service: spec.service },
    }));
    const remaining: RecordingRule = {
        record: ERROR_BUDGET_REMAINING_RECORD,
        expr: `1 - ${errorRatioRecord("30d")}{${service}} / ${budget}`,
        labels: { service: spec.service },
    };
    const alerts: AlertRule[] = BURN_RATE_ALERTS.map((b) => {
        const threshold = `(${b.factor} * ${budget})`;
        return {
            alert: b.alert,
            expr: `${errorRatioRecord(b.longWindow)}{${service}} > ${threshold} and ${errorRatioRecord(b.shortWindow)}{${service}} > ${threshold}`,
            for: b.for,
            // `service` too: the same alert names exist once per SLO.
            labels: { severity: b.severity, team: spec.team, service: spec.service },
            annotations: {
                summary: `${spec.service} burns its error budget ${b.factor}x too fast`,
                description:
                    `{{ $value | humanizePercentage }} of ${spec.service}'s requests failed over the last ${b.longWindow} ` +
                    `(and above ${percent(b.factor * budget)} over the last ${b.shortWindow} too), against an objective of ${percent(spec.objective)}: ${b.meaning}`,
                runbook_url: runbookUrl(runbookBaseUrl, b.alert),
            },
        };
    });
    return { name: `slo-${spec.service}`, rules: [...recordings, remaining, ...alerts] };
}
