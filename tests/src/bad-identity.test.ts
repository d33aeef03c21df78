import * as assert from "node:assert/strict";
import * as path from "node:path";
import { synthesizeEnvironment } from "@platform/automation";
import { FIXTURES } from "./paths.js";

describe("the aws pack stops a deliberately weakened CI identity", () => {
    it("a trust without a subject, a whole-organization subject, Action *, iam:*, NotAction and AdministratorAccess are each caught", async () => {
        const result = await synthesizeEnvironment({ root: path.join(FIXTURES, "bad-identity"), env: "prod", stack: "bad-identity" });
        const identity = result.violations.filter((v) => ["aws-iam-oidc-trust-scoped", "aws-iam-no-wildcard-admin"].includes(v.policy));
        assert.ok(identity.every((v) => v.enforcementLevel === "mandatory"));
        assert.deepEqual(
            identity.map((v) => [v.policy, v.message.split("\n")[1]]).sort(),
            [
                [
                    "aws-iam-oidc-trust-scoped",
                    "IAM role deploy's trust statement #1 (token.actions.githubusercontent.com) has no condition on token.actions.githubusercontent.com:sub, so any subject of the issuer can assume the role; require the exact subject.",
                ],
                [
                    "aws-iam-no-wildcard-admin",
                    "IAM role deploy's inline policy everything statement #1 allows * (administrator access); list the actions it needs.",
                ],
                [
                    "aws-iam-oidc-trust-scoped",
                    'IAM role org-deploy\'s trust statement #1 (token.actions.githubusercontent.com) allows GitHub subjects "repo:acme-corp/*" that do not name one repository; use repo:<owner>/<repo>:environment:<env>.',
                ],
                [
                    "aws-iam-no-wildcard-admin",
                    "IAM role policy attachment org-deploy-admin attaches AdministratorAccess; attach a policy scoped to what the role needs.",
                ],
                [
                    "aws-iam-no-wildcard-admin",
                    'IAM policy iam-admin\'s policy statement "AllIam" allows iam:* (administrator access); list the actions it needs.',
                ],
                [
                    "aws-iam-no-wildcard-admin",
                    'IAM policy iam-admin\'s policy statement "AllButBilling" allows NotAction (every action but a few); list the allowed actions with Action.',
                ],
            ].sort(),
        );
    });
});
