import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asRecord, asString, asStringArray, seedTags, validateResourceOfTypes } from "@platform/policy-kit";
import { DEFAULT_BREAK_GLASS_GROUP, KUBERNETES_TYPES } from "@platform/facts";
import { objectLabel } from "../workloads.js";

/**
 * cluster-admin is for the break-glass group only (issue 12, seed 000 S10: least privilege), so
 * every other access is a namespaced Role a reviewer can read:
 * - a ClusterRoleBinding or RoleBinding whose roleRef is the ClusterRole cluster-admin is a
 *   violation unless its only subject is a break-glass group (`breakGlassGroups`, by default
 *   `platform:break-glass`, the default of `platform:platform.rbac.breakGlassGroup`);
 * - a ClusterRole outside Kubernetes' own `system:` names granting every verb on every resource
 *   (`*` and `*`) is cluster-admin under another name.
 * An unset roleRef or rules grant nothing and pass.
 */
export const noClusterAdminBinding: ResourceValidationPolicy = {
    name: "kubernetes-no-cluster-admin-binding",
    description: "Only the break-glass group is bound to cluster-admin; no ClusterRole grants every verb on every resource.",
    enforcementLevel: "mandatory",
    severity: "critical",
    tags: seedTags("000"),
    remediationSteps:
        "Bind the subject to a namespaced Role with the verbs and resources it needs (seed 000's deployment-manager, platform:platform.rbac.teams) instead of cluster-admin; for emergencies add the person to the break-glass group. Write ClusterRoles with explicit verbs and resources.",
    url: "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege",
    configSchema: {
        properties: { breakGlassGroups: { type: "array", items: { type: "string" }, default: [DEFAULT_BREAK_GLASS_GROUP] } },
    },
    validateResource: validateResourceOfTypes(
        [KUBERNETES_TYPES.clusterRoleBinding, KUBERNETES_TYPES.roleBinding, KUBERNETES_TYPES.clusterRole],
        (props, args, reportViolation) => {
            const label = objectLabel(args.type, props, args.name);
            if (args.type === KUBERNETES_TYPES.clusterRole) {
                const name = asString(asRecord(props["metadata"])?.["name"]) ?? "";
                if (name.startsWith("system:")) return;
                const rules = Array.isArray(props["rules"]) ? (props["rules"] as unknown[]) : [];
                const wildcard = rules.some((r) => {
                    const rule = asRecord(r);
                    return asStringArray(rule?.["verbs"]).includes("*") && asStringArray(rule?.["resources"]).includes("*");
                });
                if (wildcard)
                    reportViolation(
                        `${label} grants every verb on every resource (cluster-admin under another name); list the verbs and resources it needs.`,
                    );
                return;
            }
            const roleRef = asRecord(props["roleRef"]);
            if (asString(roleRef?.["kind"]) !== "ClusterRole" || asString(roleRef?.["name"]) !== "cluster-admin") return;
            const allowed = asStringArray(args.getConfig<Record<string, unknown>>()["breakGlassGroups"]);
            const subjects = (Array.isArray(props["subjects"]) ? (props["subjects"] as unknown[]) : []).map((s) => asRecord(s) ?? {});
            const others = subjects.filter((s) => !(asString(s["kind"]) === "Group" && allowed.includes(asString(s["name"]) ?? "")));
            if (others.length === 0) return;
            const names = others.map((s) => `${asString(s["kind"]) ?? "?"} ${asString(s["name"]) ?? "?"}`).join(", ");
            reportViolation(
                `${label} binds cluster-admin to ${names}, not the break-glass group (${allowed.join(", ")}); bind a namespaced Role instead.`,
            );
        },
    ),
};
