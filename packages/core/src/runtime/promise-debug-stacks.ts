/**
 * Cheaper stack traces on the Pulumi SDK's promise bookkeeping, for the stack programs.
 *
 * The Node.js SDK (3.276) records a formatted stack trace on every promise it makes for a
 * resource: `debuggablePromise` in `@pulumi/pulumi/runtime/debuggable.js` reads `new Error().stack`
 * at once, four times per output property (value, known, secret, dependencies), and keeps the text
 * only to print it if the program exits with promises still pending. The language host installs
 * source-map-support before the program loads, so each of those traces is source-mapped frame by
 * frame. Measured with the benchmark's 400-key program on the real engine: 5.1 s of the program's
 * 10.3 s of CPU, and about 6.5 ms of every resource's preview time.
 *
 * {@link unmappedPromiseDebugStacks} formats only those traces from V8's own call sites (file and
 * line of the compiled JavaScript, which is what a leak report needs) and hands every other trace
 * (thrown errors, the source positions the SDK sends with each resource) to the installed
 * formatter, source maps and all.
 */

const INSTALLED = Symbol.for("platform.unmappedPromiseDebugStacks");

/** The SDK function whose traces are formatted without source maps (the top frame of each). */
export const SDK_PROMISE_DEBUG_FUNCTION = "debuggablePromise";

type StackFormatter = ((error: Error, callSites: NodeJS.CallSite[]) => unknown) & { [INSTALLED]?: true };

/** `Error`'s V8 hook as a property (its typing declares a method, which is never bound to `Error`). */
const errorHooks = Error as unknown as { prepareStackTrace?: StackFormatter };

/** V8's call sites render themselves as `fn (file:line:column)` (Node's typing omits it). */
interface RenderedCallSite extends NodeJS.CallSite {
    toString(): string;
}

/** V8's default rendering: the error's own text, then one `    at <call site>` line per frame. */
function plainStack(error: Error, callSites: readonly NodeJS.CallSite[]): string {
    const frames = callSites.map((site) => `\n    at ${(site as RenderedCallSite).toString()}`).join("");
    return `${String(error)}${frames}`;
}

/**
 * Installs the formatter over the current `Error.prepareStackTrace`. Call it first in a stack
 * program's entry point (`main.ts`), where the language host has already installed source maps.
 * Returns false, and changes nothing, when no formatter is installed (plain `node`: V8's own
 * formatting is already cheap) or when this one already is; calling it twice is harmless.
 */
export function unmappedPromiseDebugStacks(): boolean {
    const current = errorHooks.prepareStackTrace;
    if (current === undefined || current[INSTALLED] === true) {
        return false;
    }
    const formatter: StackFormatter = (error, callSites) =>
        callSites[0]?.getFunctionName() === SDK_PROMISE_DEBUG_FUNCTION ? plainStack(error, callSites) : current(error, callSites);
    formatter[INSTALLED] = true;
    errorHooks.prepareStackTrace = formatter;
    return true;
}
