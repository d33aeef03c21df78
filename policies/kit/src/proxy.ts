/**
 * Typed access to `@pulumi/policy/proxy.js`, the module the real analyzer server uses to wrap
 * `props` so that reading a value unknown during preview throws. We load the SDK's own module
 * (not a copy) so `UnknownValueError` is the very class `server.js` tests with `instanceof`,
 * and the error text is identical. Its `.d.ts` is stripped (`@internal`), hence this facade.
 */
import { createRequire } from "node:module";

/** The error the SDK throws when a policy reads a value that is unknown during preview. */
export interface UnknownValueErrorLike extends Error {
    readonly props: readonly PropertyKey[];
}

interface ProxyModule {
    unknownCheckingProxy<T>(value: T): T;
    UnknownValueError: new (sentinel: string, props: PropertyKey[]) => UnknownValueErrorLike;
    isSpecialProxy: string;
    getSpecialProxyTarget: string;
    unknownStringValue: string;
    unknownBooleanValue: string;
    unknownNumberValue: string;
    unknownArrayValue: string;
    unknownObjectValue: string;
}

const load = createRequire(__filename);
const proxyModule = load("@pulumi/policy/proxy.js") as ProxyModule;

/** Wraps a property bag exactly as the analyzer server does before handing it to a policy. */
export function unknownCheckingProxy<T>(value: T): T {
    return proxyModule.unknownCheckingProxy(value);
}

/** True when `err` is the SDK's `UnknownValueError` (what `server.js` turns into an advisory). */
export function isUnknownValueError(err: unknown): err is UnknownValueErrorLike {
    return err instanceof proxyModule.UnknownValueError;
}

/**
 * The wire sentinel the engine sends for an unknown value. The Go engine marshals every computed
 * value with `KeepUnknowns` as the string sentinel, so that is the one we produce.
 */
export const UNKNOWN_STRING_VALUE: string = proxyModule.unknownStringValue;

/** Returns the object behind an SDK proxy (used to copy remediation results without proxies). */
export function proxyTarget(value: object): object {
    const record = value as Record<string, unknown>;
    return record[proxyModule.isSpecialProxy] === true ? (record[proxyModule.getSpecialProxyTarget] as object) : value;
}
