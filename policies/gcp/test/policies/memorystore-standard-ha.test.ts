import * as assert from "node:assert/strict";
import { memorystoreStandardHa } from "../../src/policies/memorystore-standard-ha.js";
import { environmentStack, runPolicy, violation } from "./data-fixtures.js";

const REDIS = "gcp:redis/instance:Instance";

describe("gcp-memorystore-standard-ha", () => {
    it("passes STANDARD_HA in dr and BASIC outside production", async () => {
        const dr = environmentStack("dr");
        dr.add(REDIS, "cache", { tier: "STANDARD_HA" });
        assert.deepEqual(await runPolicy(memorystoreStandardHa, dr.s), []);
        const dev = environmentStack("dev");
        dev.add(REDIS, "cache", { tier: "BASIC" });
        assert.deepEqual(await runPolicy(memorystoreStandardHa, dev.s), []);
    });

    it("flags BASIC and unset in prod and dr", async () => {
        const { s, add } = environmentStack("prod");
        const basic = add(REDIS, "basic", { tier: "BASIC" });
        const unset = add(REDIS, "unset", {});
        assert.deepEqual(await runPolicy(memorystoreStandardHa, s), [
            violation(
                memorystoreStandardHa,
                basic.urn,
                `Memorystore instance basic-id (${basic.urn}) is in prod but is BASIC; set tier: "STANDARD_HA".`,
            ),
            violation(
                memorystoreStandardHa,
                unset.urn,
                `Memorystore instance unset-id (${unset.urn}) is in prod but does not set tier (BASIC); set tier: "STANDARD_HA".`,
            ),
        ]);
    });
});
