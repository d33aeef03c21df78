import * as assert from "node:assert/strict";
import { fieldsAndProblems, type InventoryResource, ofType, rejectedIssues, synthesize } from "@platform/synth";
import { GKE_SECRETS_READER_ROLE, GkeSecretsReader, type GkeSecretsReaderArgs } from "../../src/index.js";

const base: GkeSecretsReaderArgs = {
    naming: { project: "acme", environment: "dr" },
    serviceAccountEmail: "acme-dr-ci-drift@acme-dr-prod.iam.gserviceaccount.com",
};

async function synth(args: GkeSecretsReaderArgs): Promise<InventoryResource[]> {
    return (await synthesize({ project: "t", stack: "dr", program: () => void new GkeSecretsReader("reader", args) })).resources;
}

describe("GkeSecretsReader", () => {
    it("a ClusterRole reading Secrets only (get, list, watch) bound to exactly the one service account", async () => {
        const resources = await synth(base);
        const roles = ofType(resources, "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole");
        assert.deepEqual(
            roles.map((r) => [r.inputs["metadata"], r.inputs["rules"]]),
            [[{ name: GKE_SECRETS_READER_ROLE }, [{ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list", "watch"] }]]],
        );
        const bindings = ofType(resources, "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding");
        assert.deepEqual(
            bindings.map((b) => [b.inputs["roleRef"], b.inputs["subjects"]]),
            [
                [
                    { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: GKE_SECRETS_READER_ROLE },
                    [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: base.serviceAccountEmail }],
                ],
            ],
        );
    });

    it("refuses anything but a project service account's email (a group or a wildcard would widen who reads Secrets)", async () => {
        for (const email of ["platform-team@acme.com", "*@acme-dr-prod.iam.gserviceaccount.com", ""]) {
            assert.deepEqual(fieldsAndProblems(await rejectedIssues(synth({ ...base, serviceAccountEmail: email }))), [
                ["serviceAccountEmail", "is not a project service account's email"],
            ]);
        }
    });
});
