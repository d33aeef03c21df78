/**
 * ClusterAccess: who may do what inside the cluster (issue 12, seed 000 S10). One break-glass group
 * bound to cluster-admin, and nothing else bound to it (the kubernetes pack's
 * `kubernetes-no-cluster-admin-binding` checks every binding); each app team's group gets seed
 * 000's `deployment-manager` Role (its rules verbatim) in each of its namespaces, which this
 * component creates as app namespaces (restricted Pod Security, default-deny): the platform owns a
 * team's namespaces, the team's stacks deploy into them. Groups reach the cluster through EKS access
 * entries (the cluster layer maps IAM roles to them) or GKE's Google Groups for RBAC.
 */
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { checkUnique, GROUP_PATTERN, type Issue, PlatformComponent, type RbacTeam, TEAM_NAMESPACE_PATTERN } from "@platform/core";
import { PlatformNamespace } from "@platform/workload";
import type { AddonContext } from "./placement.js";
import { groupClusterRoleBindingManifest, groupRoleBindingManifest, type PolicyRule, roleManifest } from "./rbac-manifests.mjs";

/** Seed 000's `deployment-manager` Role, rule for rule. */
export const DEPLOYMENT_MANAGER_ROLE = "deployment-manager";
export const DEPLOYMENT_MANAGER_RULES: readonly PolicyRule[] = [
    { apiGroups: ["apps"], resources: ["deployments"], verbs: ["get", "list", "watch", "create", "update", "patch", "delete"] },
    { apiGroups: [""], resources: ["pods", "services"], verbs: ["get", "list", "watch"] },
];
/** The ClusterRoleBinding of the break-glass group: the only binding to cluster-admin. */
export const BREAK_GLASS_BINDING = "platform-break-glass";

export interface ClusterAccessArgs {
    readonly context: AddonContext;
    /** The group bound to cluster-admin (`platform:platform.rbac.breakGlassGroup`): empty until an emergency. */
    readonly breakGlassGroup: string;
    /** App teams (`platform:platform.rbac.teams`). @default [] (no team access: only break-glass) */
    readonly teams?: readonly RbacTeam[];
}

/** One namespace of one team: what the component creates there. */
export interface TeamNamespacePlan {
    readonly team: string;
    readonly group: string;
    readonly namespace: string;
    readonly bindingName: string;
}

/** The team namespaces in the order given (a pure planner: the tests check it exactly). */
export function planTeamNamespaces(teams: readonly RbacTeam[]): TeamNamespacePlan[] {
    return teams.flatMap((t) =>
        t.namespaces.map((namespace) => ({ team: t.name, group: t.group, namespace, bindingName: `${t.name}-${DEPLOYMENT_MANAGER_ROLE}` })),
    );
}

export class ClusterAccess extends PlatformComponent {
    /** The namespaces created for teams. */
    readonly teamNamespaces: string[];
    readonly breakGlassGroup: string;

    constructor(name: string, args: ClusterAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:addons:ClusterAccess", name, args.context.naming, opts);
        const teams = args.teams ?? [];
        this.validate(validateClusterAccessArgs(args, teams));
        const ctx = args.context;
        const labels = { ...ctx.labels };
        new k8s.rbac.v1.ClusterRoleBinding(
            this.childName("break-glass"),
            groupClusterRoleBindingManifest({
                name: BREAK_GLASS_BINDING,
                labels,
                clusterRole: "cluster-admin",
                group: args.breakGlassGroup,
            }) as unknown as k8s.rbac.v1.ClusterRoleBindingArgs,
            this.childOptions(),
        );
        const plan = planTeamNamespaces(teams);
        for (const p of plan) {
            const nsLabels = { ...labels, team: p.team };
            const namespace = new PlatformNamespace(
                `${name}-${p.namespace}`,
                { naming: ctx.naming, namespace: p.namespace, kubernetesVersion: ctx.kubernetesVersion, kind: "app", labels: nsLabels },
                { parent: this },
            );
            const role = new k8s.rbac.v1.Role(
                this.childName(`${p.namespace}-role`),
                roleManifest({
                    name: DEPLOYMENT_MANAGER_ROLE,
                    namespace: p.namespace,
                    labels: nsLabels,
                    rules: DEPLOYMENT_MANAGER_RULES,
                }),
                this.childOptions({ dependsOn: [namespace] }),
            );
            new k8s.rbac.v1.RoleBinding(
                this.childName(`${p.namespace}-binding`),
                groupRoleBindingManifest({
                    name: p.bindingName,
                    namespace: p.namespace,
                    labels: nsLabels,
                    role: DEPLOYMENT_MANAGER_ROLE,
                    group: p.group,
                }) as unknown as k8s.rbac.v1.RoleBindingArgs,
                this.childOptions({ dependsOn: [role] }),
            );
        }
        this.teamNamespaces = plan.map((p) => p.namespace);
        this.breakGlassGroup = args.breakGlassGroup;
        this.complete("teamNamespaces", "breakGlassGroup");
    }
}

export function validateClusterAccessArgs(args: ClusterAccessArgs, teams: readonly RbacTeam[]): Issue[] {
    const issues: Issue[] = [];
    const group = (field: string, value: string) => {
        if (!GROUP_PATTERN.test(value)) {
            issues.push({
                field,
                value,
                problem: "is not a group name outside system: (letters, digits, @ . _ : -)",
                fix: "use a group such as acme:payments or a Google Group's email",
            });
        }
    };
    group("breakGlassGroup", args.breakGlassGroup);
    teams.forEach((t, i) => {
        group(`teams[${i}].group`, t.group);
        if (t.namespaces.length === 0) {
            issues.push({
                field: `teams[${i}].namespaces`,
                value: [],
                problem: "is empty",
                fix: "list the namespaces the team deploys to",
            });
        }
        t.namespaces.forEach((ns, j) => {
            if (!TEAM_NAMESPACE_PATTERN.test(ns)) {
                issues.push({
                    field: `teams[${i}].namespaces[${j}]`,
                    value: ns,
                    problem: "is not an app namespace name (a DNS label, not kube-* or default)",
                    fix: "use a namespace such as payments-prod",
                });
            }
        });
        if (t.group === args.breakGlassGroup) {
            issues.push({
                field: `teams[${i}].group`,
                value: t.group,
                problem: "is the break-glass group, which is cluster-admin",
                fix: "give the team its own group; add people to the break-glass group only in an emergency",
            });
        }
    });
    issues.push(
        ...checkUnique(
            "teams[].name",
            teams.map((t) => t.name),
            "team",
        ),
    );
    issues.push(
        ...checkUnique(
            "teams[].namespaces",
            teams.flatMap((t) => t.namespaces),
            "namespace under one team",
        ),
    );
    return issues;
}
