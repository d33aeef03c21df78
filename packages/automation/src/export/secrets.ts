/**
 * Secrets in an export: every secret value becomes `[secret]`, but a secret object or list keeps
 * its shape (keys and element count), so the export still names and nests it as Terraform does
 * (a secret `users` list stays the `user` blocks Checkov reads) without writing any secret value.
 */
import { type InventoryResource, parsePropertyPath, type PropertyPath, SECRET_MASK } from "@platform/synth";
import { secretInputPaths } from "../synth/redaction.js";

/** Every leaf of `value` replaced by `[secret]`; objects and lists keep their keys and length. */
export function maskLeaves(value: unknown): unknown {
    if (Array.isArray(value)) return (value as unknown[]).map(maskLeaves);
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskLeaves(v)]));
    }
    return value === undefined || value === null ? value : SECRET_MASK;
}

function maskAt(value: unknown, path: PropertyPath): unknown {
    if (path.length === 0) return maskLeaves(value);
    const [head, ...rest] = path;
    if (Array.isArray(value) && typeof head === "number" && head < value.length) {
        return (value as unknown[]).map((item, i) => (i === head ? maskAt(item, rest) : item));
    }
    if (typeof value === "object" && value !== null && !Array.isArray(value) && typeof head === "string" && Object.hasOwn(value, head)) {
        const record = value as Record<string, unknown>;
        return { ...record, [head]: maskAt(record[head], rest) };
    }
    return value;
}

/** The resource's inputs with every secret value blinded, shapes kept. */
export function exportedInputs(resource: InventoryResource): Record<string, unknown> {
    return secretInputPaths(resource).reduce<Record<string, unknown>>(
        (current, path) => maskAt(current, parsePropertyPath(path)) as Record<string, unknown>,
        resource.inputs,
    );
}
