/** Log retention rules shared by config validation and the components that create log groups. */
import type { Issue } from "../issues.js";

/** CloudWatch Logs accepts only these retention values (days). */
export const CLOUDWATCH_RETENTION_DAYS = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** A CloudWatch Logs retention: one of the values the service accepts (unbounded retention is not offered). */
export function checkLogRetentionDays(field: string, value: unknown): Issue[] {
    if (typeof value === "number" && (CLOUDWATCH_RETENTION_DAYS as readonly number[]).includes(value)) {
        return [];
    }
    return [
        { field, value, problem: "is not a retention CloudWatch Logs accepts", fix: `use one of ${CLOUDWATCH_RETENTION_DAYS.join(", ")}` },
    ];
}

/** A whole number in an inclusive range. */
export function checkWholeNumber(
    field: string,
    value: unknown,
    range: { readonly min: number; readonly max: number },
    fix?: string,
): Issue[] {
    if (typeof value === "number" && Number.isInteger(value) && value >= range.min && value <= range.max) {
        return [];
    }
    return [
        {
            field,
            value,
            problem: `must be a whole number from ${range.min} to ${range.max}`,
            fix: fix ?? `use a whole number from ${range.min} to ${range.max}`,
        },
    ];
}
