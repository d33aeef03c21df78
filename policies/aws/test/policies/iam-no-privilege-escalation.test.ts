import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { PRIVILEGE_ESCALATION_METHODS } from "../../src/iam-actions.js";
import { iamNoPrivilegeEscalation } from "../../src/policies/iam-no-privilege-escalation.js";

const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const POLICY = "aws:iam/policy:Policy";
const ROLE = "aws:iam/role:Role";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [iamNoPrivilegeEscalation] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, iamNoPrivilegeEscalation, urn, detail);
const FIX = "scope these actions to the resources the principal manages.";

describe("aws-iam-no-privilege-escalation", () => {
    it("passes scoped IAM actions, half a method, conditioned statements, a Deny taking an action back, and no policy", async () => {
        const s = new StackFixture();
        s.custom(ROLE_POLICY, "scoped", {
            role: "r",
            policy: doc(
                { Effect: "Allow", Action: ["iam:PassRole", "iam:PutRolePolicy"], Resource: "arn:aws:iam::111111111111:role/acme-*" },
                { Effect: "Allow", Action: "ec2:RunInstances", Resource: "*" },
            ),
        });
        s.custom(ROLE_POLICY, "half", { role: "r", policy: doc({ Effect: "Allow", Action: "iam:AttachRolePolicy", Resource: "*" }) });
        s.custom(ROLE_POLICY, "conditioned", {
            role: "r",
            policy: doc({
                Effect: "Allow",
                Action: ["iam:PassRole", "ec2:RunInstances"],
                Resource: "*",
                Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } },
            }),
        });
        s.custom(POLICY, "denied", {
            policy: doc({ Effect: "Allow", Action: "iam:*", Resource: "*" }, { Effect: "Deny", Action: "iam:*", Resource: "*" }),
        });
        s.custom(ROLE, "no-inline", { assumeRolePolicy: "{}" });
        assert.deepEqual(await run(s), []);
    });

    it("flags single-action methods, multi-action methods across statements, wildcards, NotAction, wildcard-only actions on a named Resource, and inline role policies", async () => {
        const s = new StackFixture();
        const keys = s.custom(ROLE_POLICY, "keys", {
            role: "r",
            policy: doc({ Effect: "Allow", Action: "iam:CreateAccessKey", Resource: "*" }),
        });
        const pass = s.custom(POLICY, "pass", {
            policy: doc(
                { Effect: "Allow", Action: "iam:PassRole", Resource: "*" },
                { Effect: "Allow", Action: "ec2:Run*", Resource: ["*"] },
            ),
        });
        const glue = s.custom(ROLE_POLICY, "glue", {
            role: "r",
            policy: doc(
                { Effect: "Allow", Action: "iam:passrole", Resource: "*" },
                { Effect: "Allow", Action: "glue:CreateDevEndpoint", Resource: "arn:aws:glue:us-east-1:111111111111:devEndpoint/x" },
            ),
        });
        const role = s.custom(ROLE, "inline", {
            assumeRolePolicy: "{}",
            inlinePolicies: [{ name: "everything-but-s3", policy: doc({ Effect: "Allow", NotAction: "s3:*", Resource: "*" }) }],
        });
        const every = Object.entries(PRIVILEGE_ESCALATION_METHODS)
            .map(([name, actions]) => `${name} (${actions.join(" + ")})`)
            .join(", ");
        assert.deepEqual(await run(s), [
            v(keys.urn, `keys's policy allows privilege escalation: CreateAccessKey (iam:CreateAccessKey); ${FIX}`),
            v(pass.urn, `pass's policy allows privilege escalation: CreateEC2WithExistingIP (iam:PassRole + ec2:RunInstances); ${FIX}`),
            v(
                glue.urn,
                `glue's policy allows privilege escalation: PassExistingRoleToNewGlueDevEndpoint (iam:PassRole + glue:CreateDevEndpoint); ${FIX}`,
            ),
            // NotAction "s3:*" on "*" grants every method.
            v(role.urn, `inline's inline policy everything-but-s3 allows privilege escalation: ${every}; ${FIX}`),
        ]);
    });
});
