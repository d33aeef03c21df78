/**
 * The policy SDK's half of evaluation: a line-by-line mirror of `@pulumi/policy` 1.21
 * `server.js` (`makeAnalyzeRpcFun`, `makeAnalyzeStackRpcFun`, `makeRemediateRpcFun`,
 * `getResourceOptions`, `getProviderResource`, `isTypeOf`, `makeReportViolationFun`) and
 * `policy.js` (`isResourcePolicy`, `isStackPolicy`, `getPulumiType`), fed with the engine's view
 * from `engine.ts`. This is the ONLY place that builds `ResourceValidationArgs` /
 * `StackValidationArgs` / `PolicyResource`; `conformance.test.ts` compares it with the real
 * server functions on the same requests.
 */
import type {
    EnforcementLevel,
    Policies,
    PolicyProviderResource,
    PolicyResource,
    PolicyResourceOptions,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import type { ResolvedPolicyConfig } from "./config.js";
import type { EngineResource } from "./engine.js";
import { isUnknownValueError, proxyTarget, unknownCheckingProxy } from "../proxy.js";

type AnyPolicy = Policies[number];
type Props = Record<string, unknown>;

/** One diagnostic as the analyzer returns it to the engine. */
export interface Diagnostic {
    readonly policyName: string;
    readonly message: string;
    readonly enforcementLevel: EnforcementLevel;
    /** The urn the policy passed to `reportViolation`, if any. */
    readonly urn?: string;
    /** The policy's severity (or the one a reported object gave), when it has one. */
    readonly severity?: Severity;
}

/** Everything the server keeps beside the policies: pack identity, config, stack tags. */
export interface AnalyzerContext {
    readonly packName: string;
    readonly packVersion: string;
    readonly packLevel: EnforcementLevel;
    readonly config: ReadonlyMap<string, ResolvedPolicyConfig>;
    readonly stackTags: ReadonlyMap<string, string>;
}

/** `server.js` `NotApplicableError`: thrown by `args.notApplicable()`, swallowed by the server. */
class NotApplicableError extends Error {
    constructor(readonly reason?: string) {
        super(reason ?? "Policy does not apply");
    }
}

function throwNotApplicable(reason?: string): never {
    throw new NotApplicableError(reason);
}

/** `policy.js` `getPulumiType`. */
function getPulumiType(obj: unknown): string | undefined {
    const pulumiType = (obj as { __pulumiType?: unknown } | undefined)?.__pulumiType;
    return typeof pulumiType === "string" && pulumiType.length > 0 ? pulumiType : undefined;
}

/** `policy.js` `isResourcePolicy`. */
function isResourcePolicy(p: AnyPolicy): p is ResourceValidationPolicy {
    const policy = p as ResourceValidationPolicy;
    const validation: unknown = policy.validateResource;
    if (typeof validation === "function") return true;
    if (Array.isArray(validation)) return validation.every((v) => typeof v === "function");
    return typeof policy.remediateResource === "function";
}

/** `policy.js` `isStackPolicy`. */
function isStackPolicy(p: AnyPolicy): p is StackValidationPolicy {
    return typeof (p as StackValidationPolicy).validateStack === "function";
}

/** `server.js` `isTypeOf`: the class's `__pulumiType`, else its `isInstance`. */
function isTypeOf(type: string, resourceClass: unknown): boolean {
    const pulumiType = getPulumiType(resourceClass);
    if (pulumiType) return type === pulumiType;
    const isInstance = (resourceClass as { isInstance?: unknown } | undefined)?.isInstance;
    return typeof isInstance === "function" && (isInstance as (obj: unknown) => unknown)({ __pulumiType: type }) === true;
}

/** Effective level: configured, else the policy's, else the pack's (`server.js`). */
function levelOf(ctx: AnalyzerContext, p: AnyPolicy): EnforcementLevel {
    return ctx.config.get(p.name)?.enforcementLevel || p.enforcementLevel || ctx.packLevel;
}

/** `server.js` `makeGetConfigFun`. */
function configFun(ctx: AnalyzerContext, policyName: string): <T extends object>() => T {
    return <T extends object>() => ({ ...(ctx.config.get(policyName)?.properties ?? {}) }) as T;
}

/** `server.js` `getResourceOptions`. */
function resourceOptions(r: EngineResource): PolicyResourceOptions {
    const opts: PolicyResourceOptions = {
        protect: r.protect,
        ignoreChanges: [...r.ignoreChanges],
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
    };
    if (r.deleteBeforeReplace !== undefined) opts.deleteBeforeReplace = r.deleteBeforeReplace;
    if (r.parent) opts.parent = r.parent;
    return opts;
}

/** `server.js` `getProviderResource`: the provider's inputs, proxied. */
function providerResource(r: EngineResource, byUrn: ReadonlyMap<string, EngineResource>): PolicyProviderResource | undefined {
    const provider = r.providerUrn ? byUrn.get(r.providerUrn) : undefined;
    if (!provider) return undefined;
    return { type: provider.type, props: unknownCheckingProxy(deserialize(provider.inputs)), urn: provider.urn, name: provider.name };
}

/** `server.js` `makeReportViolationFun`. */
function reportViolationFun(p: AnyPolicy, level: EnforcementLevel, out: Diagnostic[]): ReportViolation {
    return (message: unknown, urn?: string) => {
        if (typeof message === "object" && message !== null) {
            const info = message as {
                name?: string;
                message?: string;
                description?: string;
                urn?: string;
                enforcementLevel?: EnforcementLevel;
                severity?: Severity;
            };
            const severity = info.severity || p.severity;
            out.push({
                policyName: info.name || p.name,
                message: info.message || info.description || p.description,
                enforcementLevel: info.enforcementLevel || level,
                ...(info.urn ? { urn: info.urn } : {}),
                ...(severity ? { severity } : {}),
            });
            return;
        }
        let text = p.description;
        // eslint-disable-next-line @typescript-eslint/no-base-to-string -- server.js stringifies whatever the policy passed
        if (message) text += `\n${String(message)}`;
        out.push({
            policyName: p.name,
            message: text,
            enforcementLevel: level,
            ...(urn ? { urn } : {}),
            ...(p.severity ? { severity: p.severity } : {}),
        });
    };
}

function policyFrom(ctx: AnalyzerContext, kind: "policy" | "remediation", name: string): string {
    return `${kind} '${name}' from policy pack '${ctx.packName}@v${ctx.packVersion}'`;
}

/** `protoutil.js` `asGrpcError`: the server fails the whole RPC, keeping the stack trace. */
/**
 * What the server does with a validator's exception: an unknown value in preview becomes an
 * advisory "can't run during preview" diagnostic (carrying the policy's other fields, so its
 * severity), `notApplicable` is silent, anything else fails.
 */
function recordPolicyError(e: unknown, ctx: AnalyzerContext, p: AnyPolicy, ds: Diagnostic[]): void {
    if (isUnknownValueError(e)) {
        ds.push({
            policyName: p.name,
            message: `can't run ${policyFrom(ctx, "policy", p.name)} during preview: ${e.message}`,
            enforcementLevel: "advisory",
            ...(p.severity ? { severity: p.severity } : {}),
        });
    } else if (!(e instanceof NotApplicableError)) {
        throw rpcError(e, `Error validating resource with ${policyFrom(ctx, "policy", p.name)}`);
    }
}

function rpcError(err: unknown, message: string): Error {
    return new Error(`${message}:\n${err instanceof Error ? err.stack : String(err)}`);
}

/**
 * `deserialize.js` `deserializeProperties`: the server decodes the request afresh for every
 * validation, so a policy that mutates `props` never affects the next one. Plain objects and
 * arrays are copied; other values (assets, archives) are kept.
 */
function deserialize(props: Props): Props {
    const copy = (value: unknown): unknown => {
        if (Array.isArray(value)) return value.map(copy);
        if (typeof value === "object" && value !== null) {
            const proto: unknown = Object.getPrototypeOf(value);
            if (proto !== Object.prototype && proto !== null) return value;
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
        }
        return value;
    };
    return copy(props) as Props;
}

/** Copies a remediation result without proxies (`deserialize.js` `serializeProperties`, simplified). */
function plain(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => plain(v));
    if (typeof value === "object" && value !== null) {
        const target = proxyTarget(value) as Record<string, unknown>;
        const secret = target as { value?: unknown; constructor?: { name?: string } };
        if (secret.constructor?.name === "Secret" && "value" in secret) return plain(secret.value);
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(target)) {
            const copied = plain(v);
            if (copied !== undefined) out[k] = copied;
        }
        return out;
    }
    return value;
}

function resourceArgs(
    ctx: AnalyzerContext,
    p: AnyPolicy,
    r: EngineResource,
    props: Props,
    byUrn: ReadonlyMap<string, EngineResource>,
): ResourceValidationArgs {
    const type = r.type;
    const args: ResourceValidationArgs = {
        type,
        props,
        urn: r.urn,
        name: r.name,
        opts: resourceOptions(r),
        stackTags: ctx.stackTags,
        isType: (resourceClass) => isTypeOf(type, resourceClass),
        asType: ((resourceClass: unknown) => (isTypeOf(type, resourceClass) ? props : undefined)) as ResourceValidationArgs["asType"],
        getConfig: configFun(ctx, p.name),
        notApplicable: throwNotApplicable,
    };
    const provider = providerResource(r, byUrn);
    if (provider) args.provider = provider;
    return args;
}

/**
 * `makeRemediateRpcFun`: runs the remediations of policies at level "remediate" in order; each
 * result replaces the inputs that later remediations and the validations see (as the engine does).
 */
export async function remediate(
    ctx: AnalyzerContext,
    policies: Policies,
    r: EngineResource,
    byUrn: ReadonlyMap<string, EngineResource>,
): Promise<{ inputs: Props; diagnostics: Diagnostic[] }> {
    let inputs: Props = r.inputs;
    const diagnostics: Diagnostic[] = [];
    for (const p of policies) {
        if (levelOf(ctx, p) !== "remediate" || !isResourcePolicy(p)) continue;
        const remediation = p.remediateResource;
        if (!remediation) continue;
        const pulumiType = getPulumiType(remediation);
        if (pulumiType && r.type !== pulumiType) continue;
        const props = unknownCheckingProxy(deserialize(inputs));
        try {
            const result: unknown = await Promise.resolve(remediation(resourceArgs(ctx, p, r, props, byUrn)));
            if (result) inputs = plain(result) as Props;
        } catch (e) {
            if (isUnknownValueError(e)) {
                // The engine reports a remediation diagnostic as an advisory violation on the resource.
                diagnostics.push({
                    policyName: p.name,
                    message: `can't run ${policyFrom(ctx, "remediation", p.name)} during preview: ${e.message}`,
                    enforcementLevel: "advisory",
                });
            } else if (!(e instanceof NotApplicableError)) {
                throw rpcError(e, `Error remediating resource with ${policyFrom(ctx, "remediation", p.name)}`);
            }
        }
    }
    return { inputs, diagnostics };
}

/** `makeAnalyzeRpcFun`: every resource policy over one resource's (remediated) inputs. */
export async function analyzeResource(
    ctx: AnalyzerContext,
    policies: Policies,
    r: EngineResource,
    inputs: Props,
    byUrn: ReadonlyMap<string, EngineResource>,
): Promise<Diagnostic[]> {
    const ds: Diagnostic[] = [];
    for (const p of policies) {
        let level = levelOf(ctx, p);
        if (level === "disabled" || !isResourcePolicy(p) || !p.validateResource) continue;
        // A remediation already ran; a violation that remains is reported as mandatory.
        if (level === "remediate") level = "mandatory";
        if (!Array.isArray(p.validateResource)) {
            const pulumiType = getPulumiType(p.validateResource);
            if (pulumiType && r.type !== pulumiType) continue;
        }
        const report = reportViolationFun(p, level, ds);
        const validations = Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource];
        for (const validation of validations) {
            try {
                const props = unknownCheckingProxy(deserialize(inputs));
                await Promise.resolve(validation(resourceArgs(ctx, p, r, props, byUrn), report));
            } catch (e) {
                recordPolicyError(e, ctx, p, ds);
            }
        }
    }
    return ds;
}

/** The `PolicyResource` list of `makeAnalyzeStackRpcFun`, with parents and dependencies linked. */
export function policyResources(resources: readonly EngineResource[], byUrn: ReadonlyMap<string, EngineResource>): PolicyResource[] {
    const built = resources.map((r) => {
        const type = r.type;
        const props = unknownCheckingProxy(deserialize(r.outputs));
        const resource: PolicyResource = {
            type,
            props,
            urn: r.urn,
            name: r.name,
            opts: resourceOptions(r),
            dependencies: [],
            propertyDependencies: {},
            isType: (resourceClass) => isTypeOf(type, resourceClass),
            asType: ((resourceClass: unknown) => (isTypeOf(type, resourceClass) ? props : undefined)) as PolicyResource["asType"],
        };
        const provider = providerResource(r, byUrn);
        if (provider) resource.provider = provider;
        return { r, resource };
    });
    const urnsToResources = new Map(built.map(({ resource }) => [resource.urn, resource]));
    for (const { r, resource } of built) {
        const parent = r.parent ? urnsToResources.get(r.parent) : undefined;
        if (parent) resource.parent = parent;
        resource.dependencies = r.dependencies.map((d) => urnsToResources.get(d)).filter((d): d is PolicyResource => d !== undefined);
        for (const [key, urns] of Object.entries(r.propertyDependencies)) {
            // The engine skips properties without dependencies (analyzer_plugin.go AnalyzeStack).
            if (urns.length === 0) continue;
            resource.propertyDependencies[key] = urns
                .map((d) => urnsToResources.get(d))
                .filter((d): d is PolicyResource => d !== undefined);
        }
    }
    return built.map(({ resource }) => resource);
}

/** `makeAnalyzeStackRpcFun`: every stack policy over the whole stack. */
export async function analyzeStack(
    ctx: AnalyzerContext,
    policies: Policies,
    resources: readonly EngineResource[],
    byUrn: ReadonlyMap<string, EngineResource>,
): Promise<Diagnostic[]> {
    const ds: Diagnostic[] = [];
    for (const p of policies) {
        let level = levelOf(ctx, p);
        if (level === "disabled" || !isStackPolicy(p)) continue;
        // Stack policies cannot be remediated, so the level is treated as mandatory.
        if (level === "remediate") level = "mandatory";
        const pulumiType = getPulumiType(p.validateStack);
        if (pulumiType && !resources.some((r) => r.type === pulumiType)) continue;
        const report = reportViolationFun(p, level, ds);
        try {
            const args: StackValidationArgs = {
                // Rebuilt per policy, as the server does, so one policy cannot see another's mutations.
                resources: policyResources(resources, byUrn),
                getConfig: configFun(ctx, p.name),
                stackTags: ctx.stackTags,
                notApplicable: throwNotApplicable,
            };
            await Promise.resolve(p.validateStack(args, report));
        } catch (e) {
            recordPolicyError(e, ctx, p, ds);
        }
    }
    return ds;
}
