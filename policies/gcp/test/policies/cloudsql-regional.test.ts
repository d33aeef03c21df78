import * as assert from "node:assert/strict";
import { cloudsqlRegional } from "../../src/policies/cloudsql-regional.js";
import { environmentStack, runPolicy, SQL_SETTINGS, violation } from "./data-fixtures.js";

const SQL = "gcp:sql/databaseInstance:DatabaseInstance";

describe("gcp-cloudsql-regional", () => {
    it("passes REGIONAL primaries and zonal replicas in dr, and zonal instances outside production", async () => {
        const dr = environmentStack("dr");
        dr.add(SQL, "db", { settings: SQL_SETTINGS });
        dr.add(SQL, "replica", { masterInstanceName: "db", settings: { availabilityType: "ZONAL" } });
        assert.deepEqual(await runPolicy(cloudsqlRegional, dr.s), []);
        const dev = environmentStack("dev");
        dev.add(SQL, "db", { settings: { availabilityType: "ZONAL" } });
        assert.deepEqual(await runPolicy(cloudsqlRegional, dev.s), []);
    });

    it("flags ZONAL and unset in prod and dr", async () => {
        const { s, add } = environmentStack("dr");
        const zonal = add(SQL, "zonal", { settings: { availabilityType: "ZONAL" } });
        const unset = add(SQL, "unset", {});
        assert.deepEqual(await runPolicy(cloudsqlRegional, s), [
            violation(
                cloudsqlRegional,
                zonal.urn,
                `Cloud SQL instance zonal-id (${zonal.urn}) is in dr but is ZONAL; set availabilityType: "REGIONAL".`,
            ),
            violation(
                cloudsqlRegional,
                unset.urn,
                `Cloud SQL instance unset-id (${unset.urn}) is in dr but does not set availabilityType (ZONAL); set availabilityType: "REGIONAL".`,
            ),
        ]);
    });
});
