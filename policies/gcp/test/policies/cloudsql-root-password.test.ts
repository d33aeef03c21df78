import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { cloudsqlRootPassword } from "../../src/policies/cloudsql-root-password.js";

const USER = "gcp:sql/user:User";

describe("gcp-cloudsql-root-password", () => {
    it("passes a root user with a password (known, or unknown in preview) and other users; flags a root user without one", async () => {
        const s = new StackFixture();
        s.custom(USER, "root-ok", { instance: "i", name: "root", password: "generated" });
        s.custom(USER, "root-preview", { instance: "i", name: "root", password: pulumi.unknown });
        s.custom(USER, "admin", { instance: "i", name: "dbadmin" });
        const open = s.custom(USER, "root-open", { instance: "i", name: "root", host: "%" });
        assert.deepEqual(await evaluatePack({ name: packName, policies: [cloudsqlRootPassword] }, s.build()), [
            expectedViolation(
                packName,
                cloudsqlRootPassword,
                open.urn,
                "Cloud SQL user root-open is a root user without a password; set one from a generated secret.",
            ),
        ]);
    });
});
