import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { eksEndpointNotPublic } from "../../src/policies/eks-endpoint-not-public.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [eksEndpointNotPublic] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, eksEndpointNotPublic, urn, detail);
const CLUSTER = "aws:eks/cluster:Cluster";
const FIX =
    "set vpcConfig.endpointPublicAccess: false (reach the API from the VPC or a VPN), or list the networks that need it in publicAccessCidrs";

describe("aws-eks-endpoint-not-public", () => {
    it("passes a private endpoint and a public one limited to an allow-list", async () => {
        const s = new StackFixture();
        s.custom(CLUSTER, "private", { vpcConfig: { subnetIds: ["a"], endpointPrivateAccess: true, endpointPublicAccess: false } });
        s.custom(CLUSTER, "allow-listed", {
            vpcConfig: { subnetIds: ["a"], endpointPrivateAccess: true, endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] },
        });
        assert.deepEqual(await run(s), []);
    });

    it("flags a public endpoint open to 0.0.0.0/0, and one without an allow-list", async () => {
        const s = new StackFixture();
        const open = s.custom(CLUSTER, "open", {
            vpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24", "0.0.0.0/0"] },
        });
        const noList = s.custom(CLUSTER, "no-list", { vpcConfig: { endpointPublicAccess: true } });
        assert.deepEqual(await run(s), [
            v(open.urn, `EKS cluster open has a public API endpoint open to 0.0.0.0/0; ${FIX}.`),
            v(noList.urn, `EKS cluster no-list has a public API endpoint with no publicAccessCidrs, so it is open to 0.0.0.0/0; ${FIX}.`),
        ]);
    });

    it("flags endpoint access left unset (EKS makes it public, open to everyone)", async () => {
        const s = new StackFixture();
        const unset = s.custom(CLUSTER, "unset", { vpcConfig: { subnetIds: ["a"] } });
        const noConfig = s.custom(CLUSTER, "no-config", {});
        const detail = (name: string) =>
            `EKS cluster ${name} leaves endpointPublicAccess unset, which EKS takes as a public API endpoint with no publicAccessCidrs, so it is open to 0.0.0.0/0; ${FIX}.`;
        assert.deepEqual(await run(s), [v(unset.urn, detail("unset")), v(noConfig.urn, detail("no-config"))]);
    });
});
