import * as assert from "node:assert/strict";
import { evaluatePack, StackFixture } from "@platform/policy-kit/harness";
import { noClusterAdminBinding as policy } from "../../src/policies/no-cluster-admin-binding.js";
import { packName } from "../../src/index.js";
import { type Json, run, violation } from "../fixtures.js";

const RBAC = "rbac.authorization.k8s.io";
const group = (name: string): Json => ({ apiGroup: RBAC, kind: "Group", name });
const user = (name: string): Json => ({ apiGroup: RBAC, kind: "User", name });

function clusterBinding(s: StackFixture, name: string, role: string | undefined, subjects: Json[] | undefined) {
    return s.custom("kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", name, {
        metadata: { name },
        ...(role !== undefined ? { roleRef: { apiGroup: RBAC, kind: "ClusterRole", name: role } } : {}),
        ...(subjects !== undefined ? { subjects } : {}),
    });
}

function clusterRole(s: StackFixture, name: string, rules: Json[] | undefined) {
    return s.custom("kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", name, {
        metadata: { name },
        ...(rules !== undefined ? { rules } : {}),
    });
}

describe(policy.name, () => {
    it("the break-glass group may hold cluster-admin; any other subject, alone or beside it, is flagged", async () => {
        const s = new StackFixture({ stack: "prod" });
        clusterBinding(s, "platform-break-glass", "cluster-admin", [group("platform:break-glass")]);
        clusterBinding(s, "view-all", "view", [group("acme:auditors")]);
        const team = clusterBinding(s, "payments-admin", "cluster-admin", [group("acme:payments")]);
        const mixed = clusterBinding(s, "break-glass-and-bob", "cluster-admin", [group("platform:break-glass"), user("bob@acme.example")]);
        const ns = s.custom("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "ns-admin", {
            metadata: { name: "ns-admin", namespace: "payments" },
            roleRef: { apiGroup: RBAC, kind: "ClusterRole", name: "cluster-admin" },
            subjects: [{ kind: "ServiceAccount", name: "deployer", namespace: "payments" }],
        });
        // A namespaced Role that happens to be called cluster-admin is not the ClusterRole.
        s.custom("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "local", {
            metadata: { name: "local", namespace: "payments" },
            roleRef: { apiGroup: RBAC, kind: "Role", name: "cluster-admin" },
            subjects: [group("acme:payments")],
        });
        assert.deepEqual(await run(policy, s), [
            violation(
                policy,
                team,
                "ClusterRoleBinding payments-admin binds cluster-admin to Group acme:payments, not the break-glass group (platform:break-glass); bind a namespaced Role instead.",
            ),
            violation(
                policy,
                mixed,
                "ClusterRoleBinding break-glass-and-bob binds cluster-admin to User bob@acme.example, not the break-glass group (platform:break-glass); bind a namespaced Role instead.",
            ),
            violation(
                policy,
                ns,
                "RoleBinding payments/ns-admin binds cluster-admin to ServiceAccount deployer, not the break-glass group (platform:break-glass); bind a namespaced Role instead.",
            ),
        ]);
    });

    it("a User named like the break-glass group is not the group", async () => {
        const s = new StackFixture({ stack: "prod" });
        const impostor = clusterBinding(s, "impostor", "cluster-admin", [user("platform:break-glass")]);
        assert.deepEqual(await run(policy, s), [
            violation(
                policy,
                impostor,
                "ClusterRoleBinding impostor binds cluster-admin to User platform:break-glass, not the break-glass group (platform:break-glass); bind a namespaced Role instead.",
            ),
        ]);
    });

    it("unset roleRef, rules and subjects grant nothing and pass", async () => {
        const s = new StackFixture({ stack: "prod" });
        clusterBinding(s, "empty", undefined, undefined);
        clusterBinding(s, "no-subjects", "cluster-admin", undefined);
        clusterRole(s, "empty-role", undefined);
        assert.deepEqual(await run(policy, s), []);
    });

    it("a ClusterRole with every verb on every resource is flagged unless it is Kubernetes' own (system:)", async () => {
        const s = new StackFixture({ stack: "prod" });
        const star = clusterRole(s, "everything", [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]);
        clusterRole(s, "system:controller:everything", [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]);
        clusterRole(s, "all-verbs-on-pods", [{ apiGroups: [""], resources: ["pods"], verbs: ["*"] }]);
        clusterRole(s, "read-everything", [{ apiGroups: ["*"], resources: ["*"], verbs: ["get", "list", "watch"] }]);
        assert.deepEqual(await run(policy, s), [
            violation(
                policy,
                star,
                "ClusterRole everything grants every verb on every resource (cluster-admin under another name); list the verbs and resources it needs.",
            ),
        ]);
    });

    it("breakGlassGroups config replaces the default group", async () => {
        const s = new StackFixture({ stack: "prod" });
        const old = clusterBinding(s, "default-group", "cluster-admin", [group("platform:break-glass")]);
        clusterBinding(s, "custom-group", "cluster-admin", [group("acme:sre-break-glass")]);
        const violations = await evaluatePack({ name: packName, policies: [policy] }, s.build(), {
            config: { [policy.name]: { breakGlassGroups: ["acme:sre-break-glass"] } },
        });
        assert.deepEqual(violations, [
            violation(
                policy,
                old,
                "ClusterRoleBinding default-group binds cluster-admin to Group platform:break-glass, not the break-glass group (acme:sre-break-glass); bind a namespaced Role instead.",
            ),
        ]);
    });
});
