import * as assert from "node:assert/strict";
import { rdsEncryptedCmk } from "../../src/policies/rds-encrypted-cmk.js";
import { CLUSTER, KEY, compliant, check } from "./rds-fixtures.js";

describe("aws-rds-encrypted-cmk", () => {
    it("passes an instance and a cluster encrypted with a customer key, and a replica that inherits its source's", async () => {
        const { run } = check(rdsEncryptedCmk, { db: compliant, replica: { replicateSourceDb: "db" } });
        assert.deepEqual(await run, []);
        assert.deepEqual(await check(rdsEncryptedCmk, { cluster: { storageEncrypted: true, kmsKeyId: KEY } }, CLUSTER).run, []);
    });

    it("flags unencrypted storage (unset and false), the AWS-managed key, and a replica that turns encryption off", async () => {
        const { run, v } = check(rdsEncryptedCmk, {
            unset: { engine: "postgres" },
            off: { storageEncrypted: false },
            managed: { storageEncrypted: true },
            replica: { replicateSourceDb: "db", storageEncrypted: false },
        });
        assert.deepEqual(await run, [
            v(
                "unset",
                "RDS unset does not set storageEncrypted (RDS leaves storage unencrypted); set storageEncrypted: true with a customer-managed kmsKeyId.",
            ),
            v("off", "RDS off sets storageEncrypted: false; set storageEncrypted: true with a customer-managed kmsKeyId."),
            v("managed", "RDS managed is encrypted with the AWS-managed aws/rds key; set kmsKeyId to a customer-managed key."),
            v("replica", "RDS replica sets storageEncrypted: false; set storageEncrypted: true with a customer-managed kmsKeyId."),
        ]);
    });
});
