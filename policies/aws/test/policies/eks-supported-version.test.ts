import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { eksSupportedVersion } from "../../src/policies/eks-supported-version.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [eksSupportedVersion] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, eksSupportedVersion, urn, detail);
const CLUSTER = "aws:eks/cluster:Cluster";
const FIX = "set version to 1.34 or newer";

describe("aws-eks-supported-version", () => {
    it("passes the oldest supported version and newer ones (a newer major too)", async () => {
        const s = new StackFixture();
        for (const version of ["1.34", "1.35", "1.40", "2.0"]) s.custom(CLUSTER, `v${version}`, { version });
        assert.deepEqual(await run(s), []);
    });

    it("flags older versions and a version that is not <major>.<minor>", async () => {
        const s = new StackFixture();
        const seedFloor = s.custom(CLUSTER, "seed-floor", { version: "1.28" });
        const old = s.custom(CLUSTER, "old", { version: "1.33" });
        const latest = s.custom(CLUSTER, "latest", { version: "latest" });
        assert.deepEqual(await run(s), [
            v(seedFloor.urn, `EKS cluster seed-floor runs Kubernetes 1.28, older than 1.34; ${FIX}.`),
            v(old.urn, `EKS cluster old runs Kubernetes 1.33, older than 1.34; ${FIX}.`),
            v(latest.urn, `EKS cluster latest has version "latest", which is not a <major>.<minor> version; ${FIX}.`),
        ]);
    });

    it("flags a version left unset (EKS would pick one)", async () => {
        const s = new StackFixture();
        const unset = s.custom(CLUSTER, "unset", {});
        assert.deepEqual(await run(s), [
            v(unset.urn, `EKS cluster unset does not set version, so EKS picks one and environments drift apart; ${FIX}.`),
        ]);
    });
});
