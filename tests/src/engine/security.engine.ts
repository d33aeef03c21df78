/**
 * The security layer on the real engine: foundation then security `up` on the simulated cloud (the
 * security stack reading the foundation's logs key through a stack reference the file backend
 * resolves), the CI role trusting exactly the configured GitHub environment, the trail encrypted
 * with the foundation's key into its own bucket, a no-change preview, then destroy in reverse order.
 */
import * as assert from "node:assert/strict";
import { discoverProjects } from "@platform/automation";
import type { Stack } from "@pulumi/pulumi/automation/index.js";
import { REPO_ROOT } from "../paths.js";
import { useSimulatedEngine } from "./harness.js";

interface StateResource {
    readonly type: string;
    readonly urn: string;
    readonly inputs?: Record<string, unknown>;
}

async function deployment(stack: Stack): Promise<StateResource[]> {
    const state = (await stack.exportStack()) as { deployment: { resources?: StateResource[] } };
    return state.deployment.resources ?? [];
}

/** The security stack's custom resources in dev (`platform synth --env dev --stack security`): 22, without the stack reference. */
const EXPECTED_SECURITY_RESOURCES = 22;

describe("the security layer on the real engine (simulated cloud)", function () {
    this.timeout(600_000);
    const { stage } = useSimulatedEngine();
    const project = (name: string) => {
        const found = discoverProjects(REPO_ROOT).find((p) => p.name === name);
        assert.ok(found, `project ${name}`);
        return found;
    };

    it("dev: foundation then security up through the file backend, a clean preview, destroy in reverse", async () => {
        const { stack: foundation } = await stage(project("foundation"), "dev");
        const { stack: security } = await stage(project("security"), "dev");
        assert.equal((await foundation.up({ color: "never" })).summary.result, "succeeded");
        const up = await security.up({ color: "never" });
        assert.equal(up.summary.result, "succeeded");

        const keyArns = (await foundation.outputs())["kmsKeyArns"]?.value as Record<string, string>;
        const state = await deployment(security);
        const trail = state.find((r) => r.type === "aws:cloudtrail/trail:Trail");
        assert.deepEqual(
            [trail?.inputs?.["kmsKeyId"], trail?.inputs?.["isMultiRegionTrail"], trail?.inputs?.["enableLogFileValidation"]],
            [keyArns["logs"], true, true],
        );
        const trusts = state
            .filter((r) => r.type === "aws:iam/role:Role")
            .map(
                (role) =>
                    JSON.parse(String(role.inputs?.["assumeRolePolicy"])) as {
                        Statement: { Principal: Record<string, string>; Condition: { StringEquals: Record<string, string> } }[];
                    },
            );
        // The deploy role (GitHub environment dev) and the read-only drift role (dev-drift) are GitHub's;
        // the third is the one CloudTrail assumes to write to its log group.
        const subjects = trusts
            .filter((t) => t.Statement[0]?.Principal["Federated"] !== undefined)
            .map((t) => t.Statement[0]?.Condition.StringEquals["token.actions.githubusercontent.com:sub"]);
        assert.deepEqual(subjects.sort(), ["repo:acme-corp/platform:environment:dev", "repo:acme-corp/platform:environment:dev-drift"]);
        assert.deepEqual(
            trusts.filter((t) => t.Statement[0]?.Principal["Federated"] === undefined).map((t) => t.Statement[0]?.Principal["Service"]),
            ["cloudtrail.amazonaws.com"],
        );
        const outputs = await security.outputs();
        assert.equal(outputs["ciRoleArn"]?.value, "arn:aws:iam::111111111111:role/acme-dev-ci-deploy");
        assert.equal(outputs["ciDriftRoleArn"]?.value, "arn:aws:iam::111111111111:role/acme-dev-ci-drift");
        assert.equal(outputs["auditBucket"]?.value, "acme-dev-audit-111111111111-us-east-1-an");
        // The resources, their 4 components, the stack, the provider and the foundation's stack reference.
        assert.equal(up.summary.resourceChanges?.["create"], EXPECTED_SECURITY_RESOURCES + 7);

        const preview = await security.preview({ color: "never" });
        assert.deepEqual(Object.keys(preview.changeSummary), ["same"]);
        const down = await security.destroy({ color: "never" });
        assert.equal(down.summary.result, "succeeded");
        assert.equal((await foundation.destroy({ color: "never" })).summary.result, "succeeded");
    });
});
