/**
 * Secrets never reach a report in clear. The inventory keeps secret values unwrapped (policies
 * read them) and records where they were; reports blind those places with `[secret]`, and any
 * text they print (policy messages quote input values) has the secret values themselves blinded.
 */
import { type InventoryResource, redactPaths, SECRET_MASK, valuesAtPaths } from "@platform/synth";
import type { StackSynthesis } from "./synthesize-stacks.js";

/** Secret values shorter than this are not searched for in free text (they would blind ordinary words). */
export const MIN_REDACTED_TEXT_LENGTH = 4;

/** Where a resource's secret inputs are: every path when synth recorded them, else the top-level names. */
export function secretInputPaths(resource: InventoryResource): readonly string[] {
    return resource.secretPaths ?? resource.secretInputs;
}

/** The resource's inputs with every secret replaced by `[secret]`. */
export function redactedInputs(resource: InventoryResource): Record<string, unknown> {
    return redactPaths(resource.inputs, secretInputPaths(resource));
}

/** The stack outputs with every secret replaced by `[secret]`. */
export function redactedOutputs(stack: StackSynthesis): Record<string, unknown> {
    return redactPaths(stack.outputs, stack.secretOutputPaths);
}

function leaves(value: unknown): string[] {
    if (Array.isArray(value)) {
        return value.flatMap(leaves);
    }
    if (typeof value === "object" && value !== null) {
        return Object.values(value).flatMap(leaves);
    }
    return typeof value === "string" || typeof value === "number" || typeof value === "bigint" ? [String(value)] : [];
}

/** A function that blinds, in free text, every secret value of the stacks (long enough to find safely). */
export function textRedactor(stacks: readonly StackSynthesis[]): (text: string) => string {
    const secrets = new Set<string>();
    for (const stack of stacks) {
        for (const resource of stack.resources) {
            valuesAtPaths(resource.inputs, secretInputPaths(resource))
                .flatMap(leaves)
                .forEach((v) => secrets.add(v));
        }
        valuesAtPaths(stack.outputs, stack.secretOutputPaths)
            .flatMap(leaves)
            .forEach((v) => secrets.add(v));
    }
    // Longest first, so a secret that contains another is blinded whole.
    const ordered = [...secrets].filter((s) => s.length >= MIN_REDACTED_TEXT_LENGTH).sort((a, b) => b.length - a.length);
    return (text) => ordered.reduce((current, secret) => current.split(secret).join(SECRET_MASK), text);
}
