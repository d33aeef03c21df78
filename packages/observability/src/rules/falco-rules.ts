/**
 * Alerts on Falco itself (the platform layer's runtime security DaemonSet): a node without a
 * running Falco pod is a node whose syscalls nobody watches, so it pages like an outage. Read from
 * kube-state-metrics (the DaemonSet's status), which keeps reporting when Falco cannot.
 */
import { type AlertRule, type RuleGroup, runbookUrl } from "./types.js";

/** Where the platform layer runs Falco (`@platform/addons` FALCO_NAMESPACE and FALCO_RELEASE). */
export interface FalcoAlertTarget {
    readonly namespace: string;
    readonly daemonset: string;
}

export const FALCO_TARGET: FalcoAlertTarget = { namespace: "kube-system", daemonset: "falco" };

/** The `falco` group: FalcoDown (pods unavailable on some nodes) and FalcoMissing (the DaemonSet is gone). */
export function falcoAlertGroups(runbookBaseUrl: string, team = "platform", target: FalcoAlertTarget = FALCO_TARGET): RuleGroup[] {
    const selector = `namespace="${target.namespace}", daemonset="${target.daemonset}"`;
    const down: AlertRule = {
        alert: "FalcoDown",
        expr: `kube_daemonset_status_number_unavailable{${selector}} > 0`,
        for: "10m",
        labels: { severity: "critical", team },
        annotations: {
            summary: "Falco is not running on every node",
            description: "{{ $value }} node(s) have had no available Falco pod for 10 minutes: their runtime activity is not watched",
            runbook_url: runbookUrl(runbookBaseUrl, "FalcoDown"),
        },
    };
    const missing: AlertRule = {
        alert: "FalcoMissing",
        expr: `absent(kube_daemonset_status_desired_number_scheduled{${selector}})`,
        for: "15m",
        labels: { severity: "critical", team },
        annotations: {
            summary: "Falco's DaemonSet does not exist",
            description: `No DaemonSet ${target.namespace}/${target.daemonset} for 15 minutes: no node's runtime activity is watched`,
            runbook_url: runbookUrl(runbookBaseUrl, "FalcoMissing"),
        },
    };
    return [{ name: "falco", rules: [down, missing] }];
}
