/**
 * Runs a policy pack over a synthesized stack exactly as `pulumi preview --policy-pack` would
 * (see `engine.ts` for what the engine sends and `analyzer.ts` for what the policy SDK does with
 * it), without a `pulumi` binary, provider plugins or a gRPC server.
 */
import type { EnforcementLevel, Policies, Severity } from "@pulumi/policy";
import { analyzeResource, analyzeStack, type AnalyzerContext, remediate } from "./analyzer.js";
import { resolvePolicyConfig } from "./config.js";
import { type DefaultProviderSettings, type EngineResource, engineView, type EvaluatedResource } from "./engine.js";

/** One policy violation as the engine reports it. */
export interface Violation {
    readonly pack: string;
    readonly policy: string;
    readonly enforcementLevel: EnforcementLevel;
    /** The resource's URN; null for a stack-level violation without a URN in the stack (the engine shows it on the root stack). */
    readonly urn: string | null;
    /** The diagnostic text: the policy's description, a newline, then the reported message. */
    readonly message: string;
    /** The policy's severity, when it declares one (remediation diagnostics never carry one). */
    readonly severity?: Severity;
}

/** A pack as the packs export it (`packName` + `policies`), optionally with the pack options `PolicyPack` takes. */
export interface EvaluatedPack {
    readonly name: string;
    readonly policies: Policies;
    /** Pack default level. @default "advisory" (what `new PolicyPack` uses) */
    readonly enforcementLevel?: EnforcementLevel;
    /** `package.json` version, used in "can't run ... during preview" messages. @default "0.0.0" */
    readonly version?: string;
}

/** A stack to evaluate: the synthesized inventory (`SynthesisResult` fits). */
export interface EvaluatedStack {
    readonly resources: readonly EvaluatedResource[];
    /** Stack outputs, which the engine gives stack policies as the root stack's props. */
    readonly outputs?: Readonly<Record<string, unknown>>;
}

export interface EvaluateOptions {
    /** Policy pack config as in `--policy-pack-config`: `{ "<policy>" | "all": level | { enforcementLevel?, ...props } }`. */
    readonly config?: Readonly<Record<string, unknown>>;
    /** Stack tags the engine sends with `ConfigureStack`. */
    readonly stackTags?: Readonly<Record<string, string>>;
    /** Default providers per package, for resources registered without an explicit provider. */
    readonly defaultProviders?: Readonly<Record<string, DefaultProviderSettings>>;
}

/** The engine reports a "remediate" diagnostic as mandatory (a remediation ran and the violation remains). */
function engineLevel(level: EnforcementLevel): EnforcementLevel {
    return level === "remediate" ? "mandatory" : level;
}

/** `server.js` `freezeMap`: a read-only view of the stack tags. */
function freezeMap(entries: Readonly<Record<string, string>>): ReadonlyMap<string, string> {
    const map = new Map(Object.entries(entries));
    return Object.freeze({
        entries: map.entries.bind(map),
        forEach: map.forEach.bind(map),
        get: map.get.bind(map),
        has: map.has.bind(map),
        keys: map.keys.bind(map),
        size: map.size,
        values: map.values.bind(map),
        [Symbol.iterator]: map[Symbol.iterator].bind(map),
    });
}

/**
 * Evaluates one pack over one stack: per resource (registration order) its remediations then its
 * resource policies, then the stack policies. Disabled policies do not run; async validators are
 * awaited. Rejects, like the engine's failed analyzer RPC, when a policy throws anything but an
 * unknown-value or not-applicable error.
 */
export async function evaluatePack(pack: EvaluatedPack, stack: EvaluatedStack, opts: EvaluateOptions = {}): Promise<Violation[]> {
    const packLevel = pack.enforcementLevel ?? "advisory";
    const ctx: AnalyzerContext = {
        packName: pack.name,
        packVersion: pack.version ?? "0.0.0",
        packLevel,
        config: resolvePolicyConfig(pack.policies, packLevel, opts.config),
        stackTags: freezeMap(opts.stackTags ?? {}),
    };
    const resources = engineView(stack.resources, { stackOutputs: stack.outputs, defaultProviders: opts.defaultProviders });
    const byUrn = new Map<string, EngineResource>(resources.map((r) => [r.urn, r]));
    const violations: Violation[] = [];
    for (const r of resources) {
        const remediated = await remediate(ctx, pack.policies, r, byUrn);
        const diagnostics = [...remediated.diagnostics, ...(await analyzeResource(ctx, pack.policies, r, remediated.inputs, byUrn))];
        // Resource diagnostics are always attributed to the analyzed resource (analyze_snapshot.go analyzeResource).
        violations.push(
            ...diagnostics.map((d) => ({
                pack: pack.name,
                policy: d.policyName,
                enforcementLevel: engineLevel(d.enforcementLevel),
                urn: r.urn,
                message: d.message,
                ...(d.severity ? { severity: d.severity } : {}),
            })),
        );
    }
    for (const d of await analyzeStack(ctx, pack.policies, resources, byUrn)) {
        // resolveStackPolicyViolationURN: a URN of a resource in the stack is kept, anything else goes to the root stack.
        const urn = d.urn !== undefined && byUrn.has(d.urn) ? d.urn : null;
        violations.push({
            pack: pack.name,
            policy: d.policyName,
            enforcementLevel: engineLevel(d.enforcementLevel),
            urn,
            message: d.message,
            ...(d.severity ? { severity: d.severity } : {}),
        });
    }
    return violations;
}

/** Violations that block a deployment. */
export function mandatoryViolations(violations: readonly Violation[]): Violation[] {
    return violations.filter((v) => v.enforcementLevel === "mandatory");
}

/** One line per violation, for assertion messages and CLI output. */
export function formatViolations(violations: readonly Violation[]): string {
    return violations
        .map((v) => `[${v.enforcementLevel}] ${v.pack}/${v.policy} ${v.urn ?? "(stack)"}: ${v.message.replace(/\n/g, " | ")}`)
        .join("\n");
}
