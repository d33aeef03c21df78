import * as assert from "node:assert/strict";
import { rdsDeletionProtection } from "../../src/policies/rds-deletion-protection.js";
import { environmentStack, runPolicy, violation } from "./prod-fixtures.js";

const INSTANCE = "aws:rds/instance:Instance";
const protectedDb = { deletionProtection: true, skipFinalSnapshot: false, finalSnapshotIdentifier: "db-final" };

describe("aws-rds-deletion-protection", () => {
    it("passes protected primaries with a final snapshot and protected replicas in prod; anything outside production", async () => {
        const prod = environmentStack("prod");
        prod.add(INSTANCE, "db", protectedDb);
        prod.add(INSTANCE, "replica", { replicateSourceDb: "db", deletionProtection: true, skipFinalSnapshot: true });
        prod.add("aws:rds/cluster:Cluster", "cluster", protectedDb);
        assert.deepEqual(await runPolicy(rdsDeletionProtection, prod.s), []);
        const dev = environmentStack("dev");
        dev.add(INSTANCE, "db", { skipFinalSnapshot: true });
        assert.deepEqual(await runPolicy(rdsDeletionProtection, dev.s), []);
    });

    it("flags deletion protection off or unset, and a primary without a final snapshot", async () => {
        const { s, add } = environmentStack("prod");
        const off = add(INSTANCE, "off", { ...protectedDb, deletionProtection: false });
        const unset = add(INSTANCE, "unset", { skipFinalSnapshot: false, finalSnapshotIdentifier: "x" });
        const skip = add(INSTANCE, "skip", { deletionProtection: true, skipFinalSnapshot: true });
        const noName = add(INSTANCE, "noname", { deletionProtection: true, skipFinalSnapshot: false });
        const replica = add(INSTANCE, "replica", { replicateSourceDb: "db" });
        const label = (r: { urn: string }, name: string) => `RDS ${name}-id (${r.urn})`;
        const snapshot = "but would be deleted without a final snapshot; set skipFinalSnapshot: false and a finalSnapshotIdentifier.";
        assert.deepEqual(await runPolicy(rdsDeletionProtection, s), [
            violation(
                rdsDeletionProtection,
                off.urn,
                `${label(off, "off")} is in prod but sets deletionProtection: false; set deletionProtection: true.`,
            ),
            violation(
                rdsDeletionProtection,
                unset.urn,
                `${label(unset, "unset")} is in prod but does not set deletionProtection; set deletionProtection: true.`,
            ),
            violation(rdsDeletionProtection, skip.urn, `${label(skip, "skip")} is in prod ${snapshot}`),
            violation(rdsDeletionProtection, noName.urn, `${label(noName, "noname")} is in prod ${snapshot}`),
            violation(
                rdsDeletionProtection,
                replica.urn,
                `${label(replica, "replica")} is in prod but does not set deletionProtection; set deletionProtection: true.`,
            ),
        ]);
    });
});
