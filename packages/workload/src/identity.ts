/**
 * CloudIdentity: a Kubernetes service account's identity in the cloud, with no key anywhere.
 *
 * - AWS: an IAM role that only EKS Pod Identity can assume, for this account and this cluster
 *   (`aws:SourceAccount`, `aws:SourceArn`), its permissions (an inline policy and named managed
 *   policies), and the Pod Identity association of `<namespace>/<serviceAccount>`. Pods get
 *   credentials from the Pod Identity agent; the service account needs no annotation.
 * - GCP: a Google service account, `roles/iam.workloadIdentityUser` for
 *   `<project>.svc.id.goog[<namespace>/<serviceAccount>]` on it (Workload Identity), and its
 *   project roles; the Kubernetes service account carries the `iam.gke.io/gcp-service-account`
 *   annotation ({@link CloudIdentity.serviceAccountAnnotations}).
 */
import * as aws from "@pulumi/aws";
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { podIdentityTrustPolicy } from "@platform/cluster";
import { checkPattern, checkUnique, type ComponentNaming, type Issue, PlatformComponent } from "@platform/core";

/** The cluster a workload runs on, as its identity needs it. */
export type IdentityCluster =
    | { readonly cloud: "aws"; readonly clusterName: pulumi.Input<string>; readonly clusterArn: pulumi.Input<string> }
    | { readonly cloud: "gcp"; readonly project: string };

export interface CloudIdentityArgs {
    readonly naming: ComponentNaming;
    readonly cluster: IdentityCluster;
    /** The Kubernetes namespace and service account the identity belongs to. */
    readonly namespace: string;
    readonly serviceAccount: string;
    /** AWS: an IAM policy document (JSON) attached inline; least privilege, scoped to resources. @default none */
    readonly awsPolicy?: pulumi.Input<string>;
    /** AWS: ARNs of managed policies to attach. @default [] */
    readonly awsManagedPolicyArns?: readonly string[];
    /** GCP: roles granted on the project (prefer resource-level grants made with {@link CloudIdentity.member}). @default [] */
    readonly gcpProjectRoles?: readonly string[];
}

const K8S_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export class CloudIdentity extends PlatformComponent {
    /** AWS: the role's ARN; GCP: undefined. */
    readonly roleArn: pulumi.Output<string | undefined>;
    /** GCP: the Google service account's email; AWS: undefined. */
    readonly serviceAccountEmail: string | undefined;
    /** GCP: `serviceAccount:<email>`, for resource-level IAM bindings; AWS: undefined. */
    readonly member: string | undefined;
    /** Annotations the Kubernetes service account needs (GCP: the Google service account; AWS: none). */
    readonly serviceAccountAnnotations: Readonly<Record<string, string>>;

    constructor(name: string, args: CloudIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:workload:CloudIdentity", name, args.naming, opts);
        this.validate(validateCloudIdentityArgs(args));
        const cluster = args.cluster;
        if (cluster.cloud === "aws") {
            const accountId = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
            const role = new aws.iam.Role(
                this.childName("role"),
                {
                    name: this.physicalName("pod", "iamRole"),
                    description: `EKS Pod Identity of ${args.namespace}/${args.serviceAccount}`,
                    assumeRolePolicy: pulumi
                        .all([accountId, cluster.clusterArn])
                        .apply(([id, clusterArn]) => JSON.stringify(podIdentityTrustPolicy(id, clusterArn))),
                    tags: { Name: this.physicalName("pod") },
                },
                this.childOptions(),
            );
            const grants: pulumi.Resource[] = [];
            if (args.awsPolicy !== undefined) {
                grants.push(
                    new aws.iam.RolePolicy(
                        this.childName("policy"),
                        { name: this.physicalName("pod", "iamRole"), role: role.name, policy: args.awsPolicy },
                        this.childOptions(),
                    ),
                );
            }
            (args.awsManagedPolicyArns ?? []).forEach((policyArn, i) =>
                grants.push(
                    new aws.iam.RolePolicyAttachment(this.childName(`managed-${i}`), { role: role.name, policyArn }, this.childOptions()),
                ),
            );
            new aws.eks.PodIdentityAssociation(
                this.childName("association"),
                {
                    clusterName: cluster.clusterName,
                    namespace: args.namespace,
                    serviceAccount: args.serviceAccount,
                    roleArn: role.arn,
                    tags: { Name: this.physicalName("pod") },
                },
                this.childOptions({ dependsOn: grants }),
            );
            this.roleArn = role.arn;
            this.serviceAccountEmail = undefined;
            this.member = undefined;
            this.serviceAccountAnnotations = {};
        } else {
            const accountId = this.physicalName("wi", "gcpServiceAccount");
            const email = `${accountId}@${cluster.project}.iam.gserviceaccount.com`;
            const account = new gcp.serviceaccount.Account(
                this.childName("account"),
                {
                    project: cluster.project,
                    accountId,
                    displayName: `Workload Identity of ${args.namespace}/${args.serviceAccount}`,
                },
                this.childOptions(),
            );
            new gcp.serviceaccount.IAMMember(
                this.childName("workload-identity"),
                {
                    serviceAccountId: account.name,
                    role: "roles/iam.workloadIdentityUser",
                    member: `serviceAccount:${cluster.project}.svc.id.goog[${args.namespace}/${args.serviceAccount}]`,
                },
                this.childOptions(),
            );
            for (const role of args.gcpProjectRoles ?? []) {
                new gcp.projects.IAMMember(
                    this.childName(
                        role
                            .replace(/^roles\//, "")
                            .replace(/[^a-zA-Z0-9]+/g, "-")
                            .toLowerCase(),
                    ),
                    { project: cluster.project, role, member: `serviceAccount:${email}` },
                    this.childOptions(),
                );
            }
            this.roleArn = pulumi.output(undefined);
            this.serviceAccountEmail = email;
            this.member = `serviceAccount:${email}`;
            this.serviceAccountAnnotations = { "iam.gke.io/gcp-service-account": email };
        }
        this.complete("roleArn", "serviceAccountAnnotations");
    }
}

/** Every problem with CloudIdentity's arguments. */
export function validateCloudIdentityArgs(args: CloudIdentityArgs): Issue[] {
    const issues: Issue[] = [
        ...checkPattern("namespace", args.namespace, K8S_NAME, "a Kubernetes namespace name, e.g. docuthinker"),
        ...checkPattern("serviceAccount", args.serviceAccount, K8S_NAME, "a Kubernetes service account name, e.g. backend"),
        ...checkUnique("gcpProjectRoles", args.gcpProjectRoles ?? [], "role"),
    ];
    if (args.cluster.cloud === "aws" && (args.gcpProjectRoles ?? []).length > 0) {
        issues.push({
            field: "gcpProjectRoles",
            value: args.gcpProjectRoles,
            problem: "is for GCP, but the cluster is on AWS",
            fix: "use awsPolicy",
        });
    }
    if (args.cluster.cloud === "gcp" && (args.awsPolicy !== undefined || (args.awsManagedPolicyArns ?? []).length > 0)) {
        issues.push({ field: "awsPolicy", value: "(set)", problem: "is for AWS, but the cluster is on GCP", fix: "use gcpProjectRoles" });
    }
    for (const role of args.gcpProjectRoles ?? []) {
        if (/^roles\/(owner|editor)$/.test(role)) {
            issues.push({
                field: "gcpProjectRoles",
                value: role,
                problem: "is a basic role granting nearly everything in the project",
                fix: "grant a predefined role scoped to what the workload calls",
            });
        }
    }
    return issues;
}
