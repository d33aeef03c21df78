import * as assert from "node:assert/strict";
import { rdsNotPublic } from "../../src/policies/rds-not-public.js";
import { compliant, check } from "./rds-fixtures.js";

describe("aws-rds-not-public", () => {
    it("passes private and unset, flags public", async () => {
        const { run, v } = check(rdsNotPublic, { private: compliant, unset: {}, public: { publiclyAccessible: true } });
        assert.deepEqual(await run, [v("public", "RDS instance public sets publiclyAccessible: true; set it to false.")]);
    });
});
