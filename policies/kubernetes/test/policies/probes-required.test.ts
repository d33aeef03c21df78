import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { probesRequired } from "../../src/policies/probes-required.js";
import { addWorkload, container, containerCases, podSpec, run, without } from "../fixtures.js";

describe("kubernetes-probes-required", () => {
    containerCases(
        probesRequired,
        [
            {
                title: "a missing liveness probe is flagged",
                container: without("livenessProbe"),
                detail: "has no livenessProbe; add readiness and liveness probes",
            },
            {
                title: "unset probes are flagged",
                container: without("readinessProbe", without("livenessProbe")),
                detail: "has no readinessProbe or livenessProbe; add readiness and liveness probes",
            },
        ],
        ["Deployment", "StatefulSet", "DaemonSet", "Pod"],
    );

    it("does not apply to Jobs and CronJobs (they run to completion) nor to init containers", async () => {
        const s = new StackFixture({ stack: "prod" });
        addWorkload(s, "Job", podSpec({}, [without("readinessProbe", without("livenessProbe"))]));
        addWorkload(s, "CronJob", podSpec({}, [without("livenessProbe")]));
        addWorkload(
            s,
            "Deployment",
            podSpec({ initContainers: [without("readinessProbe", without("livenessProbe", container({ name: "migrate" })))] }),
        );
        assert.deepEqual(await run(probesRequired, s), []);
    });
});
