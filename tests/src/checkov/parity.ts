/**
 * Policy parity with Checkov: every check Checkov fails on the export must be flagged by one of
 * our policies (a policy naming that check as its peer reports the same resource), or be listed in
 * policies/checkov-exceptions.yaml with the reason. Pure functions; the test runs Checkov.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { type EnvironmentSynthesis, loadTerraformTypes, planAddresses, POLICY_PACKS } from "@platform/automation";
import { checkovPeers } from "@platform/policy-kit";
import { parse } from "yaml";
import type { CheckovFailure } from "./checkov.js";

export interface CheckovException {
    readonly check: string;
    /** Address patterns (`*` matches any run of characters); every resource when absent. */
    readonly resources?: readonly string[];
    /** Environments it applies to; every environment when absent. */
    readonly environments?: readonly string[];
    readonly reason: string;
}

export const EXCEPTIONS_FILE = "policies/checkov-exceptions.yaml";

export function loadExceptions(root: string): CheckovException[] {
    const document = parse(readFileSync(path.join(root, EXCEPTIONS_FILE), "utf8")) as { exceptions?: CheckovException[] };
    return document.exceptions ?? [];
}

export const NOT_EVALUATED_FILE = "policies/checkov-not-evaluated.yaml";

/** Check id -> why Checkov never evaluates it on a platform resource (policies/checkov-not-evaluated.yaml). */
export function loadNotEvaluated(root: string): Record<string, string> {
    const document = parse(readFileSync(path.join(root, NOT_EVALUATED_FILE), "utf8")) as { notEvaluated?: Record<string, string> };
    return document.notEvaluated ?? {};
}

/** Checkov id -> the policies that name it as their peer. */
export function twinPolicies(): Map<string, string[]> {
    const twins = new Map<string, string[]>();
    for (const pack of POLICY_PACKS) {
        for (const policy of pack.policies) {
            for (const id of checkovPeers(policy)) twins.set(id, [...(twins.get(id) ?? []), policy.name]);
        }
    }
    return twins;
}

/** `<env> <address> <check>` for every resource a policy flags, under each Checkov peer of that policy. */
export function flaggedByPolicies(synthesis: EnvironmentSynthesis): Set<string> {
    const peersOf = new Map<string, string[]>();
    for (const pack of POLICY_PACKS) for (const policy of pack.policies) peersOf.set(policy.name, checkovPeers(policy));
    const table = loadTerraformTypes();
    const addressOf = new Map<string, string>();
    for (const stack of synthesis.stacks) {
        for (const [urn, { address }] of planAddresses(stack.resources, table)) addressOf.set(urn, address);
    }
    const flagged = new Set<string>();
    for (const violation of synthesis.violations) {
        const address = violation.urn === null ? "*" : addressOf.get(violation.urn);
        if (address === undefined) continue;
        for (const peer of peersOf.get(violation.policy) ?? []) flagged.add(`${synthesis.env} ${address} ${peer}`);
    }
    return flagged;
}

function matches(pattern: string, value: string): boolean {
    const regex = new RegExp(
        `^${pattern
            .split("*")
            .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
            .join(".*")}$`,
    );
    return regex.test(value);
}

/** The exception covering a failure, if any. */
export function exceptionFor(exceptions: readonly CheckovException[], env: string, failure: CheckovFailure): CheckovException | undefined {
    return exceptions.find(
        (e) =>
            e.check === failure.check_id &&
            (e.environments === undefined || e.environments.includes(env)) &&
            (e.resources === undefined || e.resources.some((r) => matches(r, failure.resource))),
    );
}

/** The environment and stack project of a failure, from its plan file path (`/prod/foundation/tfplan.json`). */
export function whereFailed(failure: CheckovFailure): { env: string; stack: string } {
    const parts = failure.file_path.split("/").filter((p) => p !== "");
    return { env: parts[parts.length - 3] ?? "?", stack: parts[parts.length - 2] ?? "?" };
}

/** The message for a failure nothing covers: the check, the resource, and what to do. */
export function uncoveredMessage(failure: CheckovFailure, twins: readonly string[]): string {
    const { env, stack } = whereFailed(failure);
    const hint =
        twins.length > 0
            ? `its twin ${twins.join(", ")} passes this resource: make the policy as strict as the check (or fix the export), or list it in ${EXCEPTIONS_FILE} with the reason`
            : `no policy names ${failure.check_id} as its peer: write one (framework: checkov({ ${failure.check_id}: "..." })), fix the component, or list it in ${EXCEPTIONS_FILE} with the reason`;
    return `${failure.check_id} (${failure.check_name}) fails on ${env}/${stack} ${failure.resource}. Hint: ${hint}`;
}
