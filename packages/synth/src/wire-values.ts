/**
 * Property values as the engine sends them to a provider inside `google.protobuf.Struct`s: plain
 * JSON plus a few "special" objects keyed by a signature (secrets, resource references, output
 * values, assets) and a sentinel string for unknown values during preview. The simulated cloud
 * computes on plain values and hands back the wire forms it was given wherever it echoes an input.
 */

/** A JSON value, the shape `Struct.toJavaScript()` yields. */
export type WireValue = null | boolean | number | string | WireValue[] | { [key: string]: WireValue };
export type WireObject = { [key: string]: WireValue };

/** The string the engine sends for a value not known during preview. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** Key of the signature field of a special object. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const RESOURCE_REFERENCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
export const OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

export function isObject(value: WireValue | undefined): value is WireObject {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function signature(value: WireValue | undefined): string | undefined {
    return isObject(value) && typeof value[SIG_KEY] === "string" ? value[SIG_KEY] : undefined;
}

/** Wraps a value as a secret. */
export function secret(value: WireValue): WireObject {
    return { [SIG_KEY]: SECRET_SIG, value };
}

/**
 * The plain value a cloud API would see: secrets unwrapped, resource references replaced by their
 * id (or URN for a component), known output values unwrapped. Unknowns become `unknownAs`, so a
 * caller can tell which results depend on them (see `provider.ts`).
 */
export function plain(value: WireValue | undefined, unknownAs: string = UNKNOWN): WireValue | undefined {
    if (value === UNKNOWN) {
        return unknownAs;
    }
    if (Array.isArray(value)) {
        return value.map((item) => plain(item, unknownAs) ?? null);
    }
    if (!isObject(value)) {
        return value;
    }
    switch (signature(value)) {
        case SECRET_SIG:
            return plain(value["value"], unknownAs);
        case RESOURCE_REFERENCE_SIG: {
            const id = value["id"];
            if (id !== undefined && id !== null && id !== "") {
                return plain(id, unknownAs);
            }
            return plain(value["urn"], unknownAs);
        }
        case OUTPUT_VALUE_SIG:
            return "value" in value ? plain(value["value"], unknownAs) : unknownAs;
        default: {
            const out: WireObject = {};
            for (const [key, item] of Object.entries(value)) {
                const p = plain(item, unknownAs);
                if (p !== undefined) {
                    out[key] = p;
                }
            }
            return out;
        }
    }
}

/** `plain` over every property of an object. */
export function plainObject(value: WireObject | undefined, unknownAs: string = UNKNOWN): WireObject {
    const out = plain(value ?? {}, unknownAs);
    return isObject(out) ? out : {};
}

/** Whether the value is or contains an unknown. */
export function containsUnknowns(value: WireValue | undefined): boolean {
    if (value === UNKNOWN) {
        return true;
    }
    if (Array.isArray(value)) {
        return value.some(containsUnknowns);
    }
    if (!isObject(value)) {
        return false;
    }
    if (signature(value) === OUTPUT_VALUE_SIG && !("value" in value)) {
        return true;
    }
    return Object.values(value).some(containsUnknowns);
}

/** Structural equality of JSON values (object key order ignored). */
export function deepEqual(a: WireValue | undefined, b: WireValue | undefined): boolean {
    if (a === b) {
        return true;
    }
    if (Array.isArray(a) || Array.isArray(b)) {
        return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
    }
    if (isObject(a) && isObject(b)) {
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        for (const key of keys) {
            if (!deepEqual(a[key], b[key])) {
                return false;
            }
        }
        return true;
    }
    return false;
}

/** Null and absent mean the same to a provider: the property is not set. */
export function isUnset(value: WireValue | undefined): value is null | undefined {
    return value === undefined || value === null;
}

/** A JSON-encoded object (how the SDKs send object-valued provider config) or an object, as an object. */
export function objectSetting(value: WireValue | undefined): WireObject | undefined {
    if (typeof value === "string") {
        if (value.trim() === "") {
            return undefined;
        }
        try {
            const parsed = JSON.parse(value) as WireValue;
            return isObject(parsed) ? parsed : undefined;
        } catch {
            return undefined;
        }
    }
    return isObject(value) ? value : undefined;
}

/** Only the string-valued entries of an object (tags and labels). */
export function stringMap(value: WireValue | undefined): Record<string, string> {
    const out: Record<string, string> = {};
    if (isObject(value)) {
        for (const [key, item] of Object.entries(value)) {
            if (typeof item === "string") {
                out[key] = item;
            }
        }
    }
    return out;
}
