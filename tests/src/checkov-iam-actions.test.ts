import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import { PERMISSIONS_MANAGEMENT_ACTIONS, PRIVILEGE_ESCALATION_METHODS, WILDCARD_ONLY_ESCALATION_ACTIONS } from "@platform/policy-aws";
import { findCheckov } from "./checkov/checkov.js";

const run = promisify(execFile);

/**
 * What the libraries Checkov judges IAM policies with say (cloudsplaining, policy_sentry, in
 * Checkov's own environment): the permissions-management actions that take a resource ARN, the
 * escalation methods, and which of the methods' actions take none.
 */
const LIBRARIES = `
import json
from cloudsplaining.shared.constants import PRIVILEGE_ESCALATION_METHODS
from cloudsplaining.shared.utils import remove_wildcard_only_actions
from policy_sentry.querying.actions import remove_actions_not_matching_access_level
from policy_sentry.querying.all import get_all_actions
everything = sorted(get_all_actions())
canonical = {a.lower(): a for a in everything}
restrictable = set(remove_wildcard_only_actions(everything))
management = remove_actions_not_matching_access_level(sorted(restrictable), "Permissions management")
methods = {name: [canonical[a] for a in actions] for name, actions in PRIVILEGE_ESCALATION_METHODS.items()}
wildcard_only = sorted({a for actions in methods.values() for a in actions if a not in restrictable})
print(json.dumps({"management": sorted(set(management), key=str.lower), "methods": methods, "wildcardOnly": wildcard_only}))
`;

describe("Checkov parity: the aws pack's IAM action lists are the ones Checkov 3.3.30 judges with", function () {
    this.timeout(120_000);

    it("permissions management, the escalation methods and their wildcard-only actions equal the installed cloudsplaining and policy_sentry", async function () {
        const checkov = findCheckov();
        if (checkov === undefined) {
            this.skip();
        }
        const python = path.join(path.dirname(checkov), "python");
        const { stdout } = await run(python, ["-c", LIBRARIES], { maxBuffer: 16 * 1024 * 1024 });
        const installed = JSON.parse(stdout) as {
            management: string[];
            methods: Record<string, string[]>;
            wildcardOnly: string[];
        };
        assert.deepEqual([...PERMISSIONS_MANAGEMENT_ACTIONS], installed.management);
        assert.deepEqual(
            Object.fromEntries(Object.entries(PRIVILEGE_ESCALATION_METHODS).map(([name, actions]) => [name, [...actions]])),
            installed.methods,
        );
        assert.deepEqual([...WILDCARD_ONLY_ESCALATION_ACTIONS], installed.wildcardOnly);
    });
});
