/**
 * Narrowing readers for policy props. `props` arrive as `Record<string, any>` behind the SDK's
 * unknown-checking proxy; these turn a value into a typed one or `undefined`, so policies never
 * touch `any` and treat a wrong-typed value like an unset one.
 */

export type Props = Readonly<Record<string, unknown>>;

export function asString(value: unknown): string | undefined {
    return typeof value === "string" ? value : undefined;
}

/** A non-empty string, else undefined (an empty tag value or key id counts as unset). */
export function asNonEmptyString(value: unknown): string | undefined {
    return typeof value === "string" && value.length > 0 ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
    return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
    return typeof value === "boolean" ? value : undefined;
}

/** A plain object (not an array, not null). */
export function asRecord(value: unknown): Props | undefined {
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Props) : undefined;
}

export function asArray(value: unknown): readonly unknown[] | undefined {
    return Array.isArray(value) ? value : undefined;
}

/** The string elements of an array value (non-strings are ignored); [] when unset. */
export function asStringArray(value: unknown): string[] {
    return (asArray(value) ?? []).filter((v): v is string => typeof v === "string");
}

/** The string-valued entries of a map value; {} when unset. */
export function asStringMap(value: unknown): Record<string, string> {
    const record = asRecord(value) ?? {};
    const result: Record<string, string> = {};
    for (const [key, v] of Object.entries(record)) {
        if (typeof v === "string") result[key] = v;
    }
    return result;
}
