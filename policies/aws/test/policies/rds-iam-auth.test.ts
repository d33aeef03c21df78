import * as assert from "node:assert/strict";
import { rdsIamAuth } from "../../src/policies/rds-iam-auth.js";
import { CLUSTER, compliant, check } from "./rds-fixtures.js";

describe("aws-rds-iam-auth", () => {
    it("passes IAM authentication on instances and clusters; flags off and unset", async () => {
        const { run, v } = check(rdsIamAuth, { ok: compliant, off: { iamDatabaseAuthenticationEnabled: false }, unset: {} });
        assert.deepEqual(await run, [
            v("off", "RDS off sets iamDatabaseAuthenticationEnabled: false; set it to true."),
            v("unset", "RDS unset does not set iamDatabaseAuthenticationEnabled; set it to true."),
        ]);
        assert.deepEqual(await check(rdsIamAuth, { c: { iamDatabaseAuthenticationEnabled: true } }, CLUSTER).run, []);
    });
});
