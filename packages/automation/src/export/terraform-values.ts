/**
 * A resource's Pulumi inputs as Terraform attribute values: snake_case names (the metadata's field
 * names where it records them), nested objects as Terraform's block lists, policy documents as
 * JSON strings, string maps (tags, labels) as objects, unknown values as null.
 */
import { pulumiName, singularize, snakeCase } from "./names.js";
import type { FieldShape, FieldShapes } from "./terraform-types.js";

/** The string the engine sends for a value not known during preview (`@platform/synth` wire-values). */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * Terraform list blocks whose own name is plural, so the bridge did not pluralize them (aws
 * launch templates). Only consulted when the metadata records no field shapes for the resource
 * (the aws mapping, renames only): with shapes, the metadata's names are used.
 */
export const PLURAL_TERRAFORM_BLOCKS: ReadonlySet<string> = new Set([
    "block_device_mappings",
    "elastic_gpu_specifications",
    "license_specifications",
    "network_interfaces",
    "tag_specifications",
]);

export interface ValueContext {
    /** The metadata's list and block fields at this level, when it records them. */
    readonly fields?: FieldShapes;
    /** Input names the provider SDK types as string maps (anywhere in the SDK: the names of nested levels). */
    readonly mapProperties: ReadonlySet<string>;
    /**
     * The resource's own inputs the SDK types as string maps, when the table records them: at the
     * top level they decide, since a name that is a map elsewhere in the SDK can be a block here
     * (ACM's `options`, Amazon MQ's `configuration`).
     */
    readonly resourceMaps?: ReadonlySet<string>;
}

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An IAM-style policy document given as an object: Terraform holds it as a JSON string. */
export function isPolicyDocument(value: unknown): value is Plain {
    return isPlainObject(value) && "Statement" in value;
}

function isListOfObjects(value: unknown): boolean {
    return Array.isArray(value) && value.length > 0 && value.every((v) => isPlainObject(v) && !isPolicyDocument(v));
}

/** The Terraform name of input `key` whose value is `value`, at a level whose fields are `fields`. */
export function terraformName(key: string, value: unknown, fields: FieldShapes | undefined): string {
    const snake = snakeCase(key);
    if (fields !== undefined) {
        if (fields[snake] !== undefined) return snake;
        for (const [name, shape] of Object.entries(fields)) {
            if (shape.maxItemsOne === false && pulumiName(name, true) === key) return name;
        }
        return snake;
    }
    // No recorded fields: the bridge pluralized list blocks whose Terraform name is singular.
    return isListOfObjects(value) && !PLURAL_TERRAFORM_BLOCKS.has(snake) ? singularize(snake) : snake;
}

function scalar(value: unknown): unknown {
    if (value === undefined || value === UNKNOWN_VALUE) return null;
    return value;
}

function convert(key: string, value: unknown, shape: FieldShape | undefined, context: ValueContext): unknown {
    if (value === undefined || value === UNKNOWN_VALUE) return null;
    if (isPolicyDocument(value)) return JSON.stringify(value);
    const nested: ValueContext = { mapProperties: context.mapProperties, fields: shape?.elem?.fields };
    if (Array.isArray(value)) {
        return value.map((item) =>
            isPlainObject(item) && !isPolicyDocument(item) ? terraformAttributes(item, nested) : convert(key, item, undefined, context),
        );
    }
    if (isPlainObject(value)) {
        if (shape === undefined && (context.resourceMaps ?? context.mapProperties).has(key)) {
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isPolicyDocument(v) ? JSON.stringify(v) : scalar(v)]));
        }
        return [terraformAttributes(value, nested)];
    }
    return value;
}

/** The Terraform attributes of one object of inputs (a resource's, or a block's body). */
export function terraformAttributes(inputs: Readonly<Plain>, context: ValueContext): Plain {
    const out: Plain = {};
    for (const [key, value] of Object.entries(inputs)) {
        const name = terraformName(key, value, context.fields);
        out[name] = convert(key, value, context.fields?.[name], context);
    }
    return out;
}
