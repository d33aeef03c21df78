import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { iamNoUnscopedSensitiveReads } from "../../src/policies/iam-no-unscoped-sensitive-reads.js";

const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [iamNoUnscopedSensitiveReads] }, s.build());
const FIX = "on every resource; name the resources the principal needs.";

describe("aws-iam-no-unscoped-sensitive-reads", () => {
    it("passes scoped reads, conditioned statements, Describe/List on *, Deny, and an unset policy", async () => {
        const s = new StackFixture();
        s.custom(ROLE_POLICY, "scoped", {
            role: "r",
            policy: doc(
                { Effect: "Allow", Action: ["s3:GetObject"], Resource: "arn:aws:s3:::backups/*" },
                { Effect: "Allow", Action: ["ec2:Describe*", "route53:ListHostedZones"], Resource: "*" },
                {
                    Effect: "Allow",
                    Action: "secretsmanager:GetSecretValue",
                    Resource: "*",
                    Condition: { StringEquals: { "aws:ResourceTag/app": "api" } },
                },
                { Effect: "Deny", Action: "iam:CreateAccessKey", Resource: "*" },
            ),
        });
        s.custom("aws:iam/role:Role", "unset", {});
        assert.deepEqual(await run(s), []);
    });

    it("flags credential and data-reading actions on *, by name, by wildcard and through NotAction", async () => {
        const s = new StackFixture();
        const keys = s.custom(ROLE_POLICY, "keys", {
            role: "r",
            policy: doc({ Sid: "Keys", Effect: "Allow", Action: "iam:CreateAccessKey", Resource: "*" }),
        });
        const reads = s.custom(ROLE_POLICY, "reads", {
            role: "r",
            policy: doc({ Effect: "Allow", Action: ["s3:Get*", "ssm:GetParameter"], Resource: ["*"] }),
        });
        const inverted = s.custom(ROLE_POLICY, "inverted", {
            role: "r",
            policy: doc({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }),
        });
        const results = await run(s);
        assert.deepEqual(results.slice(0, 2), [
            expectedViolation(
                packName,
                iamNoUnscopedSensitiveReads,
                keys.urn,
                `keys's policy statement "Keys" allows iam:CreateAccessKey ${FIX}`,
            ),
            expectedViolation(
                packName,
                iamNoUnscopedSensitiveReads,
                reads.urn,
                `reads's policy statement #1 allows s3:GetObject, ssm:GetParameter ${FIX}`,
            ),
        ]);
        assert.equal(results[2]?.urn, inverted.urn);
        assert.match(
            results[2]?.message ?? "",
            /inverted's policy statement #1 allows airflow:CreateCliToken, airflow:CreateWebLoginToken, appsync:CreateApiKey and \d+ more on every resource/,
        );
        assert.equal(results.length, 3);
    });
});
