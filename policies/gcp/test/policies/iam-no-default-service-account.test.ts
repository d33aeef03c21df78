import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { iamNoDefaultServiceAccount } from "../../src/policies/iam-no-default-service-account.js";

const MEMBER = "gcp:projects/iAMMember:IAMMember";

describe("gcp-iam-no-default-service-account", () => {
    it("passes grants to the workloads' own service accounts and an unset member; flags the Compute Engine and App Engine default accounts", async () => {
        const s = new StackFixture();
        s.custom(MEMBER, "own", {
            project: "p",
            role: "roles/logging.logWriter",
            member: "serviceAccount:nodes@p.iam.gserviceaccount.com",
        });
        s.custom(MEMBER, "unset", { project: "p", role: "roles/logging.logWriter" });
        const compute = s.custom(MEMBER, "compute", {
            project: "p",
            role: "roles/editor",
            member: "serviceAccount:123456789-compute@developer.gserviceaccount.com",
        });
        const appengine = s.custom(MEMBER, "appengine", {
            project: "p",
            role: "roles/storage.admin",
            member: "serviceAccount:p@appspot.gserviceaccount.com",
        });
        const fix = "grant it to a service account of the workload's own.";
        assert.deepEqual(await evaluatePack({ name: packName, policies: [iamNoDefaultServiceAccount] }, s.build()), [
            expectedViolation(
                packName,
                iamNoDefaultServiceAccount,
                compute.urn,
                `project grant compute gives roles/editor to the default service account serviceAccount:123456789-compute@developer.gserviceaccount.com; ${fix}`,
            ),
            expectedViolation(
                packName,
                iamNoDefaultServiceAccount,
                appengine.urn,
                `project grant appengine gives roles/storage.admin to the default service account serviceAccount:p@appspot.gserviceaccount.com; ${fix}`,
            ),
        ]);
    });
});
