/**
 * Building the `@pulumi/policy` 1.21 metadata every policy carries (`severity`, `framework`,
 * `tags`, `remediationSteps`, `url`; the harness's `policyConventionProblems` checks it). The
 * analyzer reports it to the engine (GetAnalyzerInfo) and puts the severity on each violation.
 */
import type { PolicyComplianceFramework } from "@pulumi/policy";

/** The Checkov release whose check ids and titles the policies cite. */
export const CHECKOV_VERSION = "3.3";

/**
 * The Checkov checks (bridgecrewio/checkov) a policy matches, as its compliance framework:
 * `reference` lists the ids, `specification` their titles, in the order given.
 */
export function checkov(checks: Readonly<Record<string, string>>): PolicyComplianceFramework {
    return {
        name: "Checkov",
        version: CHECKOV_VERSION,
        reference: Object.keys(checks).join(", "),
        specification: Object.values(checks).join("; "),
    };
}

/** Tag prefix naming the seed requirement a policy implements (`seed-001`). */
export const SEED_TAG_PREFIX = "seed-";

/** Policy tags for the seed requirements a policy implements, e.g. `seedTags("001", "003")`. */
export function seedTags(...seeds: readonly string[]): string[] {
    return seeds.map((s) => `${SEED_TAG_PREFIX}${s}`);
}

/** The OPA Gatekeeper release whose policy library the kubernetes pack's peers come from (seed 001: Gatekeeper 3.14). */
export const GATEKEEPER_LIBRARY_VERSION = "3.14";

/**
 * The OPA Gatekeeper library templates (open-policy-agent/gatekeeper-library) a kubernetes policy
 * matches, as its compliance framework: `reference` lists the template kinds, `specification` their titles.
 */
export function gatekeeper(templates: Readonly<Record<string, string>>): PolicyComplianceFramework {
    return {
        name: "OPA Gatekeeper library",
        version: GATEKEEPER_LIBRARY_VERSION,
        reference: Object.keys(templates).join(", "),
        specification: Object.values(templates).join("; "),
    };
}

/** A policy's compliance framework, as `@pulumi/policy` policies carry it. */
interface WithFramework {
    readonly framework?: { readonly name?: string; readonly reference?: string };
}

/** The Checkov check ids a policy names as its peers (its `checkov(...)` framework), in order. */
export function checkovPeers(policy: WithFramework): string[] {
    if (policy.framework?.name !== "Checkov" || policy.framework.reference === undefined) return [];
    return policy.framework.reference
        .split(",")
        .map((id) => id.trim())
        .filter((id) => id !== "");
}
