import * as assert from "node:assert/strict";
import { parse } from "yaml";
import {
    FALCO_RULES,
    falcoRulesItems,
    falcoRulesProblems,
    falcoRulesYaml,
    type FalcoRule,
    MINER_BINARIES,
    PRIVILEGE_ESCALATION_BINARIES,
} from "../../src/index.js";

const rule = (name: string): FalcoRule => {
    const r = FALCO_RULES.find((x) => x.rule === name);
    assert.ok(r, name);
    return r;
};

describe("Falco rules (seed 000 S3, seed 001 S2)", () => {
    it("five rules: seed 000's shell rule and seed 001's four, with their priorities", () => {
        assert.deepEqual(
            FALCO_RULES.map((r) => [r.rule, r.priority, r.tags[1]]),
            [
                ["Detect shell in container", "WARNING", "seed-000"],
                ["Privilege escalation in container", "CRITICAL", "seed-001"],
                ["Sensitive file access in container", "ERROR", "seed-001"],
                ["Reverse shell in container", "CRITICAL", "seed-001"],
                ["Cryptocurrency mining in container", "CRITICAL", "seed-001"],
            ],
        );
    });

    it("seed 000's rule keeps the seed's name, description, condition and priority verbatim", () => {
        const shell = rule("Detect shell in container");
        assert.equal(shell.desc, "Detect shell spawned in container");
        assert.equal(
            shell.condition,
            "spawned_process and container and (proc.name in (shell_binaries) or proc.name in (shell_mgmt_binaries))",
        );
        assert.match(
            shell.output,
            /^Shell spawned in container \(user=%user\.name container=%container\.name image=%container\.image\.repository:%container\.image\.tag .* shell=%proc\.name\)$/,
        );
        assert.equal(shell.priority, "WARNING");
    });

    it("seed 001's rules watch what the seed names: sudo/su, /etc/shadow and SSH keys, shells on sockets, miners", () => {
        assert.deepEqual(PRIVILEGE_ESCALATION_BINARIES.items, ["sudo", "su"]);
        assert.match(rule("Privilege escalation in container").condition, /proc\.name in \(platform_privilege_escalation_binaries\)/);
        const files = rule("Sensitive file access in container").condition;
        assert.match(files, /^open_read and container and /);
        assert.match(files, /fd\.name = \/etc\/shadow/);
        assert.match(files, /fd\.name startswith \/root\/\.ssh\//);
        assert.match(files, /fd\.name glob '\/home\/\*\/\.ssh\/\*'/);
        assert.match(rule("Reverse shell in container").condition, /fd\.num in \(0, 1, 2\) and fd\.type in \(ipv4, ipv6\)$/);
        assert.ok(MINER_BINARIES.items.includes("xmrig"));
        assert.match(rule("Cryptocurrency mining in container").condition, /stratum\+tcp/);
        for (const r of FALCO_RULES) {
            assert.match(r.condition, /\bcontainer\b/, `${r.rule} is scoped to containers`);
            assert.match(r.output, /k8s\.ns=%k8s\.ns\.name k8s\.pod=%k8s\.pod\.name/, `${r.rule} names the pod`);
        }
    });

    it("the file: the two lists, then the five rules, as Falco's YAML (round-trips to the same items)", () => {
        const text = falcoRulesYaml();
        assert.deepEqual(parse(text), JSON.parse(JSON.stringify(falcoRulesItems())));
        assert.match(
            text,
            /^- list: platform_privilege_escalation_binaries\n {2}items:\n {4}- sudo\n {4}- su\n- list: platform_miner_binaries\n/,
        );
        assert.match(
            text,
            /\n- rule: Detect shell in container\n {2}desc: Detect shell spawned in container\n {2}condition: spawned_process and container and \(proc\.name in \(shell_binaries\) or proc\.name in \(shell_mgmt_binaries\)\)\n/,
        );
        assert.equal((text.match(/^- rule: /gm) ?? []).length, 5);
        assert.deepEqual(falcoRulesProblems(falcoRulesItems()), []);
    });

    it("refuses a rule using an undefined or later list, unbalanced parentheses, a duplicate, an output without fields", () => {
        const base = rule("Privilege escalation in container");
        const problems = falcoRulesProblems([
            { ...base, rule: "uses later list" },
            PRIVILEGE_ESCALATION_BINARIES,
            { ...base, rule: "unknown list", condition: "spawned_process and proc.name in (nowhere_defined)" },
            { ...base, rule: "unbalanced", condition: "spawned_process and (container" },
            { ...base, rule: "no fields", output: "something happened" },
            { ...base, rule: "no fields" },
            { list: "empty", items: [] },
        ]);
        assert.deepEqual(problems, [
            'rule "uses later list": list platform_privilege_escalation_binaries is not defined before it',
            'rule "unknown list": list nowhere_defined is not defined before it',
            'rule "unbalanced": unbalanced parentheses in its condition',
            'rule "no fields": its output names no event field',
            '"no fields" is defined twice',
            'list "empty" is empty',
        ]);
        assert.throws(
            () => falcoRulesYaml([PRIVILEGE_ESCALATION_BINARIES, { ...base, rule: "x", output: "plain" }]),
            /^Error: invalid Falco rules: rule "x": its output names no event field$/,
        );
    });
});
