import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { cloudsqlNoPublicIp } from "../../src/policies/cloudsql-no-public-ip.js";
import { runPolicy, SQL_SETTINGS, violation } from "./data-fixtures.js";

const SQL = "gcp:sql/databaseInstance:DatabaseInstance";

describe("gcp-cloudsql-no-public-ip", () => {
    it("passes a private IP only; flags a public IP (set and unset) and no network at all", async () => {
        const s = new StackFixture();
        s.custom(SQL, "ok", { settings: SQL_SETTINGS });
        const open = s.custom(SQL, "public", { settings: { ipConfiguration: { ipv4Enabled: true } } });
        const unset = s.custom(SQL, "unset", { settings: {} });
        const nowhere = s.custom(SQL, "nowhere", { settings: { ipConfiguration: { ipv4Enabled: false } } });
        const world = s.custom(SQL, "world", {
            settings: {
                ipConfiguration: { ...SQL_SETTINGS.ipConfiguration, authorizedNetworks: [{ value: "10.0.0.0/8" }, { value: "0.0.0.0/0" }] },
            },
        });
        const fix = "set ipv4Enabled: false and a privateNetwork.";
        assert.deepEqual(await runPolicy(cloudsqlNoPublicIp, s), [
            violation(cloudsqlNoPublicIp, open.urn, `Cloud SQL instance public has a public IP (ipv4Enabled: true); ${fix}`),
            violation(
                cloudsqlNoPublicIp,
                unset.urn,
                `Cloud SQL instance unset does not set ipConfiguration.ipv4Enabled (a public IP by default); ${fix}`,
            ),
            violation(
                cloudsqlNoPublicIp,
                nowhere.urn,
                "Cloud SQL instance nowhere has no privateNetwork, so no address at all; set it to the VPC.",
            ),
            violation(
                cloudsqlNoPublicIp,
                world.urn,
                "Cloud SQL instance world authorizes 0.0.0.0/0 (the whole internet); remove it from ipConfiguration.authorizedNetworks.",
            ),
        ]);
    });
});
