/**
 * The conventions every policy of a pack follows (policies/README.md "Adding a policy"): its name
 * starts with the pack's name, names are unique, and it carries the metadata the engine shows:
 * an enforcement level, a severity, peer checks (a `framework`) or the seed requirements it
 * implements (`seed-NNN` tags), remediation steps and an https url.
 */
import type { Policies } from "@pulumi/policy";
import { SEED_TAG_PREFIX } from "../metadata.js";

const SEED_TAG = new RegExp(`^${SEED_TAG_PREFIX}\\d{3}$`);

/** Every departure from the conventions, one line each, `<policy>: <problem>`. [] when the pack follows them. */
export function policyConventionProblems(packName: string, policies: Policies): string[] {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const p of policies) {
        const say = (problem: string) => problems.push(`${p.name}: ${problem}`);
        if (!p.name.startsWith(`${packName}-`)) say(`name does not start with "${packName}-"`);
        if (seen.has(p.name)) say("name is used twice");
        seen.add(p.name);
        if (!p.enforcementLevel) say("no enforcementLevel");
        if (!p.severity) say("no severity");
        const f = p.framework;
        const peers = f !== undefined && [f.name, f.version, f.reference, f.specification].every((v) => v.length > 0);
        const seeds = (p.tags ?? []).some((t) => SEED_TAG.test(t));
        if (f !== undefined && !peers) say("framework lacks a name, version, reference or specification");
        if (!peers && !seeds) say(`neither a framework (peer checks) nor a ${SEED_TAG_PREFIX}NNN tag`);
        if (!p.remediationSteps?.trim()) say("no remediationSteps");
        if (!p.url?.startsWith("https://")) say("no https url");
    }
    return problems;
}
