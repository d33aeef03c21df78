/** The captured inventory: every resource a program registered, with the options the engine sees. */

/** One registered resource. This is the `resources[]` element of the `platform synth --json` contract. */
export interface InventoryResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    /** Parent URN, or null for the root stack resource. */
    readonly parent: string | null;
    readonly protect: boolean;
    /** Inputs as the provider receives them (secrets unwrapped; see `secretInputs`). */
    readonly inputs: Record<string, unknown>;
    /** True for custom (provider-managed) resources, false for components and the stack. */
    readonly custom: boolean;
    /** Provider reference `<urn>::<id>`, or null when the engine would use the default provider. */
    readonly provider: string | null;
    readonly dependencies: readonly string[];
    /** For each input, the URNs of the resources its value came from. */
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
    readonly retainOnDelete: boolean;
    readonly deleteBeforeReplace: boolean;
    readonly ignoreChanges: readonly string[];
    /** Top-level input names whose values are Pulumi secrets. */
    readonly secretInputs: readonly string[];
    /**
     * Property paths (`tags.token`, `rules[0].password`) of every input that was a Pulumi secret,
     * at any depth. Absent in hand-built inventories, where only `secretInputs` is known.
     */
    readonly secretPaths?: readonly string[];
    /** Id the simulated cloud assigned (custom resources only). */
    readonly id: string | null;
    /**
     * Custom resources: the state the simulated cloud returned (inputs plus computed outputs).
     * Components and the root stack: the outputs they registered (`registerOutputs`; for the root
     * stack, the program's result), as the engine keeps them in state.
     */
    readonly outputs: Record<string, unknown>;
}

/** Counts resources by type, sorted by type name. */
export function countByType(resources: readonly InventoryResource[]): Array<{ type: string; count: number }> {
    const counts = new Map<string, number>();
    for (const r of resources) {
        counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    }
    return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, count]) => ({ type, count }));
}

/** Resources of one type. */
export function ofType(resources: readonly InventoryResource[], type: string): InventoryResource[] {
    return resources.filter((r) => r.type === type);
}

/** The one resource of `type` named `name`; throws naming what is missing (for tests and reports). */
export function findResource(resources: readonly InventoryResource[], type: string, name: string): InventoryResource {
    const matches = resources.filter((r) => r.type === type && r.name === name);
    if (matches.length !== 1) {
        throw new Error(`expected exactly one ${type} named ${name}, found ${matches.length}`);
    }
    return matches[0];
}
