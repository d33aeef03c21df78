/**
 * Every rule group the cluster's Prometheus evaluates, by PrometheusRule name: seed 000's alerts,
 * seed 004's recording rule, Falco's health and one SLO per service. The component deploys exactly these, and the
 * tests run promtool on exactly these.
 */
import { type RuleGroup } from "../rules/types.js";
import { seed000AlertGroups, seed004RuleGroups, type SeedRuleOwners } from "../rules/seed-rules.js";
import { falcoAlertGroups } from "../rules/falco-rules.js";
import { sloRuleGroup } from "../slo/generate.js";
import { type SloSpec } from "../slo/spec.js";

export interface RuleSetArgs {
    /** The address of docs/runbooks.md, which the alerts' `runbook_url` points into. */
    readonly runbookBaseUrl: string;
    /** SLOs to generate rules for, one PrometheusRule each. */
    readonly slos: readonly SloSpec[];
    /** Teams owning the seed alerts. @default platform and backend */
    readonly owners?: SeedRuleOwners;
}

export function monitoringRuleSets(args: RuleSetArgs): Record<string, readonly RuleGroup[]> {
    return {
        "seed-000-alerts": seed000AlertGroups(args.runbookBaseUrl, args.owners ?? {}),
        "seed-004-rules": seed004RuleGroups(),
        "falco-alerts": falcoAlertGroups(args.runbookBaseUrl, args.owners?.platform),
        ...Object.fromEntries(args.slos.map((s) => [`slo-${s.service}`, [sloRuleGroup(s, args.runbookBaseUrl)]])),
    };
}

/** docs/runbooks.md in the repository that deploys the environment (`platform:security.github`). */
export function runbookBaseUrlOf(github: { readonly owner: string; readonly repository: string } | undefined): string {
    return github !== undefined
        ? `https://github.com/${github.owner}/${github.repository}/blob/main/docs/runbooks.md`
        : // No repository configured: the path in the platform repository, still readable by whoever holds a checkout.
          "docs/runbooks.md";
}
