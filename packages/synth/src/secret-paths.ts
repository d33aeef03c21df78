/**
 * Where the Pulumi secrets are in a value, and a copy with them blinded. The inventory keeps
 * inputs and outputs unwrapped (policies read the values), so the places that were secrets are
 * recorded as property paths in Pulumi's syntax (`tags.token`, `rules[0].password`,
 * `labels["a.b"]`) and anything that prints an inventory blinds them with {@link redactPaths}.
 */
import * as pulumi from "@pulumi/pulumi";

/** The wire signature of a secret (`{ <sig>: <this>, value }`), as the SDK serializes one. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** What a secret is printed as. */
export const SECRET_MASK = "[secret]";

export type PropertyPath = ReadonlyArray<string | number>;

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True for a wire-encoded secret. */
export function isWireSecret(value: unknown): boolean {
    return isRecord(value) && value[pulumi.runtime.specialSigKey] === SECRET_SIG;
}

/** `tags.token`, `list[1]`, `labels["a.b"]`: Pulumi's property path syntax. */
export function formatPropertyPath(path: PropertyPath): string {
    return path
        .map((segment, i) => {
            if (typeof segment === "number") {
                return `[${segment}]`;
            }
            if (/^[A-Za-z_$][\w$-]*$/.test(segment)) {
                return i === 0 ? segment : `.${segment}`;
            }
            return `[${JSON.stringify(segment)}]`;
        })
        .join("");
}

/** The segments of a path written by {@link formatPropertyPath}. */
export function parsePropertyPath(path: string): PropertyPath {
    const segments: Array<string | number> = [];
    const token = /(?:^|\.)([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
    let match: RegExpExecArray | null;
    while (token.lastIndex < path.length && (match = token.exec(path)) !== null) {
        segments.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : (JSON.parse(match[3]) as string)));
    }
    if (token.lastIndex !== path.length) {
        throw new Error(`${JSON.stringify(path)} is not a property path`);
    }
    return segments;
}

/** Paths of every secret in a wire value (a secret inside a secret is covered by the outer one). */
export function secretPaths(wire: unknown, prefix: PropertyPath = []): string[] {
    if (isWireSecret(wire)) {
        return prefix.length === 0 ? [] : [formatPropertyPath(prefix)];
    }
    if (Array.isArray(wire)) {
        return wire.flatMap((item, i) => secretPaths(item, [...prefix, i]));
    }
    if (isRecord(wire)) {
        return Object.entries(wire).flatMap(([key, item]) => secretPaths(item, [...prefix, key]));
    }
    return [];
}

function redactAt(value: unknown, path: PropertyPath, mask: string): unknown {
    if (path.length === 0) {
        return mask;
    }
    const [head, ...rest] = path;
    if (Array.isArray(value) && typeof head === "number" && head < value.length) {
        return (value as unknown[]).map((item, i) => (i === head ? redactAt(item, rest, mask) : item));
    }
    if (isRecord(value) && typeof head === "string" && Object.hasOwn(value, head)) {
        return { ...value, [head]: redactAt(value[head], rest, mask) };
    }
    return value;
}

/** A copy of `value` with the value at each path replaced by `mask` (paths that do not exist are ignored). */
export function redactPaths<T>(value: T, paths: readonly string[], mask: string = SECRET_MASK): T {
    return paths.reduce<unknown>((current, path) => redactAt(current, parsePropertyPath(path), mask), value) as T;
}

/** The leaf values at the paths (what a secret-blinding printer must not show anywhere else either). */
export function valuesAtPaths(value: unknown, paths: readonly string[]): unknown[] {
    return paths.flatMap((path) => {
        let current: unknown = value;
        for (const segment of parsePropertyPath(path)) {
            if (Array.isArray(current) && typeof segment === "number") {
                current = current[segment];
            } else if (isRecord(current) && typeof segment === "string") {
                current = current[segment];
            } else {
                return [];
            }
        }
        return current === undefined ? [] : [current];
    });
}
