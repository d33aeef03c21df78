import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { iamOidcTrustScoped } from "../../src/policies/iam-oidc-trust-scoped.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [iamOidcTrustScoped] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, iamOidcTrustScoped, urn, detail);
const ROLE = "aws:iam/role:Role";
const GH = "token.actions.githubusercontent.com";
const GH_ARN = `arn:aws:iam::111111111111:oidc-provider/${GH}`;
const EKS = "oidc.eks.us-east-1.amazonaws.com/id/ABC";
const trust = (condition?: Record<string, Record<string, unknown>>, federated: string = GH_ARN) =>
    JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Federated: federated },
                Action: "sts:AssumeRoleWithWebIdentity",
                ...(condition ? { Condition: condition } : {}),
            },
        ],
    });
const aud = { [`${GH}:aud`]: "sts.amazonaws.com" };
const where = (name: string) => `IAM role ${name}'s trust statement #1 (${GH})`;

describe("aws-iam-oidc-trust-scoped", () => {
    it("passes exact GitHub and EKS subjects, a Google subject without audience, service principals and an unset trust", async () => {
        const s = new StackFixture();
        s.custom(ROLE, "environment", {
            assumeRolePolicy: trust({ StringEquals: { ...aud, [`${GH}:sub`]: "repo:acme-corp/platform:environment:production" } }),
        });
        s.custom(ROLE, "branch-like", {
            assumeRolePolicy: trust({ StringEquals: aud, StringLike: { [`${GH}:sub`]: "repo:acme-corp/platform:ref:refs/heads/*" } }),
        });
        s.custom(ROLE, "eks", {
            assumeRolePolicy: trust(
                { StringEquals: { [`${EKS}:aud`]: "sts.amazonaws.com", [`${EKS}:sub`]: "system:serviceaccount:velero:velero" } },
                `arn:aws:iam::111111111111:oidc-provider/${EKS}`,
            ),
        });
        s.custom(ROLE, "google", {
            assumeRolePolicy: trust({ StringEquals: { "accounts.google.com:sub": "123456789012345678901" } }, "accounts.google.com"),
        });
        s.custom(ROLE, "service", {
            assumeRolePolicy: JSON.stringify({
                Statement: [{ Effect: "Allow", Principal: { Service: "eks.amazonaws.com" }, Action: "sts:AssumeRole" }],
            }),
        });
        s.custom(ROLE, "unset", {});
        assert.deepEqual(await run(s), []);
    });

    it("flags a trust without conditions, without the subject, with any subject, and GitHub subjects that do not name one repository", async () => {
        const s = new StackFixture();
        const none = s.custom(ROLE, "none", { assumeRolePolicy: trust() });
        const noSub = s.custom(ROLE, "no-sub", { assumeRolePolicy: trust({ StringEquals: aud }) });
        const any = s.custom(ROLE, "any", { assumeRolePolicy: trust({ StringEquals: aud, StringLike: { [`${GH}:sub`]: "*" } }) });
        const org = s.custom(ROLE, "org", {
            assumeRolePolicy: trust({
                StringEquals: aud,
                StringLike: { [`${GH}:sub`]: ["repo:acme-corp/*", "repo:acme-corp/platform:*"] },
            }),
        });
        const eks = s.custom(ROLE, "eks", {
            assumeRolePolicy: trust(
                { StringEquals: { [`${EKS}:aud`]: "sts.amazonaws.com" } },
                `arn:aws:iam::111111111111:oidc-provider/${EKS}`,
            ),
        });
        const noSubject =
            "has no condition on token.actions.githubusercontent.com:sub, so any subject of the issuer can assume the role; require the exact subject.";
        assert.deepEqual(await run(s), [
            v(none.urn, `${where("none")} has no condition on ${GH}:aud; require the audience (sts.amazonaws.com).`),
            v(none.urn, `${where("none")} ${noSubject}`),
            v(noSub.urn, `${where("no-sub")} ${noSubject}`),
            v(any.urn, `${where("any")} allows any subject (${GH}:sub "*"); require the exact subject.`),
            v(
                org.urn,
                `${where("org")} allows GitHub subjects "repo:acme-corp/*", "repo:acme-corp/platform:*" that do not name one repository; use repo:<owner>/<repo>:environment:<env>.`,
            ),
            v(
                eks.urn,
                `IAM role eks's trust statement #1 (${EKS}) has no condition on ${EKS}:sub, so any subject of the issuer can assume the role; require the exact subject.`,
            ),
        ]);
    });
});
