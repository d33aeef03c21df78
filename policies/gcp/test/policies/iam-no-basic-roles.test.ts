import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { iamNoBasicRoles } from "../../src/policies/iam-no-basic-roles.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [iamNoBasicRoles] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, iamNoBasicRoles, urn, detail);
const MEMBER = "gcp:projects/iAMMember:IAMMember";
const sa = "serviceAccount:ci@p.iam.gserviceaccount.com";

describe("gcp-iam-no-basic-roles", () => {
    it("passes predefined and custom roles, and a grant whose role is unset", async () => {
        const s = new StackFixture();
        s.custom(MEMBER, "predefined", { project: "p", role: "roles/container.admin", member: sa });
        s.custom(MEMBER, "custom", { project: "p", role: "projects/p/roles/deployer", member: sa });
        s.custom(MEMBER, "unset", { project: "p", member: sa });
        assert.deepEqual(await run(s), []);
    });

    it("flags owner, editor and viewer", async () => {
        const s = new StackFixture();
        const owner = s.custom(MEMBER, "owner", { project: "p", role: "roles/owner", member: sa });
        const editor = s.custom(MEMBER, "editor", { project: "p", role: "roles/editor", member: "group:devs@example.com" });
        const viewer = s.custom(MEMBER, "viewer", { project: "p", role: "roles/viewer" });
        assert.deepEqual(await run(s), [
            v(owner.urn, `Project IAM grant owner gives ${sa} the basic role roles/owner; grant predefined roles instead.`),
            v(
                editor.urn,
                "Project IAM grant editor gives group:devs@example.com the basic role roles/editor; grant predefined roles instead.",
            ),
            v(viewer.urn, "Project IAM grant viewer gives a member the basic role roles/viewer; grant predefined roles instead."),
        ]);
    });
});
