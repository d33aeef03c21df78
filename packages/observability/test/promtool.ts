/**
 * Runs the real promtool (tools/prometheus) on rendered rule files: `check rules` and `test rules`
 * with unit tests written as objects (the promtool test file format) in a temporary directory.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { ruleFileYaml, type RuleGroup } from "../src/index.js";

export interface Alert {
    readonly exp_labels: Readonly<Record<string, string>>;
    readonly exp_annotations?: Readonly<Record<string, string>>;
}

/** One promtool unit test: series fed at `interval`, then alert and expression expectations. */
export interface PromtoolTest {
    readonly name: string;
    readonly interval: string;
    readonly input_series: readonly { series: string; values: string }[];
    readonly alert_rule_test?: readonly { eval_time: string; alertname: string; exp_alerts: readonly Alert[] }[];
    readonly promql_expr_test?: readonly {
        expr: string;
        eval_time: string;
        exp_samples: readonly { labels: string; value: number }[];
    }[];
}

export interface ToolRun {
    readonly status: number | null;
    readonly output: string;
}

function run(tool: string, args: string[], cwd: string): ToolRun {
    const r = spawnSync(tool, args, { cwd, encoding: "utf8" });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Writes each rule set to `<name>.rules.yaml` in a fresh directory and gives it to `use`. */
export function withRuleFiles<T>(sets: Readonly<Record<string, readonly RuleGroup[]>>, use: (dir: string, files: string[]) => T): T {
    const dir = mkdtempSync(path.join(tmpdir(), "promtool-"));
    try {
        const files = Object.entries(sets).map(([name, groups]) => {
            const file = `${name}.rules.yaml`;
            writeFileSync(path.join(dir, file), ruleFileYaml(groups));
            return file;
        });
        return use(dir, files);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

/** `promtool check rules` on every set. */
export function checkRules(promtool: string, sets: Readonly<Record<string, readonly RuleGroup[]>>): ToolRun {
    return withRuleFiles(sets, (dir, files) => run(promtool, ["check", "rules", ...files], dir));
}

/** `promtool test rules` of `tests` against the rule sets, evaluated every minute. */
export function testRules(promtool: string, sets: Readonly<Record<string, readonly RuleGroup[]>>, tests: readonly PromtoolTest[]): ToolRun {
    return withRuleFiles(sets, (dir, files) => {
        writeFileSync(path.join(dir, "tests.yaml"), stringify({ rule_files: files, evaluation_interval: "1m", tests }, { lineWidth: 0 }));
        return run(promtool, ["test", "rules", "tests.yaml"], dir);
    });
}

/** Names of the alerts that `tests` expect to fire, and of those with an empty exp_alerts case. */
export function coverage(tests: readonly PromtoolTest[]): { fires: Set<string>; silent: Set<string> } {
    const fires = new Set<string>();
    const silent = new Set<string>();
    for (const t of tests) {
        for (const a of t.alert_rule_test ?? []) (a.exp_alerts.length > 0 ? fires : silent).add(a.alertname);
    }
    return { fires, silent };
}
