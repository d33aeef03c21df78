/**
 * The analyzer gRPC protocol as the engine speaks it: protobuf requests built from the engine's
 * view (`analyzer_plugin.go` `Analyze`/`AnalyzeStack`/`Remediate`, `marshalResourceOptions`,
 * `marshalProvider`) and the engine's handling of the responses (remediated inputs replace the
 * inputs; remediate -> mandatory; stack diagnostics keep only URNs in the stack). Used to drive
 * the real `@pulumi/policy` server, in process or in a policy pack process, for comparison with
 * `evaluatePack`.
 */
import type { EnforcementLevel as Level, Severity } from "@pulumi/policy";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb.js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb.js";
import type { EngineResource } from "./engine.js";
import type { Violation } from "./evaluate.js";

/** The three analysis RPCs, however they are reached. */
export interface AnalyzerRpcs {
    remediate(request: analyzerpb.AnalyzeRequest): Promise<analyzerpb.RemediateResponse>;
    analyze(request: analyzerpb.AnalyzeRequest): Promise<analyzerpb.AnalyzeResponse>;
    analyzeStack(request: analyzerpb.AnalyzeStackRequest): Promise<analyzerpb.AnalyzeResponse>;
}

const TO_LEVEL: Record<analyzerpb.EnforcementLevel, Level> = {
    [analyzerpb.EnforcementLevel.ADVISORY]: "advisory",
    [analyzerpb.EnforcementLevel.MANDATORY]: "mandatory",
    [analyzerpb.EnforcementLevel.DISABLED]: "disabled",
    [analyzerpb.EnforcementLevel.REMEDIATE]: "remediate",
};

const FROM_LEVEL: Record<Level, analyzerpb.EnforcementLevel> = {
    advisory: analyzerpb.EnforcementLevel.ADVISORY,
    mandatory: analyzerpb.EnforcementLevel.MANDATORY,
    disabled: analyzerpb.EnforcementLevel.DISABLED,
    remediate: analyzerpb.EnforcementLevel.REMEDIATE,
};

const TO_SEVERITY: Record<analyzerpb.PolicySeverity, Severity | undefined> = {
    [analyzerpb.PolicySeverity.POLICY_SEVERITY_UNSPECIFIED]: undefined,
    [analyzerpb.PolicySeverity.POLICY_SEVERITY_LOW]: "low",
    [analyzerpb.PolicySeverity.POLICY_SEVERITY_MEDIUM]: "medium",
    [analyzerpb.PolicySeverity.POLICY_SEVERITY_HIGH]: "high",
    [analyzerpb.PolicySeverity.POLICY_SEVERITY_CRITICAL]: "critical",
};

/** A severity from the wire; undefined when unspecified (the policy declares none). */
export function toSeverity(severity: analyzerpb.PolicySeverity): Severity | undefined {
    return TO_SEVERITY[severity];
}

export function toLevel(level: analyzerpb.EnforcementLevel): Level {
    return TO_LEVEL[level];
}

export function fromLevel(level: Level): analyzerpb.EnforcementLevel {
    return FROM_LEVEL[level];
}

export function struct(value: Readonly<Record<string, unknown>>): Struct {
    return Struct.fromJavaScript(value as Parameters<typeof Struct.fromJavaScript>[0]);
}

function options(r: EngineResource): analyzerpb.AnalyzerResourceOptions {
    const timeouts = new analyzerpb.AnalyzerResourceOptions.CustomTimeouts().setCreate(0).setUpdate(0).setDelete(0).setRead(0);
    return new analyzerpb.AnalyzerResourceOptions()
        .setProtect(r.protect)
        .setIgnorechangesList([...r.ignoreChanges])
        .setDeletebeforereplace(r.deleteBeforeReplace ?? false)
        .setDeletebeforereplacedefined(r.deleteBeforeReplace !== undefined)
        .setAdditionalsecretoutputsList([])
        .setAliasesList([])
        .setCustomtimeouts(timeouts)
        .setParent(r.parent ?? "");
}

function provider(r: EngineResource, byUrn: ReadonlyMap<string, EngineResource>): analyzerpb.AnalyzerProviderResource | undefined {
    const p = r.providerUrn ? byUrn.get(r.providerUrn) : undefined;
    return p && new analyzerpb.AnalyzerProviderResource().setType(p.type).setUrn(p.urn).setName(p.name).setProperties(struct(p.inputs));
}

export function analyzeRequest(
    r: EngineResource,
    inputs: Readonly<Record<string, unknown>>,
    byUrn: ReadonlyMap<string, EngineResource>,
): analyzerpb.AnalyzeRequest {
    const req = new analyzerpb.AnalyzeRequest()
        .setType(r.type)
        .setUrn(r.urn)
        .setName(r.name)
        .setProperties(struct(inputs))
        .setOptions(options(r));
    const p = provider(r, byUrn);
    return p ? req.setProvider(p) : req;
}

export function analyzeStackRequest(
    resources: readonly EngineResource[],
    byUrn: ReadonlyMap<string, EngineResource>,
): analyzerpb.AnalyzeStackRequest {
    return new analyzerpb.AnalyzeStackRequest().setResourcesList(
        resources.map((r) => {
            const res = new analyzerpb.AnalyzerResource()
                .setType(r.type)
                .setUrn(r.urn)
                .setName(r.name)
                .setProperties(struct(r.outputs))
                .setOptions(options(r))
                .setParent(r.parent ?? "")
                .setDependenciesList([...r.dependencies]);
            for (const [key, urns] of Object.entries(r.propertyDependencies)) {
                if (urns.length > 0)
                    res.getPropertydependenciesMap().set(key, new analyzerpb.AnalyzerPropertyDependencies().setUrnsList([...urns]));
            }
            const p = provider(r, byUrn);
            return p ? res.setProvider(p) : res;
        }),
    );
}

function engineLevel(level: analyzerpb.EnforcementLevel): Level {
    const l = toLevel(level);
    return l === "remediate" ? "mandatory" : l;
}

/** A diagnostic as the engine reports it, on `urn`. */
function violation(d: analyzerpb.AnalyzeDiagnostic, urn: string | null): Violation {
    const severity = toSeverity(d.getSeverity());
    return {
        pack: d.getPolicypackname(),
        policy: d.getPolicyname(),
        enforcementLevel: engineLevel(d.getEnforcementlevel()),
        urn,
        message: d.getMessage(),
        ...(severity ? { severity } : {}),
    };
}

/** Runs remediate + analyze per resource, then analyze-stack, and collects violations as the engine reports them. */
export async function runAnalyzer(rpcs: AnalyzerRpcs, resources: readonly EngineResource[]): Promise<Violation[]> {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const violations: Violation[] = [];
    for (const r of resources) {
        let inputs: Readonly<Record<string, unknown>> = r.inputs;
        for (const rem of (await rpcs.remediate(analyzeRequest(r, inputs, byUrn))).getRemediationsList()) {
            if (rem.getDiagnostic()) {
                violations.push({
                    pack: rem.getPolicypackname(),
                    policy: rem.getPolicyname(),
                    enforcementLevel: "advisory",
                    urn: r.urn,
                    message: rem.getDiagnostic(),
                });
            } else {
                inputs = rem.getProperties()?.toJavaScript() ?? inputs;
            }
        }
        for (const d of (await rpcs.analyze(analyzeRequest(r, inputs, byUrn))).getDiagnosticsList()) {
            violations.push(violation(d, r.urn));
        }
    }
    for (const d of (await rpcs.analyzeStack(analyzeStackRequest(resources, byUrn))).getDiagnosticsList()) {
        violations.push(violation(d, d.getUrn() && byUrn.has(d.getUrn()) ? d.getUrn() : null));
    }
    return violations;
}
