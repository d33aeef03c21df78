/**
 * What a destroy left: `platform destroy` runs the engine with `--exclude-protected`, which keeps
 * every protected resource and everything it depends on (its parents, its provider, resources it
 * references). The user is told exactly what stayed, and why.
 */
import type { Stack } from "@pulumi/pulumi/automation/index.js";
import { describeUrn } from "./stack-problems.js";

interface ExportedResource {
    readonly urn?: unknown;
    readonly type?: unknown;
    readonly protect?: unknown;
}

/** Lines describing the resources left in the stack (none: one line saying so). */
export function describeLeftovers(name: string, resources: readonly ExportedResource[]): string[] {
    const urns = resources.filter((r) => typeof r.urn === "string").map((r) => ({ urn: r.urn as string, protect: r.protect === true }));
    if (urns.length === 0) {
        return [`${name}: nothing left`];
    }
    const protectedOnes = urns.filter((r) => r.protect);
    const kept = urns.filter((r) => !r.protect);
    return [
        `${name}: left ${urns.length} resources: ${protectedOnes.length} protected, and ${kept.length} that protected resources depend on (destroy never touches them)`,
        ...protectedOnes.map((r) => `    protected  ${describeUrn(r.urn)}`),
        ...kept.map((r) => `    kept       ${describeUrn(r.urn)}`),
        `    they stay until someone unprotects them on purpose (pulumi state unprotect), then destroys again`,
    ];
}

/** The resources left in a stack after a destroy, from the engine's own export of its state. */
export async function leftoversOf(name: string, stack: Stack): Promise<string[]> {
    const exported = await stack.exportStack();
    const deployment = exported.deployment as { resources?: ExportedResource[] } | undefined;
    return describeLeftovers(name, deployment?.resources ?? []);
}
