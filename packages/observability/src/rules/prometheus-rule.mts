/**
 * Rule groups as PrometheusRule objects, built with the typed model of
 * `@kubernetes-models/prometheus-operator` and validated against its schema. An ES module: the
 * models ship only as ES modules. Registers the kind with the schema registry the tests validate
 * every synthesized object against.
 */
import { PrometheusRule } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule";
import { registerModels } from "@platform/workload/schemas";
import { isAlertRule, type RuleGroup } from "./types.js";

registerModels({ "monitoring.coreos.com/v1/PrometheusRule": PrometheusRule });

export interface PrometheusRuleManifestArgs {
    readonly name: string;
    readonly namespace: string;
    readonly groups: readonly RuleGroup[];
    /** Labels of the object; the Prometheus of the stack selects rules by `release`. */
    readonly labels: Readonly<Record<string, string>>;
}

/** A validated PrometheusRule manifest (plain JSON) holding `groups`. */
export function prometheusRuleManifest(args: PrometheusRuleManifestArgs): Record<string, unknown> {
    const model = new PrometheusRule({
        metadata: { name: args.name, namespace: args.namespace, labels: { ...args.labels } },
        spec: {
            groups: args.groups.map((g) => ({
                name: g.name,
                ...(g.interval !== undefined ? { interval: g.interval } : {}),
                rules: g.rules.map((r) =>
                    isAlertRule(r)
                        ? { alert: r.alert, expr: r.expr, for: r.for, labels: { ...r.labels }, annotations: { ...r.annotations } }
                        : { record: r.record, expr: r.expr, ...(r.labels !== undefined ? { labels: { ...r.labels } } : {}) },
                ),
            })),
        },
    });
    model.validate();
    return model.toJSON() as Record<string, unknown>;
}
