import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { eksNodegroupNoRemoteAccess } from "../../src/policies/eks-nodegroup-no-remote-access.js";

const GROUP = "aws:eks/nodeGroup:NodeGroup";

describe("aws-eks-nodegroup-no-remote-access", () => {
    it("passes a node group without remoteAccess (unset); flags an SSH key open to all and one limited to security groups", async () => {
        const s = new StackFixture();
        s.custom(GROUP, "ssm", { clusterName: "c" });
        const open = s.custom(GROUP, "open", { clusterName: "c", remoteAccess: { ec2SshKey: "ops" } });
        const limited = s.custom(GROUP, "limited", {
            clusterName: "c",
            remoteAccess: { ec2SshKey: "ops", sourceSecurityGroupIds: ["sg-1"] },
        });
        assert.deepEqual(await evaluatePack({ name: packName, policies: [eksNodegroupNoRemoteAccess] }, s.build()), [
            expectedViolation(
                packName,
                eksNodegroupNoRemoteAccess,
                open.urn,
                "EKS node group open sets remoteAccess with an SSH key and no source security groups, which opens port 22 to 0.0.0.0/0; remove it and use SSM Session Manager.",
            ),
            expectedViolation(
                packName,
                eksNodegroupNoRemoteAccess,
                limited.urn,
                "EKS node group limited sets remoteAccess; remove it and use SSM Session Manager.",
            ),
        ]);
    });
});
