import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { iamNoWildcardAdmin } from "../../src/policies/iam-no-wildcard-admin.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [iamNoWildcardAdmin] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, iamNoWildcardAdmin, urn, detail);
const doc = (...statements: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const ROLE = "aws:iam/role:Role";
const POLICY = "aws:iam/policy:Policy";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const scoped = { Sid: "Scoped", Effect: "Allow", Action: ["s3:GetObject", "ec2:*"], Resource: "*" };

describe("aws-iam-no-wildcard-admin", () => {
    it("passes scoped actions (service:* included), a wildcard Deny, unset documents and scoped attachments", async () => {
        const s = new StackFixture();
        s.custom(POLICY, "scoped", { policy: doc(scoped) });
        s.custom(ROLE_POLICY, "deny-all", { role: "r", policy: doc(scoped, { Effect: "Deny", Action: "*", Resource: "*" }) });
        s.custom(ROLE, "inline", { inlinePolicies: [{ name: "ok", policy: doc(scoped) }] });
        s.custom(ROLE, "unset", {});
        s.custom(POLICY, "unset-policy", {});
        s.custom(ATTACHMENT, "read-only", { role: "r", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" });
        assert.deepEqual(await run(s), []);
    });

    it("flags Action *, *:*, iam:* and NotAction in every document kind, and the admin managed policies (attached, or in a role's managedPolicyArns)", async () => {
        const s = new StackFixture();
        const star = s.custom(POLICY, "star", { policy: doc({ Sid: "All", Effect: "Allow", Action: "*", Resource: "*" }) });
        const starStar = s.custom(ROLE_POLICY, "star-star", {
            role: "r",
            policy: doc(scoped, { Effect: "Allow", Action: ["s3:*", "*:*"], Resource: "*" }),
        });
        const iam = s.custom(ROLE, "iam", {
            inlinePolicies: [{ name: "iam-all", policy: doc({ Effect: "Allow", Action: "IAM:*", Resource: "*" }) }],
        });
        const notAction = s.custom(POLICY, "not-action", {
            policy: doc({ Sid: "Inverted", Effect: "Allow", NotAction: "iam:*", Resource: "*" }),
        });
        const broken = s.custom(POLICY, "broken", { policy: "{not json" });
        const admin = s.custom(ATTACHMENT, "admin", { role: "r", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" });
        const iamFull = s.custom(ATTACHMENT, "iam-full", { role: "r", policyArn: "arn:aws:iam::aws:policy/IAMFullAccess" });
        const copied = s.custom(ATTACHMENT, "copied", { role: "r", policyArn: "arn:aws:iam::111111111111:policy/team/IAMFullAccessCopy" });
        const managed = s.custom(ROLE, "managed", {
            managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AdministratorAccess"],
        });
        const violations = await run(s);
        assert.deepEqual(violations, [
            v(star.urn, 'IAM policy star\'s policy statement "All" allows * (administrator access); list the actions it needs.'),
            v(
                starStar.urn,
                "IAM role policy star-star's policy statement #2 allows *:* (administrator access); list the actions it needs.",
            ),
            v(iam.urn, "IAM role iam's inline policy iam-all statement #1 allows IAM:* (administrator access); list the actions it needs."),
            v(
                notAction.urn,
                'IAM policy not-action\'s policy statement "Inverted" allows NotAction (every action but a few); list the allowed actions with Action.',
            ),
            violations[4] ?? assert.fail("the unreadable document is not reported"),
            v(admin.urn, "IAM role policy attachment admin attaches AdministratorAccess; attach a policy scoped to what the role needs."),
            v(iamFull.urn, "IAM role policy attachment iam-full attaches IAMFullAccess; attach a policy scoped to what the role needs."),
            v(copied.urn, "IAM role policy attachment copied attaches IAMFullAccess; attach a policy scoped to what the role needs."),
            v(managed.urn, "IAM role managed attaches AdministratorAccess; attach a policy scoped to what the role needs."),
        ]);
        assert.equal(violations[4]?.urn, broken.urn);
        assert.match(violations[4]?.message ?? "", /IAM policy broken's policy is not valid JSON .*; fix the policy document\./);
    });
});
