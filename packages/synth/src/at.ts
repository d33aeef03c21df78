/**
 * Typed reads into the plain JSON of a resource's inputs (Kubernetes manifests, Helm values,
 * policy documents) without `any`: objects by key, arrays by index.
 */

/** The value at `path` inside `value`; undefined as soon as a step is missing or not a container. */
export function at(value: unknown, ...path: ReadonlyArray<string | number>): unknown {
    let current: unknown = value;
    for (const step of path) {
        if (typeof current !== "object" || current === null) return undefined;
        current = (current as Record<string | number, unknown>)[step];
    }
    return current;
}

/** The array at `path` inside `value`; throws naming the path when it is not an array. */
export function listAt(value: unknown, ...path: ReadonlyArray<string | number>): unknown[] {
    const found = at(value, ...path);
    if (!Array.isArray(found)) {
        throw new Error(`${path.map((p) => `[${JSON.stringify(p)}]`).join("")} is ${JSON.stringify(found)}, not an array`);
    }
    return found as unknown[];
}
