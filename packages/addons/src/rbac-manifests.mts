/**
 * The platform's Kubernetes RBAC objects (Role, RoleBinding, ClusterRoleBinding), built with the
 * typed models of `kubernetes-models` and validated against their schemas (the RBAC kinds are core
 * kinds of the schema registry, `@platform/workload/schemas`).
 */
import { ClusterRoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding";
import { Role } from "kubernetes-models/rbac.authorization.k8s.io/v1/Role";
import { RoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding";

type Json = Record<string, unknown>;

export interface PolicyRule {
    readonly apiGroups: readonly string[];
    readonly resources: readonly string[];
    readonly verbs: readonly string[];
}

const RBAC_GROUP = "rbac.authorization.k8s.io";

function done(model: { validate(): void; toJSON(): unknown }): Json {
    model.validate();
    return model.toJSON() as Json;
}

export function roleManifest(args: {
    name: string;
    namespace: string;
    labels: Readonly<Record<string, string>>;
    rules: readonly PolicyRule[];
}): Json {
    return done(
        new Role({
            metadata: { name: args.name, namespace: args.namespace, labels: { ...args.labels } },
            rules: args.rules.map((r) => ({ apiGroups: [...r.apiGroups], resources: [...r.resources], verbs: [...r.verbs] })),
        }),
    );
}

/** A RoleBinding of one group to a Role in the same namespace. */
export function groupRoleBindingManifest(args: {
    name: string;
    namespace: string;
    labels: Readonly<Record<string, string>>;
    role: string;
    group: string;
}): Json {
    return done(
        new RoleBinding({
            metadata: { name: args.name, namespace: args.namespace, labels: { ...args.labels } },
            roleRef: { apiGroup: RBAC_GROUP, kind: "Role", name: args.role },
            subjects: [{ apiGroup: RBAC_GROUP, kind: "Group", name: args.group }],
        }),
    );
}

/** A ClusterRoleBinding of one group to a ClusterRole. */
export function groupClusterRoleBindingManifest(args: {
    name: string;
    labels: Readonly<Record<string, string>>;
    clusterRole: string;
    group: string;
}): Json {
    return done(
        new ClusterRoleBinding({
            metadata: { name: args.name, labels: { ...args.labels } },
            roleRef: { apiGroup: RBAC_GROUP, kind: "ClusterRole", name: args.clusterRole },
            subjects: [{ apiGroup: RBAC_GROUP, kind: "Group", name: args.group }],
        }),
    );
}
