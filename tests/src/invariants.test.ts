import * as assert from "node:assert/strict";
import { synthesizeEnvironment } from "@platform/automation";
import { ENVIRONMENTS } from "@platform/core";
import { ownershipTags, StackFixture } from "@platform/policy-kit/harness";
import { checkInvariants, type CheckedStack } from "./invariants.js";
import { REPO_ROOT } from "./paths.js";

describe("component contract invariants over every synthesized environment", () => {
    for (const env of ENVIRONMENTS) {
        it(`${env}: unique physical names, parented, protection inherited, ownership tags, stateful resources protected`, async () => {
            const result = await synthesizeEnvironment({ root: REPO_ROOT, env });
            assert.ok(result.stacks.length > 0);
            assert.deepEqual(checkInvariants(result.stacks.map((s) => ({ environment: env, resources: s.resources }))), []);
        });
    }

    it("the root one-stack project (dev) holds them too", async () => {
        const result = await synthesizeEnvironment({ root: REPO_ROOT, env: "dev", stack: "platform" });
        assert.deepEqual(checkInvariants(result.stacks.map((s) => ({ environment: "dev", resources: s.resources }))), []);
    });
});

describe("the invariant checker catches each broken rule", () => {
    /** What a component that called complete(...) registered. */
    const REGISTERED = { ready: true };

    function stack(environment: string, build: (s: StackFixture, provider: ReturnType<StackFixture["awsProvider"]>) => void): CheckedStack {
        const s = new StackFixture({ stack: environment });
        const provider = s.awsProvider("aws", ownershipTags(environment));
        build(s, provider);
        return { environment, resources: s.build().resources };
    }

    it("a clean stack has no violation", () => {
        const clean = stack("prod", (s, provider) => {
            const kms = s.component("platform:security:AwsKmsKeys", "kms", { protect: true, outputs: REGISTERED });
            s.custom("aws:kms/key:Key", "kms-data", { description: "k" }, { parent: kms, provider, protect: true, retainOnDelete: true });
        });
        assert.deepEqual(checkInvariants([clean]), []);
    });

    it("two resources with one physical name (two component instances that forgot the instance name)", () => {
        const broken = stack("dev", (s, provider) => {
            for (const name of ["a", "b"]) {
                const c = s.component("platform:network:AwsNetwork", name, { outputs: REGISTERED });
                s.custom("aws:iam/role:Role", `${name}-flow-logs`, { name: "acme-dev-vpc-flow-logs" }, { parent: c, provider });
            }
        });
        assert.deepEqual(
            checkInvariants([broken]).map((v) => [v.invariant, v.detail]),
            [
                [
                    "unique-physical-name",
                    "aws:iam/role:Role physical name acme-dev-vpc-flow-logs is also used by urn:pulumi:dev::platform::platform:network:AwsNetwork$aws:iam/role:Role::a-flow-logs",
                ],
            ],
        );
    });

    it("a split-horizon public and private zone of one domain is not a collision", () => {
        const ok = stack("dev", (s, provider) => {
            const c = s.component("platform:network:AwsDnsZones", "dns", { outputs: REGISTERED });
            s.custom("aws:route53/zone:Zone", "dns-public", { name: "acme.example.com" }, { parent: c, provider });
            s.custom(
                "aws:route53/zone:Zone",
                "dns-private",
                { name: "acme.example.com", vpcs: [{ vpcId: "vpc-1" }] },
                { parent: c, provider },
            );
        });
        assert.deepEqual(checkInvariants([ok]), []);
    });

    it("a cloud resource directly under the root stack", () => {
        const broken = stack("dev", (s, provider) => void s.custom("aws:sqs/queue:Queue", "jobs", {}, { provider }));
        assert.deepEqual(
            checkInvariants([broken]).map((v) => v.invariant),
            ["parented"],
        );
    });

    it("an unprotected child of a protected component (an explicit protect: false)", () => {
        const broken = stack("dev", (s, provider) => {
            const dns = s.component("platform:network:AwsDnsZones", "dns", { protect: true, outputs: REGISTERED });
            s.custom("aws:route53/zone:Zone", "dns-public", { name: "acme.example.com" }, { parent: dns, provider, protect: false });
        });
        assert.deepEqual(
            checkInvariants([broken]).map((v) => [v.invariant, v.detail]),
            [["protection-inherited", "unprotected under the protected urn:pulumi:dev::platform::platform:network:AwsDnsZones::dns"]],
        );
    });

    it("a default provider, and a provider without every ownership tag", () => {
        const s = new StackFixture({ stack: "dev" });
        const partial = s.awsProvider("partial", { environment: "dev", team: "platform" });
        const c = s.component("platform:network:AwsNetwork", "net", { outputs: REGISTERED });
        s.custom("aws:ec2/vpc:Vpc", "net-vpc", {}, { parent: c });
        s.custom("aws:ec2/subnet:Subnet", "net-subnet", {}, { parent: c, provider: partial });
        assert.deepEqual(
            checkInvariants([{ environment: "dev", resources: s.build().resources }]).map((v) => [v.invariant, v.detail]),
            [
                ["ownership-tags", "uses a default provider, which carries no ownership tags"],
                ["ownership-tags", "provider partial lacks cost-center, project, managed-by"],
            ],
        );
    });

    it("a platform component that registered no outputs (forgot complete)", () => {
        const s = new StackFixture({ stack: "dev" });
        s.component("platform:network:AwsNetwork", "net");
        assert.deepEqual(
            checkInvariants([{ environment: "dev", resources: s.build().resources }]).map((v) => [v.invariant, v.detail]),
            [["outputs-registered", "registered no outputs; call this.complete(...) with its public fields"]],
        );
    });

    it("an unprotected or unretained stateful resource in prod and dr, but not in dev", () => {
        const build = (environment: string) =>
            stack(environment, (s, provider) => {
                const c = s.component("platform:security:AwsKmsKeys", "kms", { outputs: REGISTERED });
                s.custom("aws:kms/key:Key", "kms-data", {}, { parent: c, provider });
                s.custom("aws:kms/key:Key", "kms-logs", {}, { parent: c, provider, protect: true });
            });
        assert.deepEqual(
            checkInvariants([build("prod")]).map((v) => [v.invariant, v.detail]),
            [
                ["stateful-protected", "stateful aws:kms/key:Key in prod has protect=false retainOnDelete=false; both must be true"],
                ["stateful-protected", "stateful aws:kms/key:Key in prod has protect=true retainOnDelete=false; both must be true"],
            ],
        );
        assert.equal(checkInvariants([build("dr")]).length, 2);
        assert.deepEqual(checkInvariants([build("dev")]), []);
    });
});
