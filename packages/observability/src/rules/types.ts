/**
 * The shape of Prometheus alerting and recording rules as the platform writes them: the same
 * groups a PrometheusRule's `spec.groups` holds and a promtool rule file's `groups:` holds, so one
 * definition feeds the cluster and the tests.
 */

/** Severities the Alertmanager routing knows (docs: packages/observability/README.md). */
export const SEVERITIES = ["critical", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Labels every alert carries: routing reads `severity` and `team`. */
export interface AlertLabels {
    readonly severity: Severity;
    /** The team that owns the alert; Alertmanager routes on it. */
    readonly team: string;
    readonly [label: string]: string;
}

/** Annotations every alert carries: what, why, and where the runbook is. */
export interface AlertAnnotations {
    readonly summary: string;
    readonly description: string;
    readonly runbook_url: string;
    readonly [annotation: string]: string;
}

export interface AlertRule {
    readonly alert: string;
    readonly expr: string;
    /** How long the condition holds before the alert fires (a Prometheus duration: `5m`). */
    readonly for: string;
    readonly labels: AlertLabels;
    readonly annotations: AlertAnnotations;
}

export interface RecordingRule {
    readonly record: string;
    readonly expr: string;
    readonly labels?: Readonly<Record<string, string>>;
}

export type Rule = AlertRule | RecordingRule;

export interface RuleGroup {
    readonly name: string;
    /** Evaluation interval of the group; Prometheus' global one (30s in kube-prometheus-stack) when unset. */
    readonly interval?: string;
    readonly rules: readonly Rule[];
}

export function isAlertRule(rule: Rule): rule is AlertRule {
    return "alert" in rule;
}

/**
 * The runbook of an alert: a section of docs/runbooks.md (one heading per alert, so the anchor is
 * the alert name in lower case) under `runbookBaseUrl`, the file's address in the platform's
 * repository (`https://github.com/<owner>/<repo>/blob/main/docs/runbooks.md`).
 */
export function runbookUrl(runbookBaseUrl: string, alert: string): string {
    return `${runbookBaseUrl}#${alert.toLowerCase()}`;
}
