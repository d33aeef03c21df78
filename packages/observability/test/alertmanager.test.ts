import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { findGoTool } from "@platform/synth";
import { validateObject } from "@platform/workload/schemas";
import { parse } from "yaml";
import {
    type AlertmanagerConfig,
    type AlertmanagerConfigArgs,
    alertmanagerConfig,
    alertmanagerConfigYaml,
    externalSecretManifest,
    receiverSecretKeysOf,
    validateAlertmanagerArgs,
} from "../src/index.js";

const ARGS: AlertmanagerConfigArgs = {
    teams: [
        { name: "platform", email: "platform-team@acme.example.com" },
        { name: "docuthinker", email: "docuthinker@acme.example.com" },
    ],
    smtp: { from: "alerts@acme.example.com", smarthost: "email-smtp.us-east-1.amazonaws.com:587", username: "alertmanager" },
};
const CONFIG = alertmanagerConfig(ARGS);
const DIR = "/etc/alertmanager/secrets/alertmanager-receivers";

function amtool(
    amtoolPath: string,
    config: AlertmanagerConfig | string,
    args: (file: string) => string[],
): { status: number | null; output: string } {
    const dir = mkdtempSync(path.join(tmpdir(), "amtool-"));
    try {
        const file = path.join(dir, "alertmanager.yaml");
        writeFileSync(file, typeof config === "string" ? config : alertmanagerConfigYaml(config));
        const r = spawnSync(amtoolPath, args(file), { encoding: "utf8" });
        return { status: r.status, output: `${r.stdout}${r.stderr}` };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

describe("Alertmanager configuration", () => {
    it("receivers per team: critical to PagerDuty and Slack, warning to Slack, info to email, every credential a file of the receivers' secret", () => {
        assert.deepEqual(
            CONFIG.receivers.map((r) => [r.name, Object.keys(r).filter((k) => k !== "name")]),
            [
                ["null", []],
                ["platform-critical", ["pagerduty_configs", "slack_configs"]],
                ["platform-warning", ["slack_configs"]],
                ["platform-info", ["email_configs"]],
                ["docuthinker-critical", ["pagerduty_configs", "slack_configs"]],
                ["docuthinker-warning", ["slack_configs"]],
                ["docuthinker-info", ["email_configs"]],
            ],
        );
        const critical = CONFIG.receivers[4];
        assert.equal(critical.pagerduty_configs![0]["routing_key_file"], `${DIR}/pagerduty-docuthinker-routing-key`);
        assert.equal(critical.slack_configs![0]["api_url_file"], `${DIR}/slack-docuthinker-webhook-url`);
        const info = CONFIG.receivers[6].email_configs![0];
        assert.deepEqual(
            [info["to"], info["auth_username"], info["auth_password_file"]],
            ["docuthinker@acme.example.com", "alertmanager", `${DIR}/smtp-password`],
        );
        assert.deepEqual(receiverSecretKeysOf(ARGS.teams), [
            "pagerduty-platform-routing-key",
            "slack-platform-webhook-url",
            "pagerduty-docuthinker-routing-key",
            "slack-docuthinker-webhook-url",
            "smtp-password",
        ]);
    });

    it("no credential in clear: no routing_key, service_key, api_url or password field, only their _file forms", () => {
        const yaml = alertmanagerConfigYaml(CONFIG);
        assert.doesNotMatch(yaml, /\b(routing_key|service_key|api_url|auth_password|smtp_auth_password|auth_secret):/);
        assert.equal(yaml.match(/routing_key_file:/g)?.length, 2);
        assert.equal(yaml.match(/api_url_file:/g)?.length, 4);
        assert.equal(yaml.match(/auth_password_file:/g)?.length, 2);
        assert.deepEqual(parse(yaml), JSON.parse(JSON.stringify(CONFIG)));
    });

    it("timings: seed 000's 10s/10s/1h at the root and for info, its escalation levels as repeat intervals", () => {
        const { route } = CONFIG;
        assert.deepEqual(
            [route.group_wait, route.group_interval, route.repeat_interval, route.group_by],
            ["10s", "10s", "1h", ["alertname", "namespace", "team"]],
        );
        assert.deepEqual(
            route.routes![1].routes!.map((r) => [r.matchers, r.receiver, r.group_wait, r.group_interval, r.repeat_interval]),
            [
                [['severity="emergency"'], "platform-critical", "10s", "1m", "1m"],
                [['severity="critical"'], "platform-critical", "10s", "1m", "5m"],
                [['severity="warning"'], "platform-warning", "10s", "5m", "15m"],
                [['severity="info"'], "platform-info", "10s", "10s", "1h"],
            ],
        );
    });

    it("inhibition: emergency over critical over warning over info for the same alert, namespace and service; a fast burn over the slower burns", () => {
        assert.deepEqual(
            CONFIG.inhibit_rules.map((r) => [r.source_matchers, r.target_matchers, r.equal]),
            [
                [['severity="emergency"'], ['severity=~"critical|warning|info"'], ["alertname", "namespace", "service"]],
                [['severity="critical"'], ['severity=~"warning|info"'], ["alertname", "namespace", "service"]],
                [['severity="warning"'], ['severity="info"'], ["alertname", "namespace", "service"]],
                [['alertname="ErrorBudgetFastBurn"'], ['alertname=~"ErrorBudgetSustainedBurn|ErrorBudgetSlowBurn"'], ["service"]],
                [['alertname="InfoInhibitor"'], ['severity="info"'], ["namespace"]],
            ],
        );
    });

    it("rejects bad arguments, every problem at once", () => {
        assert.deepEqual(
            validateAlertmanagerArgs({
                teams: [
                    { name: "Platform Team", email: "nobody" },
                    { name: "docs", email: "docs@acme.example.com" },
                    { name: "docs", email: "docs@acme.example.com" },
                ],
                smtp: { from: "alerts", smarthost: "localhost:587", username: " " },
            }).map((i) => `${i.field}: ${i.problem}`),
            [
                "teams[0].name: is not a valid team name (it is the alerts' team label value and part of receiver and secret key names)",
                "teams[0].email: is not an email address",
                'teams[].name: "docs" listed twice',
                "smtp.from: is not an email address",
                "smtp.smarthost: is not the host:port of a reachable SMTP server (localhost is the Alertmanager pod itself)",
                "smtp.username: is empty",
            ],
        );
        assert.deepEqual(
            validateAlertmanagerArgs({ ...ARGS, teams: [] }).map((i) => i.field),
            ["teams"],
        );
        assert.deepEqual(validateAlertmanagerArgs(ARGS), []);
        assert.throws(() => alertmanagerConfig({ ...ARGS, teams: [] }), /at least one team/);
    });

    it("the receivers' secret: an ExternalSecret from the platform store, valid against its schema", () => {
        const manifest = externalSecretManifest({
            name: "alertmanager-receivers",
            namespace: "monitoring",
            store: "platform-secrets",
            remoteKey: "acme-prod-alertmanager-receivers",
            labels: { team: "platform" },
        });
        validateObject(manifest);
        assert.deepEqual(manifest["spec"], {
            refreshInterval: "1h",
            secretStoreRef: { kind: "ClusterSecretStore", name: "platform-secrets" },
            target: { name: "alertmanager-receivers", creationPolicy: "Owner", deletionPolicy: "Delete" },
            dataFrom: [{ extract: { key: "acme-prod-alertmanager-receivers" } }],
        });
    });

    describe("amtool (the pinned tools/alertmanager build)", () => {
        it("check-config: the rendered configuration is valid", function () {
            const tool = findGoTool("alertmanager", "amtool");
            if (tool === undefined) this.skip();
            const r = amtool(tool, CONFIG, (file) => ["check-config", file]);
            assert.equal(r.status, 0, r.output);
            assert.match(r.output, /SUCCESS/);
            assert.match(r.output, / - 5 inhibit rules\n - 7 receivers\n/);
        });

        it("check-config fails on a route to a receiver that does not exist (the check can fail)", function () {
            const tool = findGoTool("alertmanager", "amtool");
            if (tool === undefined) this.skip();
            const broken = { ...CONFIG, route: { ...CONFIG.route, receiver: "nobody" } };
            const r = amtool(tool, broken, (file) => ["check-config", file]);
            assert.notEqual(r.status, 0);
            assert.match(r.output, /undefined receiver "nobody"/);
        });

        const cases: [string[], string][] = [
            [["severity=critical", "team=platform"], "platform-critical"],
            [["severity=warning", "team=platform"], "platform-warning"],
            [["severity=info", "team=platform"], "platform-info"],
            [["severity=emergency", "team=platform"], "platform-critical"],
            [["severity=critical", "team=docuthinker"], "docuthinker-critical"],
            [["severity=warning", "team=docuthinker"], "docuthinker-warning"],
            [["severity=info", "team=docuthinker"], "docuthinker-info"],
            [["severity=critical", "team=unknown"], "platform-critical"],
            [["severity=warning"], "platform-warning"],
            [["team=docuthinker"], "docuthinker-warning"],
            [["alertname=Watchdog", "severity=none"], "null"],
        ];
        for (const [labels, receiver] of cases) {
            it(`routes test: ${labels.join(" ")} -> ${receiver}`, function () {
                const tool = findGoTool("alertmanager", "amtool");
                if (tool === undefined) this.skip();
                const r = amtool(tool, CONFIG, (file) => ["config", "routes", "test", `--config.file=${file}`, ...labels]);
                assert.equal(r.status, 0, r.output);
                assert.equal(r.output.trim(), receiver);
            });
        }

        it("routes test --verify.receivers fails on the wrong receiver (the test can fail)", function () {
            const tool = findGoTool("alertmanager", "amtool");
            if (tool === undefined) this.skip();
            const r = amtool(tool, CONFIG, (file) => [
                "config",
                "routes",
                "test",
                `--config.file=${file}`,
                "--verify.receivers=platform-info",
                "severity=critical",
                "team=platform",
            ]);
            assert.notEqual(r.status, 0);
        });
    });
});
