/**
 * In which order the layers of one command run: a layer starts as soon as every layer it needs has
 * succeeded, at most `parallel` at a time, and when several could start, the one first in the
 * registry's order goes first. Destroy walks the graph backwards: a layer is destroyed once every
 * layer that depends on it is. A layer whose prerequisite did not succeed is skipped (and so are
 * the layers after it), while the layers that do not need it run on. Pure: the caller's `run`
 * does the work, so the tests drive it with a fake runner.
 */

/** One layer and the layers it depends on (names outside the graph are ignored: they do not run now). */
export interface GraphNode {
    readonly name: string;
    readonly dependsOn: readonly string[];
}

/** `forward`: dependencies first (preview, up, refresh, drift); `reverse`: dependents first (destroy). */
export type Direction = "forward" | "reverse";

/** How one layer's turn ended. */
export type ScheduledOutcome<R> =
    | { readonly kind: "ran"; readonly result: R }
    /**
     * Not run because a prerequisite did not succeed: `blockers` are those prerequisites (what it
     * depends on going forward, what depends on it in reverse), in the graph's order.
     */
    | { readonly kind: "skipped"; readonly blockers: readonly string[] }
    /** Not run because `mayStart` said stop (a cancel) before its turn. */
    | { readonly kind: "not-started" };

export interface ScheduleOptions<R> {
    /** The layers, in the registry's (deployment) order; each one after what it depends on. */
    readonly nodes: readonly GraphNode[];
    readonly direction: Direction;
    /** The most layers running at once; 1 runs them one after another in the registry's order (reversed for destroy). */
    readonly parallel: number;
    /** Runs one layer. A rejection is not a layer's failure but a bug: nothing more starts, and it is rethrown at the end. */
    readonly run: (name: string) => Promise<R>;
    /** Whether a layer's result lets the layers that need it start. */
    readonly succeeded: (result: R) => boolean;
    /** Asked before each start; false (a cancel) starts nothing more. @default always true */
    readonly mayStart?: () => boolean;
    /**
     * Told as soon as a layer is skipped (its blockers have ended, or were skipped and told
     * first), so a display can show it then. @default nothing
     */
    readonly onSkipped?: (name: string, blockers: readonly string[]) => void;
}

export interface ScheduledLayer<R> {
    readonly name: string;
    readonly outcome: ScheduledOutcome<R>;
}

/** The order a direction prefers when several layers could start. */
export function priorityOrder(nodes: readonly GraphNode[], direction: Direction): GraphNode[] {
    return direction === "forward" ? [...nodes] : [...nodes].reverse();
}

/** What must end well before each layer starts: its dependencies, or in reverse the layers depending on it. */
export function prerequisites(nodes: readonly GraphNode[], direction: Direction): Map<string, string[]> {
    const names = new Set(nodes.map((n) => n.name));
    const before = new Map<string, string[]>(nodes.map((n) => [n.name, []]));
    for (const node of nodes) {
        for (const dependency of node.dependsOn.filter((d) => names.has(d))) {
            if (direction === "forward") {
                before.get(node.name)?.push(dependency);
            } else {
                before.get(dependency)?.push(node.name);
            }
        }
    }
    // In the graph's order, so messages read the same way every time.
    const index = new Map(nodes.map((n, i) => [n.name, i]));
    for (const list of before.values()) {
        list.sort((a, b) => (index.get(a) ?? 0) - (index.get(b) ?? 0));
    }
    return before;
}

/** Runs every layer as the graph allows; the outcomes come back in `nodes` order, whatever order they ended in. */
export function runScheduled<R>(options: ScheduleOptions<R>): Promise<Array<ScheduledLayer<R>>> {
    const { nodes, direction, run, succeeded } = options;
    if (!Number.isInteger(options.parallel) || options.parallel < 1) {
        return Promise.reject(new Error(`parallel = ${options.parallel}: must be a whole number of at least 1`));
    }
    const order = priorityOrder(nodes, direction);
    const before = prerequisites(nodes, direction);
    const outcomes = new Map<string, ScheduledOutcome<R>>();
    const started = new Set<string>();
    let running = 0;
    let failure: { readonly error: Error } | undefined;

    const wentWell = (name: string): boolean => {
        const outcome = outcomes.get(name);
        return outcome?.kind === "ran" && succeeded(outcome.result);
    };
    // Ended, and not well: its dependents cannot run.
    const blocks = (name: string): boolean => outcomes.has(name) && !wentWell(name);

    return new Promise((resolve, reject) => {
        const pump = (): void => {
            // After a cancel (or a bug) nothing more is decided: what has not run is "not started".
            const stopping = (): boolean => failure !== undefined || options.mayStart?.() === false;
            if (!stopping()) {
                // In priority order a blocker is always decided before what it blocks: one pass skips a whole chain.
                for (const node of order) {
                    const blockers = (before.get(node.name) ?? []).filter(blocks);
                    if (!started.has(node.name) && !outcomes.has(node.name) && blockers.length > 0) {
                        outcomes.set(node.name, { kind: "skipped", blockers });
                        options.onSkipped?.(node.name, blockers);
                    }
                }
                for (const node of order) {
                    if (running >= options.parallel || stopping()) {
                        break;
                    }
                    const ready = (before.get(node.name) ?? []).every(wentWell);
                    if (!started.has(node.name) && !outcomes.has(node.name) && ready) {
                        start(node.name);
                    }
                }
            }
            if (running > 0) {
                return;
            }
            const waiting = order.filter((n) => !outcomes.has(n.name));
            if (waiting.length > 0 && !stopping()) {
                reject(new Error(`the layer graph has a cycle: ${waiting.map((n) => n.name).join(", ")} can never start`));
                return;
            }
            waiting.forEach((n) => outcomes.set(n.name, { kind: "not-started" }));
            if (failure !== undefined) {
                reject(failure.error);
                return;
            }
            resolve(nodes.map((n) => ({ name: n.name, outcome: outcomes.get(n.name) ?? { kind: "not-started" } })));
        };
        const start = (name: string): void => {
            started.add(name);
            running += 1;
            // A synchronous throw is handled like a rejection.
            new Promise<R>((resolve) => resolve(run(name)))
                .then(
                    (result) => outcomes.set(name, { kind: "ran", result }),
                    (error: unknown) => {
                        failure ??= { error: error instanceof Error ? error : new Error(String(error)) };
                        outcomes.set(name, { kind: "not-started" });
                    },
                )
                .finally(() => {
                    running -= 1;
                    pump();
                })
                .catch(() => undefined);
        };
        pump();
    });
}
