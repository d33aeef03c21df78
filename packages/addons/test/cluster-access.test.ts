import * as assert from "node:assert/strict";
import { countByType, fieldsAndProblems, findResource, type InventoryResource, rejectedIssues, synthesize } from "@platform/synth";
import { validateObject } from "@platform/workload/schemas";
import { type AddonContext, ClusterAccess, type ClusterAccessArgs, DEPLOYMENT_MANAGER_RULES, planTeamNamespaces } from "../src/index.js";

const context: AddonContext = {
    naming: { project: "acme", environment: "prod" },
    cloud: "aws",
    region: "us-east-1",
    kubernetesVersion: "1.35",
    cluster: { cloud: "aws", clusterName: "acme-prod-eks", clusterArn: "arn:aws:eks:us-east-1:111111111111:cluster/acme-prod-eks" },
    clusterName: "acme-prod-eks",
    onSystemNodes: true,
    labels: { environment: "prod", team: "platform" },
};
const teams = [
    { name: "payments", group: "acme:payments", namespaces: ["payments-prod", "payments-batch"] },
    { name: "web", group: "web-team@acme.example.com", namespaces: ["tiation-prod"] },
];
const args: ClusterAccessArgs = { context, breakGlassGroup: "acme:break-glass", teams };

async function synth(program: () => void): Promise<InventoryResource[]> {
    return (await synthesize({ project: "t", stack: "prod", program })).resources;
}

describe("ClusterAccess (RBAC)", () => {
    it("seed 000's deployment-manager rules, verbatim", () => {
        assert.deepEqual(DEPLOYMENT_MANAGER_RULES, [
            { apiGroups: ["apps"], resources: ["deployments"], verbs: ["get", "list", "watch", "create", "update", "patch", "delete"] },
            { apiGroups: [""], resources: ["pods", "services"], verbs: ["get", "list", "watch"] },
        ]);
    });

    it("plans one namespace per team namespace, in order; none without teams", () => {
        assert.deepEqual(planTeamNamespaces(teams), [
            { team: "payments", group: "acme:payments", namespace: "payments-prod", bindingName: "payments-deployment-manager" },
            { team: "payments", group: "acme:payments", namespace: "payments-batch", bindingName: "payments-deployment-manager" },
            { team: "web", group: "web-team@acme.example.com", namespace: "tiation-prod", bindingName: "web-deployment-manager" },
        ]);
        assert.deepEqual(planTeamNamespaces([]), []);
    });

    it("the break-glass binding, and per team namespace: the namespace, the Role and the group's RoleBinding", async () => {
        const resources = await synth(() => new ClusterAccess("access", args));
        const counts = Object.fromEntries(countByType(resources).map((c) => [c.type, c.count])) as Record<string, number | undefined>;
        assert.equal(counts["kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding"], 1);
        assert.equal(counts["kubernetes:rbac.authorization.k8s.io/v1:Role"], 3);
        assert.equal(counts["kubernetes:rbac.authorization.k8s.io/v1:RoleBinding"], 3);
        assert.equal(counts["kubernetes:core/v1:Namespace"], 3);
        assert.equal(counts["kubernetes:rbac.authorization.k8s.io/v1:ClusterRole"], undefined, "no ClusterRole of its own");

        const breakGlass = findResource(resources, "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", "access-break-glass");
        assert.deepEqual(breakGlass.inputs["roleRef"], {
            apiGroup: "rbac.authorization.k8s.io",
            kind: "ClusterRole",
            name: "cluster-admin",
        });
        assert.deepEqual(breakGlass.inputs["subjects"], [
            { apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "acme:break-glass" },
        ]);

        const role = findResource(resources, "kubernetes:rbac.authorization.k8s.io/v1:Role", "access-tiation-prod-role");
        assert.deepEqual(role.inputs["metadata"], {
            name: "deployment-manager",
            namespace: "tiation-prod",
            labels: { environment: "prod", team: "web" },
        });
        assert.deepEqual(role.inputs["rules"], DEPLOYMENT_MANAGER_RULES);
        const binding = findResource(resources, "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "access-tiation-prod-binding");
        assert.deepEqual(binding.inputs["roleRef"], { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "deployment-manager" });
        assert.deepEqual(binding.inputs["subjects"], [
            { apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "web-team@acme.example.com" },
        ]);
        assert.deepEqual(binding.dependencies, [role.urn]);
        const namespace = resources.find(
            (r) =>
                r.type === "kubernetes:core/v1:Namespace" &&
                r.inputs["metadata"] !== undefined &&
                (r.inputs["metadata"] as { name: string }).name === "payments-batch",
        );
        assert.ok(namespace, "the team's namespace");
        assert.equal((namespace.inputs["metadata"] as { labels: Record<string, string> }).labels["platform.io/namespace-kind"], "app");

        for (const r of resources.filter((x) => x.custom && x.type.startsWith("kubernetes:"))) validateObject(r.inputs);
    });

    it("without teams: only the break-glass binding", async () => {
        const resources = await synth(() => new ClusterAccess("access", { context, breakGlassGroup: "platform:break-glass" }));
        assert.deepEqual(
            resources.filter((r) => r.custom).map((r) => r.type),
            ["kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding"],
        );
    });

    it("rejects bad arguments, all at once", async () => {
        assert.deepEqual(
            fieldsAndProblems(
                await rejectedIssues(
                    synth(
                        () =>
                            new ClusterAccess("access", {
                                context,
                                breakGlassGroup: "system:masters",
                                teams: [
                                    { name: "a", group: "acme:a", namespaces: ["kube-system", "Apps"] },
                                    { name: "a", group: "system:masters", namespaces: ["shared"] },
                                    { name: "b", group: "acme:b", namespaces: ["shared"] },
                                    { name: "c", group: "acme:c", namespaces: [] },
                                ],
                            }),
                    ),
                ),
            ),
            [
                ["breakGlassGroup", "is not a group name outside system: (letters, digits, @ . _ : -)"],
                ["teams[0].namespaces[0]", "is not an app namespace name (a DNS label, not kube-* or default)"],
                ["teams[0].namespaces[1]", "is not an app namespace name (a DNS label, not kube-* or default)"],
                ["teams[1].group", "is not a group name outside system: (letters, digits, @ . _ : -)"],
                ["teams[1].group", "is the break-glass group, which is cluster-admin"],
                ["teams[3].namespaces", "is empty"],
                ["teams[].name", '"a" listed twice'],
                ["teams[].namespaces", '"shared" listed twice'],
            ],
        );
    });
});
