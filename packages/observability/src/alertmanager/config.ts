/**
 * The Alertmanager configuration: routing by team and severity, inhibition, and receivers whose
 * credentials are files (`routing_key_file`, `api_url_file`, `auth_password_file`) mounted from the
 * `alertmanager-receivers` Secret that an ExternalSecret fills from the cloud secret store, so no
 * key or webhook URL is ever in the configuration, the Helm values or the Pulumi state.
 *
 * Severity decides where (seed 000's escalation levels, seed 001's "critical -> PagerDuty"):
 * critical (and emergency) to PagerDuty and Slack, warning to Slack, info to email. Team decides
 * whose PagerDuty service, Slack channel and mailbox. Timings: seed 000's Alertmanager
 * (`group_wait: 10s`, `group_interval: 10s`, `repeat_interval: 1h`) at the root and for info, and
 * seed 000's escalation levels as repeat intervals (critical 5m, warning 15m, emergency 1m).
 */
import { stringify } from "yaml";
import { type Severity } from "../rules/types.js";

/** Where the Alertmanager pods see the receivers' Secret (kube-prometheus-stack mounts `alertmanagerSpec.secrets` here). */
export const RECEIVER_SECRET_NAME = "alertmanager-receivers";
export const RECEIVER_SECRETS_DIR = `/etc/alertmanager/secrets/${RECEIVER_SECRET_NAME}`;

/** The keys of the receivers' Secret (and properties of the cloud secret that fills it). */
export const receiverSecretKeys = {
    pagerduty: (team: string) => `pagerduty-${team}-routing-key`,
    slack: (team: string) => `slack-${team}-webhook-url`,
    smtpPassword: "smtp-password",
} as const;

export interface AlertingTeam {
    /** The `team` label value its alerts carry. */
    readonly name: string;
    /** The mailbox of its info alerts. */
    readonly email: string;
}

export interface SmtpSettings {
    /** Sender address (seed 000: `alerts@tiation.com`). */
    readonly from: string;
    /** `host:port` of the submission server; TLS is required. */
    readonly smarthost: string;
    /** SMTP user; the password is a file from the receivers' Secret. */
    readonly username: string;
}

export interface AlertmanagerConfigArgs {
    /** Teams with their own receivers; the first also receives alerts of any team not listed (and those without a team). */
    readonly teams: readonly AlertingTeam[];
    readonly smtp: SmtpSettings;
}

/** The part of the Alertmanager configuration the platform writes. */
export interface AlertmanagerConfig {
    readonly global: {
        readonly resolve_timeout: string;
        readonly smtp_from: string;
        readonly smtp_smarthost: string;
        readonly smtp_require_tls: boolean;
    };
    readonly route: Route;
    readonly inhibit_rules: readonly InhibitRule[];
    readonly receivers: readonly Receiver[];
}

export interface Route {
    readonly receiver: string;
    readonly matchers?: readonly string[];
    readonly group_by?: readonly string[];
    readonly group_wait?: string;
    readonly group_interval?: string;
    readonly repeat_interval?: string;
    readonly continue?: boolean;
    readonly routes?: readonly Route[];
}

export interface InhibitRule {
    readonly source_matchers: readonly string[];
    readonly target_matchers: readonly string[];
    readonly equal: readonly string[];
}

export interface Receiver {
    readonly name: string;
    readonly pagerduty_configs?: readonly Record<string, unknown>[];
    readonly slack_configs?: readonly Record<string, unknown>[];
    readonly email_configs?: readonly Record<string, unknown>[];
}

/** Timings per severity: how soon the first notification, how often updates, how often a reminder while it fires. */
export const SEVERITY_TIMINGS: Readonly<
    Record<Severity | "emergency", { group_wait: string; group_interval: string; repeat_interval: string }>
> = {
    emergency: { group_wait: "10s", group_interval: "1m", repeat_interval: "1m" },
    critical: { group_wait: "10s", group_interval: "1m", repeat_interval: "5m" },
    warning: { group_wait: "10s", group_interval: "5m", repeat_interval: "15m" },
    info: { group_wait: "10s", group_interval: "10s", repeat_interval: "1h" },
};

/** Seed 000's Alertmanager timings, at the root. */
export const ROOT_TIMINGS = { group_wait: "10s", group_interval: "10s", repeat_interval: "1h" } as const;

/** Alerts that must never notify: kube-prometheus-stack's always-firing Watchdog and its InfoInhibitor. */
export const SILENT_ALERTS = ["Watchdog", "InfoInhibitor"] as const;
export const NULL_RECEIVER = "null";

const SLACK_TITLE =
    '[{{ .Status | toUpper }}{{ if eq .Status "firing" }}:{{ .Alerts.Firing | len }}{{ end }}] {{ .CommonLabels.alertname }} ({{ .CommonLabels.team }})';
const SLACK_TEXT =
    "{{ range .Alerts }}*{{ .Annotations.summary }}*\n{{ .Annotations.description }}\nRunbook: {{ .Annotations.runbook_url }}\n{{ end }}";

function receiversOf(team: AlertingTeam, smtpUsername: string): Receiver[] {
    // A new object each time: a shared one would render as a YAML alias.
    const slack = () => ({
        api_url_file: `${RECEIVER_SECRETS_DIR}/${receiverSecretKeys.slack(team.name)}`,
        send_resolved: true,
        title: SLACK_TITLE,
        text: SLACK_TEXT,
    });
    return [
        {
            name: `${team.name}-critical`,
            pagerduty_configs: [
                {
                    routing_key_file: `${RECEIVER_SECRETS_DIR}/${receiverSecretKeys.pagerduty(team.name)}`,
                    send_resolved: true,
                    severity: "{{ if .CommonLabels.severity }}{{ .CommonLabels.severity }}{{ else }}critical{{ end }}",
                    description: "{{ .CommonLabels.alertname }}: {{ .CommonAnnotations.summary }}",
                },
            ],
            slack_configs: [slack()],
        },
        { name: `${team.name}-warning`, slack_configs: [slack()] },
        {
            name: `${team.name}-info`,
            email_configs: [
                {
                    to: team.email,
                    auth_username: smtpUsername,
                    auth_password_file: `${RECEIVER_SECRETS_DIR}/${receiverSecretKeys.smtpPassword}`,
                    send_resolved: false,
                },
            ],
        },
    ];
}

function severityRoutes(team: string): Route[] {
    const route = (severity: Severity | "emergency", receiver: Severity): Route => ({
        receiver: `${team}-${receiver}`,
        matchers: [`severity="${severity}"`],
        ...SEVERITY_TIMINGS[severity],
    });
    return [route("emergency", "critical"), route("critical", "critical"), route("warning", "warning"), route("info", "info")];
}

/** The configuration; `alertmanagerConfigYaml` renders it. Validate the args first (validateAlertmanagerArgs). */
export function alertmanagerConfig(args: AlertmanagerConfigArgs): AlertmanagerConfig {
    const [first] = args.teams;
    if (first === undefined) throw new Error("teams: at least one team receives the alerts");
    return {
        global: { resolve_timeout: "5m", smtp_from: args.smtp.from, smtp_smarthost: args.smtp.smarthost, smtp_require_tls: true },
        route: {
            // The default team's Slack: an alert without (or with an unknown) severity still reaches someone.
            receiver: `${first.name}-warning`,
            group_by: ["alertname", "namespace", "team"],
            ...ROOT_TIMINGS,
            routes: [
                { receiver: NULL_RECEIVER, matchers: [`alertname=~"${SILENT_ALERTS.join("|")}"`] },
                ...args.teams.map((t) => ({
                    receiver: `${t.name}-warning`,
                    matchers: [`team="${t.name}"`],
                    routes: severityRoutes(t.name),
                })),
                // Alerts of a team not listed (or of none, as the chart's own Kubernetes alerts): the default team.
                ...severityRoutes(first.name),
            ],
        },
        inhibit_rules: [
            {
                source_matchers: ['severity="emergency"'],
                target_matchers: ['severity=~"critical|warning|info"'],
                equal: ["alertname", "namespace", "service"],
            },
            {
                source_matchers: ['severity="critical"'],
                target_matchers: ['severity=~"warning|info"'],
                equal: ["alertname", "namespace", "service"],
            },
            { source_matchers: ['severity="warning"'], target_matchers: ['severity="info"'], equal: ["alertname", "namespace", "service"] },
            // A fast burn already pages: the slower burns of the same SLO add nothing.
            {
                source_matchers: ['alertname="ErrorBudgetFastBurn"'],
                target_matchers: ['alertname=~"ErrorBudgetSustainedBurn|ErrorBudgetSlowBurn"'],
                equal: ["service"],
            },
            // kube-prometheus-stack's InfoInhibitor: info alerts notify only alongside a warning or critical one in the namespace.
            { source_matchers: ['alertname="InfoInhibitor"'], target_matchers: ['severity="info"'], equal: ["namespace"] },
        ],
        receivers: [{ name: NULL_RECEIVER }, ...args.teams.flatMap((t) => receiversOf(t, args.smtp.username))],
    };
}

export function alertmanagerConfigYaml(config: AlertmanagerConfig): string {
    return stringify(config, { lineWidth: 0 });
}

/** The receivers' Secret keys the configuration reads: what the cloud secret must hold. */
export function receiverSecretKeysOf(teams: readonly AlertingTeam[]): string[] {
    return [
        ...teams.flatMap((t) => [receiverSecretKeys.pagerduty(t.name), receiverSecretKeys.slack(t.name)]),
        receiverSecretKeys.smtpPassword,
    ];
}
