import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { gkeLoggingMonitoring } from "../../src/policies/gke-logging-monitoring.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [gkeLoggingMonitoring] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, gkeLoggingMonitoring, urn, detail);
const CLUSTER = "gcp:container/cluster:Cluster";

describe("gcp-gke-logging-monitoring", () => {
    it("passes the services set, and unset (GKE's default is on)", async () => {
        const s = new StackFixture();
        s.custom(CLUSTER, "set", {
            loggingService: "logging.googleapis.com/kubernetes",
            monitoringService: "monitoring.googleapis.com/kubernetes",
        });
        s.custom(CLUSTER, "unset", {});
        assert.deepEqual(await run(s), []);
    });

    it("flags logging and monitoring set to none", async () => {
        const s = new StackFixture();
        const off = s.custom(CLUSTER, "off", { loggingService: "none", monitoringService: "none" });
        assert.deepEqual(await run(s), [
            v(off.urn, 'GKE cluster off sets loggingService: "none", so its logs go nowhere; remove it (GKE\'s default is on).'),
            v(off.urn, 'GKE cluster off sets monitoringService: "none", so its metrics go nowhere; remove it (GKE\'s default is on).'),
        ]);
    });
});
