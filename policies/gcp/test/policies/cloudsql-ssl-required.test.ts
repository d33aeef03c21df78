import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { cloudsqlSslRequired } from "../../src/policies/cloudsql-ssl-required.js";
import { runPolicy, SQL_SETTINGS, violation } from "./data-fixtures.js";

const SQL = "gcp:sql/databaseInstance:DatabaseInstance";

describe("gcp-cloudsql-ssl-required", () => {
    it("passes ENCRYPTED_ONLY, client certificates and the older requireSsl; flags plain connections and unset", async () => {
        const s = new StackFixture();
        s.custom(SQL, "ok", { settings: SQL_SETTINGS });
        s.custom(SQL, "certs", { settings: { ipConfiguration: { sslMode: "TRUSTED_CLIENT_CERTIFICATE_REQUIRED" } } });
        s.custom(SQL, "legacy", { settings: { ipConfiguration: { requireSsl: true } } });
        const plain = s.custom(SQL, "plain", { settings: { ipConfiguration: { sslMode: "ALLOW_UNENCRYPTED_AND_ENCRYPTED" } } });
        const unset = s.custom(SQL, "unset", {});
        const fix = 'so it accepts unencrypted connections; set sslMode: "ENCRYPTED_ONLY".';
        assert.deepEqual(await runPolicy(cloudsqlSslRequired, s), [
            violation(cloudsqlSslRequired, plain.urn, `Cloud SQL instance plain sets sslMode: ALLOW_UNENCRYPTED_AND_ENCRYPTED, ${fix}`),
            violation(cloudsqlSslRequired, unset.urn, `Cloud SQL instance unset does not set sslMode, ${fix}`),
        ]);
    });
});
