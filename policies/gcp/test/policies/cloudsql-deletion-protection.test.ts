import * as assert from "node:assert/strict";
import { cloudsqlDeletionProtection } from "../../src/policies/cloudsql-deletion-protection.js";
import { environmentStack, runPolicy, SQL_SETTINGS, violation } from "./data-fixtures.js";

const SQL = "gcp:sql/databaseInstance:DatabaseInstance";

describe("gcp-cloudsql-deletion-protection", () => {
    it("passes both protections in dr (the provider's unset is on), and none outside production", async () => {
        const dr = environmentStack("dr");
        dr.add(SQL, "db", { deletionProtection: true, settings: SQL_SETTINGS });
        dr.add(SQL, "provider-default", { settings: SQL_SETTINGS });
        assert.deepEqual(await runPolicy(cloudsqlDeletionProtection, dr.s), []);
        const dev = environmentStack("dev");
        dev.add(SQL, "db", { deletionProtection: false, settings: {} });
        assert.deepEqual(await runPolicy(cloudsqlDeletionProtection, dev.s), []);
    });

    it("flags the provider's protection off and the API's unset or off", async () => {
        const { s, add } = environmentStack("prod");
        const off = add(SQL, "off", { deletionProtection: false, settings: SQL_SETTINGS });
        const api = add(SQL, "api", { deletionProtection: true, settings: { deletionProtectionEnabled: false } });
        const unset = add(SQL, "unset", {});
        const label = (r: { urn: string }, name: string) => `Cloud SQL instance ${name}-id (${r.urn}) is in prod but`;
        const apiText = "the API would delete it (settings.deletionProtectionEnabled is not true); set it to true.";
        assert.deepEqual(await runPolicy(cloudsqlDeletionProtection, s), [
            violation(cloudsqlDeletionProtection, off.urn, `${label(off, "off")} sets deletionProtection: false; set it to true.`),
            violation(cloudsqlDeletionProtection, api.urn, `${label(api, "api")} ${apiText}`),
            violation(cloudsqlDeletionProtection, unset.urn, `${label(unset, "unset")} ${apiText}`),
        ]);
    });
});
