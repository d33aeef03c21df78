import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { subnetFlowLogs } from "../../src/policies/subnet-flow-logs.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [subnetFlowLogs] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, subnetFlowLogs, urn, detail);
const SUBNET = "gcp:compute/subnetwork:Subnetwork";

describe("gcp-subnet-flow-logs", () => {
    it("passes with logConfig set (including the empty default block) and exempts proxy-only and PSC subnets", async () => {
        const s = new StackFixture();
        s.custom(SUBNET, "nodes", { ipCidrRange: "10.0.0.0/20", logConfig: { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 0.5 } });
        s.custom(SUBNET, "defaults", { ipCidrRange: "10.1.0.0/20", logConfig: {} });
        for (const purpose of [
            "REGIONAL_MANAGED_PROXY",
            "GLOBAL_MANAGED_PROXY",
            "PRIVATE_SERVICE_CONNECT",
            "INTERNAL_HTTPS_LOAD_BALANCER",
        ]) {
            s.custom(SUBNET, purpose.toLowerCase(), { ipCidrRange: "10.2.0.0/23", purpose, role: "ACTIVE" });
        }
        assert.deepEqual(await run(s), []);
    });

    it("flags logConfig left unset and a sampling rate of 0", async () => {
        const s = new StackFixture();
        const unset = s.custom(SUBNET, "unset", { ipCidrRange: "10.0.0.0/20", purpose: "PRIVATE" });
        const zero = s.custom(SUBNET, "zero", { ipCidrRange: "10.1.0.0/20", logConfig: { flowSampling: 0 } });
        assert.deepEqual(await run(s), [
            v(
                unset.urn,
                'subnetwork unset has no logConfig, so VPC flow logs are off; set logConfig (e.g. { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 0.5, metadata: "INCLUDE_ALL_METADATA" }).',
            ),
            v(zero.urn, "subnetwork zero sets logConfig.flowSampling: 0, which records no flows; set a sampling rate above 0 (e.g. 0.5)."),
        ]);
    });
});
