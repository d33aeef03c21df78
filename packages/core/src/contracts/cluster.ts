/**
 * The cluster stack's outputs: the contract later layers (data, platform) read through
 * {@link TypedStackReference}. One shape per cloud, discriminated by `cloud`, like the foundation's.
 */
import type { Cloud, EnvironmentName } from "../environments/profiles.js";

interface ClusterOutputsBase {
    readonly environment: EnvironmentName;
    readonly cloud: Cloud;
    readonly region: string;
    /** The cluster's name (EKS: `eksClusterName(naming)`). */
    readonly clusterName: string;
    /** The Kubernetes minor version the control plane runs, e.g. `1.35`. */
    readonly kubernetesVersion: string;
    /** The API server URL (`https://...`); private unless `platform:cluster.publicAccessCidrs` is set. */
    readonly endpoint: string;
    /** The cluster CA bundle, base64-encoded PEM (kubeconfig `certificate-authority-data`). */
    readonly certificateAuthority: string;
    /**
     * A kubeconfig that authenticates with the cloud CLI of whoever runs it (`aws eks get-token` /
     * `gke-gcloud-auth-plugin`): no credentials inside. A secret output all the same.
     */
    readonly kubeconfig: string;
    /** The OIDC issuer of service account tokens (IRSA on EKS; the workload identity issuer on GKE). */
    readonly oidcIssuerUrl: string;
    /** Name of the default StorageClass (encrypted with the foundation's `data` key on EKS). */
    readonly defaultStorageClass: string | null;
}

export interface AwsClusterOutputs extends ClusterOutputsBase {
    readonly cloud: "aws";
    readonly clusterArn: string;
    /** ARN of the IAM OIDC provider, for IRSA trust policies of tools without Pod Identity support. */
    readonly oidcProviderArn: string;
    /** The additional control-plane security group. */
    readonly clusterSecurityGroupId: string;
    /** The security group every node carries (managed and Karpenter nodes). */
    readonly nodeSecurityGroupId: string;
    /** The managed node groups' IAM role. */
    readonly nodeRoleArn: string;
    readonly nodeRoleName: string;
    /** Karpenter: its node role and interruption queue (null when the cluster has no Karpenter). */
    readonly karpenter: { readonly nodeRoleName: string; readonly interruptionQueueName: string } | null;
}

export interface GcpClusterOutputs extends ClusterOutputsBase {
    readonly cloud: "gcp";
    readonly gcpProject: string;
    /** `projects/<project>/locations/<region>/clusters/<name>`. */
    readonly clusterId: string;
    /** The cluster's location (a region: the cluster is regional). */
    readonly location: string;
    /** `<project>.svc.id.goog`: the pool Kubernetes service accounts map to Google service accounts through. */
    readonly workloadIdentityPool: string;
    /** The least-privilege service account the nodes run as. */
    readonly nodeServiceAccountEmail: string;
}

export type ClusterOutputs = AwsClusterOutputs | GcpClusterOutputs;
