/**
 * JSON-or-object inputs. Provider inputs such as AWS `defaultTags` and GCP `defaultLabels` reach
 * the engine JSON-encoded (the Node SDK serializes non-string provider config), and resource
 * documents (KMS key policies) are JSON strings; helpers read both forms the same way.
 */
import { asRecord, type Props } from "./values.js";

export type JsonParse = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

/** Parses JSON without throwing. */
export function parseJson(text: string): JsonParse {
    try {
        return { ok: true, value: JSON.parse(text) as unknown };
    } catch (err) {
        return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
}

/**
 * An object given either as an object or as a JSON string of one; undefined when unset, not
 * an object, or not valid JSON.
 */
export function parseJsonOrObject(value: unknown): Props | undefined {
    if (typeof value === "string") {
        const parsed = parseJson(value);
        return parsed.ok ? asRecord(parsed.value) : undefined;
    }
    return asRecord(value);
}
