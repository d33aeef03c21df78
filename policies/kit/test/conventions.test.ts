import * as assert from "node:assert/strict";
import type { Policies } from "@pulumi/policy";
import { policyConventionProblems } from "../src/harness/index.js";
import { checkov, seedTags } from "../src/index.js";

const validateStack = () => undefined;
const complete = {
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "Fix it.",
    url: "https://example.com/doc",
    validateStack,
} as const;

describe("policy metadata and conventions", () => {
    it("checkov() and seedTags() build the framework and tags the packs use", () => {
        assert.deepEqual(checkov({ CKV_AWS_66: "Ensure retention", CKV_AWS_158: "Ensure KMS" }), {
            name: "Checkov",
            version: "3.3",
            reference: "CKV_AWS_66, CKV_AWS_158",
            specification: "Ensure retention; Ensure KMS",
        });
        assert.deepEqual(seedTags("001", "003"), ["seed-001", "seed-003"]);
    });

    it("accepts prefixed, unique names with complete metadata (peer checks or seed tags)", () => {
        const policies: Policies = [
            { name: "pk-a", description: "a", framework: checkov({ CKV_X_1: "x" }), ...complete },
            { name: "pk-b", description: "b", tags: seedTags("004"), ...complete },
        ];
        assert.deepEqual(policyConventionProblems("pk", policies), []);
    });

    it("names every departure, including metadata left unset", () => {
        const policies: Policies = [
            { name: "a", description: "a", tags: ["seed-1", "seeds-001"], validateStack },
            {
                name: "pk-b",
                description: "b",
                framework: { name: "Checkov", version: "", reference: "X", specification: "x" },
                ...complete,
            },
            { name: "pk-b", description: "b", ...complete, tags: seedTags("001"), url: "http://example.com", remediationSteps: " " },
        ];
        assert.deepEqual(policyConventionProblems("pk", policies), [
            'a: name does not start with "pk-"',
            "a: no enforcementLevel",
            "a: no severity",
            "a: neither a framework (peer checks) nor a seed-NNN tag",
            "a: no remediationSteps",
            "a: no https url",
            "pk-b: framework lacks a name, version, reference or specification",
            "pk-b: neither a framework (peer checks) nor a seed-NNN tag",
            "pk-b: name is used twice",
            "pk-b: no remediationSteps",
            "pk-b: no https url",
        ]);
    });
});
