import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, ownershipTags, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { eksControlPlaneLogging } from "../../src/policies/eks-control-plane-logging.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [eksControlPlaneLogging] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, eksControlPlaneLogging, urn, detail);
const CLUSTER = "aws:eks/cluster:Cluster";
const ALL = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

describe("aws-eks-control-plane-logging", () => {
    it("passes api, audit and authenticator outside production, and all five in prod", async () => {
        const s = new StackFixture();
        const dev = s.awsProvider("dev", ownershipTags("dev"));
        const prod = s.awsProvider("prod", ownershipTags("prod"));
        s.custom(CLUSTER, "dev", { enabledClusterLogTypes: ["api", "audit", "authenticator"] }, { provider: dev });
        s.custom(CLUSTER, "prod", { enabledClusterLogTypes: ALL }, { provider: prod });
        assert.deepEqual(await run(s), []);
    });

    it("flags a cluster missing audit logs, and a prod (or dr) cluster missing the controller and scheduler logs", async () => {
        const s = new StackFixture();
        const prod = s.awsProvider("prod", ownershipTags("prod"));
        const noAudit = s.custom(CLUSTER, "no-audit", { enabledClusterLogTypes: ["api", "authenticator"] });
        const partial = s.custom(CLUSTER, "partial", { enabledClusterLogTypes: ["api", "audit", "authenticator"] }, { provider: prod });
        const tagged = s.custom(CLUSTER, "tagged-dr", {
            enabledClusterLogTypes: ["api", "audit", "authenticator", "scheduler"],
            tags: { environment: "dr" },
        });
        assert.deepEqual(await run(s), [
            v(noAudit.urn, "EKS cluster no-audit does not log audit; add them to enabledClusterLogTypes (api, audit, authenticator)."),
            v(
                partial.urn,
                `EKS cluster partial does not log controllerManager, scheduler (prod needs all five); add them to enabledClusterLogTypes (${ALL.join(", ")}).`,
            ),
            v(
                tagged.urn,
                `EKS cluster tagged-dr does not log controllerManager (dr needs all five); add them to enabledClusterLogTypes (${ALL.join(", ")}).`,
            ),
        ]);
    });

    it("flags logging left unset", async () => {
        const s = new StackFixture();
        const unset = s.custom(CLUSTER, "unset", {});
        assert.deepEqual(await run(s), [
            v(
                unset.urn,
                "EKS cluster unset does not log api, audit, authenticator; add them to enabledClusterLogTypes (api, audit, authenticator).",
            ),
        ]);
    });
});
