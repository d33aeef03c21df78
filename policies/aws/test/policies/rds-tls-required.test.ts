import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { rdsTlsRequired } from "../../src/policies/rds-tls-required.js";
import { database, INSTANCE } from "./rds-fixtures.js";

describe("aws-rds-tls-required", () => {
    const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [rdsTlsRequired] }, s.build());
    const v = (urn: string, detail: string) => expectedViolation(packName, rdsTlsRequired, urn, detail);

    it("passes rds.force_ssl 1 (PostgreSQL) and require_secure_transport 1 (MySQL); other families and the default group are not judged", async () => {
        const s = new StackFixture();
        database(s, "pg", "postgres", "postgres17", [{ name: "rds.force_ssl", value: "1" }]);
        database(s, "my", "mysql", "mysql8.0", [{ name: "require_secure_transport", value: "1" }]);
        database(s, "oracle", "oracle-ee", "oracle-ee-19", []);
        s.custom(INSTANCE, "default-group", { engine: "postgres" });
        assert.deepEqual(await run(s), []);
    });

    it("flags TLS off, and the parameter left unset", async () => {
        const s = new StackFixture();
        const off = database(s, "off", "postgres", "postgres17", [{ name: "rds.force_ssl", value: "0" }]);
        const unset = database(s, "unset", "mariadb", "mariadb10.11", []);
        assert.deepEqual(await run(s), [
            v(
                off.urn,
                `RDS off (${off.urn}) accepts unencrypted connections: its parameter group off-params sets rds.force_ssl to 0; set it to "1".`,
            ),
            v(
                unset.urn,
                `RDS unset (${unset.urn}) accepts unencrypted connections: its parameter group unset-params sets require_secure_transport to unset; set it to "1".`,
            ),
        ]);
    });
});
