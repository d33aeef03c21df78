import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { wifGithubCondition } from "../../src/policies/wif-github-condition.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [wifGithubCondition] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, wifGithubCondition, urn, detail);
const PROVIDER = "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider";
const github = (attributeCondition?: string) => ({
    workloadIdentityPoolId: "pool",
    workloadIdentityPoolProviderId: "github",
    oidc: { issuerUri: "https://token.actions.githubusercontent.com" },
    ...(attributeCondition !== undefined ? { attributeCondition } : {}),
});

describe("gcp-wif-github-condition", () => {
    it("passes a condition on the repository or its owner, and any condition for another issuer", async () => {
        const s = new StackFixture();
        s.custom(PROVIDER, "repo", github('assertion.repository == "acme-corp/platform" && assertion.repository_owner == "acme-corp"'));
        s.custom(PROVIDER, "owner", github("attribute.repository_owner=='acme-corp'"));
        s.custom(PROVIDER, "gitlab", {
            workloadIdentityPoolId: "pool",
            oidc: { issuerUri: "https://gitlab.com" },
            attributeCondition: 'assertion.project_path == "acme/app"',
        });
        assert.deepEqual(await run(s), []);
    });

    it("flags another issuer's provider without any condition", async () => {
        const s = new StackFixture();
        const gitlab = s.custom(PROVIDER, "gitlab", { workloadIdentityPoolId: "pool", oidc: { issuerUri: "https://gitlab.com" } });
        assert.deepEqual(await run(s), [
            v(
                gitlab.urn,
                "Workload Identity provider gitlab has no attributeCondition, so every identity its issuer signs tokens for can exchange them; restrict it with an attributeCondition.",
            ),
        ]);
    });

    it("flags an unset condition, one that pins no repository, and a wildcard", async () => {
        const s = new StackFixture();
        const unset = s.custom(PROVIDER, "unset", github());
        const ref = s.custom(PROVIDER, "ref", github('assertion.ref == "refs/heads/main"'));
        const wildcard = s.custom(PROVIDER, "wildcard", github('assertion.repository == "acme-corp/*"'));
        const notPinned = (name: string, condition: string) =>
            `Workload Identity provider ${name}'s attributeCondition ${JSON.stringify(condition)} does not pin a repository or owner; compare assertion.repository (or repository_owner) by ==.`;
        assert.deepEqual(await run(s), [
            v(
                unset.urn,
                'Workload Identity provider unset trusts GitHub Actions without an attributeCondition, so any repository\'s workflow can exchange its token; set attributeCondition to assertion.repository == "<owner>/<repo>".',
            ),
            v(ref.urn, notPinned("ref", 'assertion.ref == "refs/heads/main"')),
            v(wildcard.urn, notPinned("wildcard", 'assertion.repository == "acme-corp/*"')),
        ]);
    });
});
