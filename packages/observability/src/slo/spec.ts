/**
 * An SLO in a few lines: the service, its objective, the counters of good and of all events, and
 * the team that owns it. `sloRuleGroups` turns it into recording rules and burn-rate alerts.
 */
import { checkUnique, formatIssues, type Issue } from "@platform/core";
import { isVectorSelector } from "../rules/promql.js";

export interface SloSpec {
    /** The service: a label value on every rule (`service="<name>"`) and part of the group name. Lowercase letters, digits and hyphens. */
    readonly service: string;
    /** The team paged or ticketed (the alerts' `team` label, which Alertmanager routes on). */
    readonly team: string;
    /**
     * The share of good events over 30 days, strictly between 0 and 1 (0.999 = 99.9%, seed 001).
     * Above about 0.9306 only: a lower objective puts the fast-burn threshold (14.4 x the budget)
     * above 100% errors, where the page could never fire.
     */
    readonly objective: number;
    /** Counter of good events, a selector without a range: `http_requests_total{app="backend",status!~"5.."}`. */
    readonly good: string;
    /** Counter of all events, a selector without a range: `http_requests_total{app="backend"}`. */
    readonly total: string;
}

/** The error of a list of bad SLO specs: every problem, one per line, in the platform's one format. */
export class SloSpecError extends Error {
    constructor(readonly issues: readonly Issue[]) {
        super(formatIssues("Invalid SLO specs", issues));
        this.name = "SloSpecError";
    }
}

/** Lowercase letters, digits and inner hyphens, at most 63: a label value that is also a name segment of objects. */
export const SLO_NAME_PATTERN = /^(?=.{1,63}$)[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The fastest burn-rate factor (14.4): the objective must keep factor x budget under 1. */
export const FASTEST_BURN_FACTOR = 14.4;

function checkName(field: string, value: unknown, what: string): Issue[] {
    if (typeof value === "string" && SLO_NAME_PATTERN.test(value)) return [];
    return [
        {
            field,
            value,
            problem:
                typeof value === "string"
                    ? `is not a valid ${what} name (it becomes a label value and part of rule group names)`
                    : "must be a string",
            fix: "use 1-63 lowercase letters, digits and inner hyphens starting with a letter, e.g. backend",
        },
    ];
}

function checkSelector(field: string, value: unknown): Issue[] {
    if (typeof value === "string" && isVectorSelector(value)) return [];
    return [
        {
            field,
            value,
            problem: typeof value === "string" ? "is not one PromQL counter selector without a range" : "must be a string",
            fix: 'write a selector such as http_requests_total{app="backend"}; the generator adds rate(...[window]) and sum()',
        },
    ];
}

function checkObjective(field: string, value: unknown): Issue[] {
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0 || value >= 1) {
        return [
            {
                field,
                value,
                problem: "must be a number strictly between 0 and 1",
                fix: "write the objective as a ratio, e.g. 0.999 for 99.9%",
            },
        ];
    }
    if (FASTEST_BURN_FACTOR * (1 - value) >= 1) {
        return [
            {
                field,
                value,
                problem: `puts the fast-burn threshold at ${FASTEST_BURN_FACTOR} x ${errorBudget(value)} = ${round(FASTEST_BURN_FACTOR * (1 - value))}, 100% errors or more, so the page could never fire`,
                fix: "use an objective above 0.9306 (e.g. 0.99 or 0.999)",
            },
        ];
    }
    return [];
}

/** Every problem with one spec; fields are prefixed with `prefix` (`slos[0].`). */
export function validateSloSpec(spec: SloSpec, prefix = ""): Issue[] {
    const issues = [
        ...checkName(`${prefix}service`, spec.service, "service"),
        ...checkName(`${prefix}team`, spec.team, "team"),
        ...checkObjective(`${prefix}objective`, spec.objective),
        ...checkSelector(`${prefix}good`, spec.good),
        ...checkSelector(`${prefix}total`, spec.total),
    ];
    if (
        typeof spec.good === "string" &&
        spec.good.trim() !== "" &&
        spec.good.replace(/\s/g, "") === String(spec.total).replace(/\s/g, "")
    ) {
        issues.push({
            field: `${prefix}good`,
            value: spec.good,
            problem: "is the same selector as total, so the error ratio is always 0",
            fix: 'select only the good events, e.g. add status!~"5.." to the total selector',
        });
    }
    return issues;
}

/** Every problem with a list of specs, including a service named twice. */
export function validateSloSpecs(specs: readonly SloSpec[]): Issue[] {
    return [
        ...specs.flatMap((s, i) => validateSloSpec(s, `slos[${i}].`)),
        ...checkUnique(
            "slos[].service",
            specs.map((s) => s.service),
            "service",
        ),
    ];
}

/** `1 - objective` without floating-point noise (0.999 -> 0.001). */
export function errorBudget(objective: number): number {
    return round(1 - objective);
}

function round(x: number): number {
    return Number(x.toPrecision(12));
}
