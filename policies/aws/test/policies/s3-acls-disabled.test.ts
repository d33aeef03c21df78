import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { s3AclsDisabled } from "../../src/policies/s3-acls-disabled.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [s3AclsDisabled] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, s3AclsDisabled, urn, detail);
const BUCKET = "aws:s3/bucket:Bucket";
const OWNERSHIP = "aws:s3/bucketOwnershipControls:BucketOwnershipControls";

describe("aws-s3-acls-disabled", () => {
    it("passes a private bucket, one without an acl, and BucketOwnerEnforced ownership", async () => {
        const s = new StackFixture();
        s.custom(BUCKET, "private", { acl: "private" });
        s.custom(BUCKET, "unset", {});
        s.custom(OWNERSHIP, "enforced", { bucket: "unset", rule: { objectOwnership: "BucketOwnerEnforced" } });
        assert.deepEqual(await run(s), []);
    });

    it("flags public-read, public-read-write and authenticated-read ACLs, and ownership that keeps ACLs on or is unset", async () => {
        const s = new StackFixture();
        const read = s.custom(BUCKET, "read", { acl: "public-read" }, { id: "read" });
        const write = s.custom(BUCKET, "write", { acl: "public-read-write" }, { id: "write" });
        const authenticated = s.custom(BUCKET, "authenticated", { acl: "authenticated-read" }, { id: "authenticated" });
        const preferred = s.custom(
            OWNERSHIP,
            "preferred",
            { bucket: "read", rule: { objectOwnership: "BucketOwnerPreferred" } },
            { id: "read" },
        );
        const unset = s.custom(OWNERSHIP, "no-rule", { bucket: "write" }, { id: "write" });
        const acl = (r: { urn: string }, name: string, value: string) =>
            v(r.urn, `S3 bucket ${name} (${r.urn}) sets the canned ACL ${value}; remove it (ACLs stay disabled).`);
        const own = (r: { urn: string }, id: string, value: string) =>
            v(
                r.urn,
                `S3 ownership controls ${id} (${r.urn}) set objectOwnership ${value}, which keeps ACLs on; set it to "BucketOwnerEnforced".`,
            );
        assert.deepEqual(await run(s), [
            acl(read, "read", "public-read"),
            acl(write, "write", "public-read-write"),
            acl(authenticated, "authenticated", "authenticated-read"),
            own(preferred, "read", "BucketOwnerPreferred"),
            own(unset, "write", "unset"),
        ]);
    });
});
