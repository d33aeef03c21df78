import * as assert from "node:assert/strict";
import { rdsPatched } from "../../src/policies/rds-patched.js";
import { check } from "./rds-fixtures.js";

const OK = { engine: "postgres", engineVersion: "17", autoMinorVersionUpgrade: true, caCertIdentifier: "rds-ca-rsa2048-g1" };

describe("aws-rds-patched", () => {
    it("passes minor upgrades on, a current CA (each of the three) and a patched Aurora version", async () => {
        const { run } = check(rdsPatched, {
            ok: OK,
            rsa4096: { ...OK, caCertIdentifier: "rds-ca-rsa4096-g1" },
            ecc: { ...OK, caCertIdentifier: "rds-ca-ecc384-g1" },
            aurora: { ...OK, engine: "aurora-postgresql", engineVersion: "11.9" },
        });
        assert.deepEqual(await run, []);
    });

    it("flags minor upgrades off, the expired CA, a vulnerable Aurora PostgreSQL, and both settings unset", async () => {
        const { run, v } = check(rdsPatched, {
            off: { ...OK, autoMinorVersionUpgrade: false },
            old: { ...OK, caCertIdentifier: "rds-ca-2019" },
            aurora: { ...OK, engine: "aurora-postgresql", engineVersion: "11.7" },
            unset: {},
        });
        assert.deepEqual(await run, [
            v("off", "RDS off does not set autoMinorVersionUpgrade: true, so security fixes wait for a manual upgrade; set it."),
            v("old", "RDS old uses the certificate authority rds-ca-2019; set caCertIdentifier to rds-ca-rsa2048-g1."),
            v("aurora", "RDS aurora runs Aurora PostgreSQL 11.7, which lets log_fdw read host files; upgrade the minor version."),
            v("unset", "RDS unset does not set autoMinorVersionUpgrade: true, so security fixes wait for a manual upgrade; set it."),
            v("unset", "RDS unset uses the certificate authority unset (the region's default); set caCertIdentifier to rds-ca-rsa2048-g1."),
        ]);
    });
});
