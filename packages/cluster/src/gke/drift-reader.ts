/**
 * Read access to Secrets for a read-only GCP identity (the nightly drift job's service account).
 * IAM's Kubernetes Engine Viewer role reads every object but Secrets; refreshing a Helm release
 * reads the release from its Secret, so drift needs this one RBAC grant on top. Read only: get,
 * list and watch on Secrets, nothing else, bound to that one Google identity.
 */
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { type ComponentNaming, type Issue, PlatformComponent } from "@platform/core";

/** The ClusterRole and ClusterRoleBinding name. */
export const GKE_SECRETS_READER_ROLE = "platform:ci-drift-secrets-reader";

export interface GkeSecretsReaderArgs {
    readonly naming: ComponentNaming;
    /** The Google service account (its email: GKE's RBAC user name for it) that may read Secrets. */
    readonly serviceAccountEmail: string;
}

export class GkeSecretsReader extends PlatformComponent {
    readonly clusterRoleName: pulumi.Output<string>;

    constructor(name: string, args: GkeSecretsReaderArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:cluster:GkeSecretsReader", name, args.naming, opts);
        this.validate(validateGkeSecretsReaderArgs(args));
        const role = new k8s.rbac.v1.ClusterRole(
            this.childName("role"),
            {
                metadata: { name: GKE_SECRETS_READER_ROLE },
                rules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list", "watch"] }],
            },
            this.childOptions(),
        );
        new k8s.rbac.v1.ClusterRoleBinding(
            this.childName("binding"),
            {
                metadata: { name: GKE_SECRETS_READER_ROLE },
                roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role.metadata.name },
                subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: args.serviceAccountEmail }],
            },
            this.childOptions(),
        );
        this.clusterRoleName = role.metadata.name;
        this.complete("clusterRoleName");
    }
}

/** Every problem with GkeSecretsReader's arguments. */
export function validateGkeSecretsReaderArgs(args: GkeSecretsReaderArgs): Issue[] {
    return /^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z][a-z0-9-]{4,28}[a-z0-9]\.iam\.gserviceaccount\.com$/.test(args.serviceAccountEmail)
        ? []
        : [
              {
                  field: "serviceAccountEmail",
                  value: args.serviceAccountEmail,
                  problem: "is not a project service account's email",
                  fix: "use <account-id>@<project>.iam.gserviceaccount.com",
              },
          ];
}
