import * as assert from "node:assert/strict";
import { rdsMultiAz } from "../../src/policies/rds-multi-az.js";
import { environmentStack, runPolicy, violation } from "./prod-fixtures.js";

const INSTANCE = "aws:rds/instance:Instance";

describe("aws-rds-multi-az", () => {
    it("passes Multi-AZ instances and read replicas in prod, and single-AZ instances outside production", async () => {
        const prod = environmentStack("prod");
        prod.add(INSTANCE, "db", { multiAz: true });
        prod.add(INSTANCE, "replica", { replicateSourceDb: "db", multiAz: false });
        assert.deepEqual(await runPolicy(rdsMultiAz, prod.s), []);
        const dev = environmentStack("dev");
        dev.add(INSTANCE, "db", { multiAz: false });
        dev.add(INSTANCE, "unset", {});
        assert.deepEqual(await runPolicy(rdsMultiAz, dev.s), []);
    });

    it("flags single-AZ and unset in prod and dr", async () => {
        for (const env of ["prod", "dr"]) {
            const { s, add } = environmentStack(env);
            const off = add(INSTANCE, "off", { multiAz: false });
            const unset = add(INSTANCE, "unset", {});
            assert.deepEqual(await runPolicy(rdsMultiAz, s), [
                violation(rdsMultiAz, off.urn, `RDS instance off-id (${off.urn}) is in ${env} but sets multiAz: false; set multiAz: true.`),
                violation(
                    rdsMultiAz,
                    unset.urn,
                    `RDS instance unset-id (${unset.urn}) is in ${env} but does not set multiAz; set multiAz: true.`,
                ),
            ]);
        }
    });
});
