/**
 * EksViewerAccess: read-only access to an EKS cluster for one IAM role, through an access entry
 * (authentication mode API) and the admin-view access policy at cluster scope: every object,
 * Secrets included (refreshing a Helm release reads the release's Secret), and no change. The
 * platform layer gives it to the nightly drift job's role (`<project>-<env>-ci-drift`).
 *
 * EKS accepts an access entry only for an IAM principal that exists, and only one entry per
 * principal and cluster: the role must be created first (the layer registry orders the security
 * layer before the platform layer), and no other entry for the same role may exist.
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { checkEksClusterName, checkIamRoleArn, type ComponentNaming, type Issue, PlatformComponent } from "@platform/core";
import { clusterAdminViewPolicyArn } from "./access.js";

export interface EksViewerAccessArgs {
    /** Project and environment: the entry's `Name` tag is `<project>-<env>-<component name>-entry`. */
    readonly naming: ComponentNaming;
    /** The cluster (the cluster contract's `clusterName`). */
    readonly clusterName: pulumi.Input<string>;
    /**
     * The IAM role that may read the cluster. A role, not a user: its sessions are short-lived. It
     * must exist before this component is deployed (EKS refuses an entry for a missing principal).
     */
    readonly roleArn: pulumi.Input<string>;
}

export class EksViewerAccess extends PlatformComponent {
    /** The principal the entry admits (known once the entry exists, so dependants wait for it). */
    readonly principalArn: pulumi.Output<string>;
    /** The access policy associated at cluster scope (AmazonEKSAdminViewPolicy). */
    readonly policyArn: pulumi.Output<string>;

    constructor(name: string, args: EksViewerAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:cluster:EksViewerAccess", name, args.naming, opts);
        this.validate(validateEksViewerAccessArgs(args));
        const partition = aws.getPartitionOutput({}, { parent: this }).partition;
        const entry = new aws.eks.AccessEntry(
            this.childName("entry"),
            { clusterName: args.clusterName, principalArn: args.roleArn, type: "STANDARD", tags: { Name: this.physicalName("entry") } },
            this.childOptions(),
        );
        const association = new aws.eks.AccessPolicyAssociation(
            this.childName("view"),
            {
                clusterName: args.clusterName,
                principalArn: entry.principalArn,
                policyArn: partition.apply(clusterAdminViewPolicyArn),
                accessScope: { type: "cluster" },
            },
            this.childOptions(),
        );
        this.principalArn = association.principalArn;
        this.policyArn = association.policyArn;
        this.complete("principalArn", "policyArn");
    }
}

/** Every problem with EksViewerAccess's arguments (values known only at deployment are checked by EKS). */
export function validateEksViewerAccessArgs(args: EksViewerAccessArgs): Issue[] {
    return [
        ...(typeof args.clusterName === "string" ? checkEksClusterName("clusterName", args.clusterName) : []),
        ...(typeof args.roleArn === "string" ? checkIamRoleArn("roleArn", args.roleArn) : []),
    ];
}
