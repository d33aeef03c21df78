/**
 * zod field builders whose errors carry the platform's problem and fix. Each builder attaches an
 * error function that encodes `{ problem, fix }` in the zod issue message; `zod-issues.ts` decodes
 * it into an {@link Issue}. So the schema stays the single description of the config (types,
 * unknown keys, enums, JSON Schema for editors) while every message keeps the project's format.
 */
import { z } from "zod";

interface Encoded {
    readonly problem: string;
    readonly fix: string;
}

const MARK = "platform-issue:";

/** An issue message carrying a problem and its fix. */
export function encodeIssue(problem: string, fix: string): string {
    return MARK + JSON.stringify({ problem, fix } satisfies Encoded);
}

/** The problem and fix of a message made by {@link encodeIssue}; undefined for any other message. */
export function decodeIssue(message: string): Encoded | undefined {
    if (!message.startsWith(MARK)) {
        return undefined;
    }
    const parsed = JSON.parse(message.slice(MARK.length)) as Encoded;
    return { problem: parsed.problem, fix: parsed.fix };
}

/** The zod issue shapes our error functions read. */
interface RawIssue {
    readonly code?: string;
    readonly input?: unknown;
    readonly keys?: readonly string[];
    readonly values?: readonly unknown[];
}

/** "required setting is missing" for a missing value, else the given problem; the fix names the hint. */
function typeError(expected: string, hint: string) {
    return (iss: RawIssue): string =>
        iss.input === undefined
            ? encodeIssue("required setting is missing", `set it to ${hint}`)
            : encodeIssue(`must be ${expected}`, `set it to ${hint}`);
}

/** A non-empty string matching `pattern`; `hint` says what a valid value is, with an example. */
export function text(pattern: RegExp, hint: string, what = "a valid value"): z.ZodString {
    return z.string({ error: typeError("a string", hint) }).regex(pattern, { error: () => encodeIssue(`is not ${what}`, `use ${hint}`) });
}

/** One of `values`. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T): z.ZodEnum<{ [K in T[number]]: K }> {
    return z.enum(values, {
        error: (iss: RawIssue) =>
            iss.input === undefined
                ? encodeIssue("required setting is missing", `set it to one of: ${values.join(", ")}`)
                : encodeIssue("is not an allowed value", `use one of: ${values.join(", ")}`),
    });
}

/** A whole number from `min` to `max`. */
export function wholeNumber(min: number, max: number): z.ZodNumber {
    const error = () => encodeIssue(`must be a whole number from ${min} to ${max}`, "change it to a number in range");
    return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

export function bool(): z.ZodBoolean {
    return z.boolean({ error: () => encodeIssue("must be true or false", "write true or false without quotes") });
}

/** A list; `example` is a YAML list shown in the fix. */
export function list<T extends z.ZodType>(element: T, example: string): z.ZodArray<T> {
    return z.array(element, { error: typeError("a list", `a YAML list, e.g. ${example}`) });
}

/**
 * An object that rejects keys it does not know (typos such as `natGateway`); `example` is a YAML
 * mapping shown when the value is missing or not an object.
 */
export function strictObject<T extends z.ZodRawShape>(shape: T, example: string): z.ZodObject<T, z.core.$strict> {
    const allowed = Object.keys(shape);
    return z.strictObject(shape, {
        error: (iss: RawIssue) => {
            if (iss.code === "unrecognized_keys") {
                return encodeIssue("unknown setting", `remove it or use one of: ${allowed.join(", ")}`);
            }
            return iss.input === undefined
                ? encodeIssue("required setting is missing", `add it, e.g. ${example}`)
                : encodeIssue("must be an object", `write it as a YAML mapping, e.g. ${example}`);
        },
    });
}
