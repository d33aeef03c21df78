/**
 * The platform's Falco rules (seed 000 S3 and seed 001 S2), typed and rendered to the YAML of a
 * Falco rules file. Falco loads them after its default ruleset (`falco_rules.yaml`, installed by
 * the chart's falcoctl), whose macros (`spawned_process`, `container`, `open_read`) and lists
 * (`shell_binaries`, `shell_mgmt_binaries`) they use. Seed 000 gives its rule verbatim; seed 001
 * names four rules without conditions, written here from its descriptions: privilege escalation
 * (sudo/su), sensitive file access (/etc/shadow, SSH keys), reverse shell, cryptocurrency mining.
 */
import { stringify } from "yaml";

/** Falco's priorities, most severe first (the rules file's `priority`; falcosidekick's `minimumpriority` in lower case). */
export const FALCO_PRIORITIES = ["EMERGENCY", "ALERT", "CRITICAL", "ERROR", "WARNING", "NOTICE", "INFORMATIONAL", "DEBUG"] as const;
export type FalcoPriority = (typeof FALCO_PRIORITIES)[number];

export interface FalcoList {
    readonly list: string;
    readonly items: readonly string[];
}

export interface FalcoRule {
    readonly rule: string;
    readonly desc: string;
    /** A Falco filter condition. */
    readonly condition: string;
    /** The alert text; `%field` placeholders are filled from the event. */
    readonly output: string;
    readonly priority: FalcoPriority;
    readonly tags: readonly string[];
}

export type FalcoRulesItem = FalcoList | FalcoRule;

/** Names the default ruleset defines and the platform's rules use: a rule naming anything else fails to load. */
export const FALCO_DEFAULT_NAMES = ["spawned_process", "container", "open_read", "shell_binaries", "shell_mgmt_binaries"] as const;

/** The fields every output carries, so an alert names the workload: container, image, pod and namespace. */
const WHERE = "container=%container.name image=%container.image.repository:%container.image.tag k8s.ns=%k8s.ns.name k8s.pod=%k8s.pod.name";

/** Privilege escalation tools of seed 001 ("sudo/su"). */
export const PRIVILEGE_ESCALATION_BINARIES: FalcoList = { list: "platform_privilege_escalation_binaries", items: ["sudo", "su"] };
/** Well-known miners' process names (seed 001 "Cryptocurrency Mining"). */
export const MINER_BINARIES: FalcoList = {
    list: "platform_miner_binaries",
    items: ["xmrig", "xmr-stak", "minerd", "cpuminer", "ccminer", "cgminer", "bfgminer", "ethminer", "nbminer", "t-rex"],
};

export const FALCO_RULES: readonly FalcoRule[] = [
    {
        // Seed 000, verbatim but for the output's extra workload fields.
        rule: "Detect shell in container",
        desc: "Detect shell spawned in container",
        condition: "spawned_process and container and (proc.name in (shell_binaries) or proc.name in (shell_mgmt_binaries))",
        output: `Shell spawned in container (user=%user.name ${WHERE} shell=%proc.name)`,
        priority: "WARNING",
        tags: ["platform", "seed-000", "shell"],
    },
    {
        rule: "Privilege escalation in container",
        desc: "sudo or su run inside a container: an attempt to become another user, typically root",
        condition: `spawned_process and container and proc.name in (${PRIVILEGE_ESCALATION_BINARIES.list})`,
        output: `Privilege escalation tool run in container (user=%user.name ${WHERE} command=%proc.cmdline)`,
        priority: "CRITICAL",
        tags: ["platform", "seed-001", "privilege_escalation"],
    },
    {
        rule: "Sensitive file access in container",
        desc: "A container process opened /etc/shadow or an SSH key directory for reading",
        condition: "open_read and container and (fd.name = /etc/shadow or fd.name startswith /root/.ssh/ or fd.name glob '/home/*/.ssh/*')",
        output: `Sensitive file opened for reading in container (user=%user.name ${WHERE} file=%fd.name command=%proc.cmdline)`,
        priority: "ERROR",
        tags: ["platform", "seed-001", "credential_access"],
    },
    {
        rule: "Reverse shell in container",
        desc: "A shell's standard input, output or error redirected to a network connection: the shape of a reverse shell",
        condition:
            "evt.type in (dup, dup2, dup3) and evt.dir = < and container and proc.name in (shell_binaries) and fd.num in (0, 1, 2) and fd.type in (ipv4, ipv6)",
        output: `Reverse shell in container (user=%user.name ${WHERE} connection=%fd.name command=%proc.cmdline)`,
        priority: "CRITICAL",
        tags: ["platform", "seed-001", "reverse_shell"],
    },
    {
        rule: "Cryptocurrency mining in container",
        desc: "A known miner started in a container, or a process given a stratum mining-pool address",
        condition: `spawned_process and container and (proc.name in (${MINER_BINARIES.list}) or proc.cmdline contains "stratum+tcp" or proc.cmdline contains "stratum+ssl")`,
        output: `Cryptocurrency miner in container (user=%user.name ${WHERE} command=%proc.cmdline)`,
        priority: "CRITICAL",
        tags: ["platform", "seed-001", "cryptomining"],
    },
];

/** The lists the rules define, then the rules: Falco needs a list before the rule that uses it. */
export function falcoRulesItems(): FalcoRulesItem[] {
    return [PRIVILEGE_ESCALATION_BINARIES, MINER_BINARIES, ...FALCO_RULES];
}

/** The rules file, as Falco reads it (`customRules` of the chart). */
export function falcoRulesYaml(items: readonly FalcoRulesItem[] = falcoRulesItems()): string {
    const problems = falcoRulesProblems(items);
    if (problems.length > 0) throw new Error(`invalid Falco rules: ${problems.join("; ")}`);
    return stringify(items, { lineWidth: 0 });
}

/**
 * What would make Falco refuse the file or a rule silently never match: duplicate names, a list
 * used before it is defined or defined nowhere, unbalanced parentheses, an output without fields.
 */
export function falcoRulesProblems(items: readonly FalcoRulesItem[]): string[] {
    const problems: string[] = [];
    const defined = new Set<string>(FALCO_DEFAULT_NAMES);
    const seen = new Set<string>();
    for (const item of items) {
        const name = "list" in item ? item.list : item.rule;
        if (seen.has(name)) problems.push(`"${name}" is defined twice`);
        seen.add(name);
        if ("list" in item) {
            if (item.items.length === 0) problems.push(`list "${name}" is empty`);
            defined.add(item.list);
            continue;
        }
        let depth = 0;
        for (const ch of item.condition) {
            depth += ch === "(" ? 1 : ch === ")" ? -1 : 0;
            if (depth < 0) break;
        }
        if (depth !== 0) problems.push(`rule "${name}": unbalanced parentheses in its condition`);
        for (const [, used] of item.condition.matchAll(/\bin \(([a-z_]+)\)/g)) {
            if (used !== undefined && !defined.has(used)) problems.push(`rule "${name}": list ${used} is not defined before it`);
        }
        if (!/%[a-z]/.test(item.output)) problems.push(`rule "${name}": its output names no event field`);
        if (item.tags.length === 0) problems.push(`rule "${name}": has no tags`);
    }
    return problems;
}
