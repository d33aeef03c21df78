/**
 * Seed 002's alert policies (O17, §4) as Prometheus rules over the `sma` namespace: service
 * downtime ("Immediate"), error rate above 5%, CPU above 80% and memory above 90% of the limits.
 * The seed gives thresholds, not durations: the `for` values are this example's (1 minute for
 * downtime, 5 minutes for the rest, like seed 000's resource alerts).
 */
import type { AlertRule, RuleGroup } from "@platform/observability";

export const SMA_THRESHOLDS = { errorRatio: 0.05, cpuOfLimit: 0.8, memoryOfLimit: 0.9 } as const;

function rule(
    name: string,
    expr: string,
    forDuration: string,
    severity: "critical" | "warning",
    summary: string,
    runbook: string,
): AlertRule {
    return {
        alert: name,
        expr,
        for: forDuration,
        labels: { severity, team: "sma" },
        annotations: { summary, description: `${summary} ({{ $labels.app }}{{ $labels.pod }}: {{ $value }})`, runbook_url: runbook },
    };
}

/** The rule groups; `runbook` is the page the alerts link to. */
export function smaRuleGroups(namespace: string, runbook: string): RuleGroup[] {
    const ns = `namespace="${namespace}"`;
    const limits = (resource: string) => `sum by (pod) (kube_pod_container_resource_limits{${ns},resource="${resource}"})`;
    return [
        {
            name: "sma-availability",
            rules: [
                rule("SmaServiceDown", `up{${ns}} == 0`, "1m", "critical", "An SMA service does not answer its scrape", runbook),
                rule(
                    "SmaHighErrorRate",
                    `sum by (app) (rate(http_requests_total{${ns},status=~"5.."}[5m])) / sum by (app) (rate(http_requests_total{${ns}}[5m])) > ${SMA_THRESHOLDS.errorRatio}`,
                    "5m",
                    "critical",
                    "More than 5% of an SMA service's responses are errors",
                    runbook,
                ),
            ],
        },
        {
            name: "sma-resources",
            rules: [
                rule(
                    "SmaHighCpu",
                    `sum by (pod) (rate(container_cpu_usage_seconds_total{${ns},container!=""}[5m])) / ${limits("cpu")} > ${SMA_THRESHOLDS.cpuOfLimit}`,
                    "5m",
                    "warning",
                    "An SMA pod uses more than 80% of its CPU limit",
                    runbook,
                ),
                rule(
                    "SmaHighMemory",
                    `sum by (pod) (container_memory_working_set_bytes{${ns},container!=""}) / ${limits("memory")} > ${SMA_THRESHOLDS.memoryOfLimit}`,
                    "5m",
                    "warning",
                    "An SMA pod uses more than 90% of its memory limit",
                    runbook,
                ),
            ],
        },
    ];
}
