/**
 * Rule groups as a Prometheus rule file (the `groups:` YAML that `promtool check rules` and
 * `promtool test rules` read, and that a PrometheusRule's spec holds): the tests render every group
 * the cluster gets and run the real promtool on it.
 */
import { stringify } from "yaml";
import { isAlertRule, type RuleGroup } from "./types.js";

export function ruleFileYaml(groups: readonly RuleGroup[]): string {
    return stringify(
        {
            groups: groups.map((g) => ({
                name: g.name,
                ...(g.interval !== undefined ? { interval: g.interval } : {}),
                rules: g.rules.map((r) =>
                    isAlertRule(r)
                        ? { alert: r.alert, expr: r.expr, for: r.for, labels: { ...r.labels }, annotations: { ...r.annotations } }
                        : { record: r.record, expr: r.expr, ...(r.labels !== undefined ? { labels: { ...r.labels } } : {}) },
                ),
            })),
        },
        { lineWidth: 0 },
    );
}
