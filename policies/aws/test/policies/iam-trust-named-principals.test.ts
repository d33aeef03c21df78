import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { iamTrustNamedPrincipals } from "../../src/policies/iam-trust-named-principals.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [iamTrustNamedPrincipals] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, iamTrustNamedPrincipals, urn, detail);
const ROLE = "aws:iam/role:Role";
const trust = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const ASSUME = "sts:AssumeRole";

describe("aws-iam-trust-named-principals", () => {
    it("passes service principals, a named role, an OIDC provider and a Deny to everyone; a role without a trust policy is not applicable", async () => {
        const s = new StackFixture();
        s.custom(ROLE, "service", {
            assumeRolePolicy: trust({ Effect: "Allow", Principal: { Service: "eks.amazonaws.com" }, Action: ASSUME }),
        });
        s.custom(ROLE, "role", {
            assumeRolePolicy: trust({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:role/deploy" }, Action: ASSUME }),
        });
        s.custom(ROLE, "deny", { assumeRolePolicy: trust({ Effect: "Deny", Principal: { AWS: "*" }, Action: ASSUME }) });
        s.custom(ROLE, "unset", {});
        assert.deepEqual(await run(s), []);
    });

    it("flags AWS * (and Principal *), an account id and an account's root", async () => {
        const s = new StackFixture();
        const anyone = s.custom(ROLE, "anyone", {
            assumeRolePolicy: trust({ Sid: "Open", Effect: "Allow", Principal: { AWS: ["*"] }, Action: ASSUME }),
        });
        const star = s.custom(ROLE, "star", { assumeRolePolicy: trust({ Effect: "Allow", Principal: "*", Action: ASSUME }) });
        const account = s.custom(ROLE, "account", {
            assumeRolePolicy: trust({
                Effect: "Allow",
                Principal: { AWS: ["222222222222", "arn:aws:iam::333333333333:root"] },
                Action: ASSUME,
            }),
        });
        assert.deepEqual(await run(s), [
            v(
                anyone.urn,
                `IAM role anyone's trust statement "Open" lets every AWS principal assume it (AWS "*"); name the role or service that needs it.`,
            ),
            v(
                star.urn,
                `IAM role star's trust statement #1 lets every AWS principal assume it (AWS "*"); name the role or service that needs it.`,
            ),
            v(
                account.urn,
                "IAM role account's trust statement #1 trusts the whole account 222222222222, arn:aws:iam::333333333333:root; name the role or service that needs it.",
            ),
        ]);
    });
});
