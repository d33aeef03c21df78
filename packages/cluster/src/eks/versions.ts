/**
 * Pinned EKS managed add-on versions, per Kubernetes minor version. Each row is the newest build
 * the EKS user guide's version tables listed for that minor when it was pinned; confirm a row
 * with `aws eks describe-addon-versions --kubernetes-version <minor> --addon-name <name>` before
 * bumping it. The table is complete for every version the platform supports (the type says so),
 * so a version bump in a profile cannot reach a cluster without its add-ons.
 */
import type { KubernetesVersion } from "@platform/core";

/** The EKS managed add-ons every cluster runs. */
export const EKS_ADDON_NAMES = ["vpc-cni", "kube-proxy", "eks-pod-identity-agent", "coredns", "aws-ebs-csi-driver"] as const;
export type EksAddonName = (typeof EKS_ADDON_NAMES)[number];

export const EKS_ADDON_VERSIONS: Readonly<Record<KubernetesVersion, Readonly<Record<EksAddonName, string>>>> = {
    "1.34": {
        "vpc-cni": "v1.22.3-eksbuild.1",
        "kube-proxy": "v1.34.6-eksbuild.13",
        "eks-pod-identity-agent": "v1.3.10-eksbuild.1",
        coredns: "v1.12.4-eksbuild.1",
        "aws-ebs-csi-driver": "v1.53.0-eksbuild.1",
    },
    "1.35": {
        "vpc-cni": "v1.22.3-eksbuild.1",
        "kube-proxy": "v1.35.3-eksbuild.13",
        "eks-pod-identity-agent": "v1.3.10-eksbuild.1",
        coredns: "v1.13.2-eksbuild.1",
        "aws-ebs-csi-driver": "v1.53.0-eksbuild.1",
    },
    "1.36": {
        "vpc-cni": "v1.22.3-eksbuild.1",
        "kube-proxy": "v1.36.0-eksbuild.14",
        "eks-pod-identity-agent": "v1.3.10-eksbuild.1",
        coredns: "v1.13.2-eksbuild.1",
        "aws-ebs-csi-driver": "v1.53.0-eksbuild.1",
    },
};

/** The five control-plane log types EKS offers; all are on (seed 003 audit, POLICIES eks-control-plane-logging). */
export const EKS_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"] as const;

/** The EKS-optimized AMI family of managed nodes (AL2 is end of life; AL2023 is the default since 1.30). */
export const EKS_AMI_TYPE = "AL2023_x86_64_STANDARD";

/** Karpenter's Helm chart (OCI) and version; its CRDs (karpenter.sh/v1, karpenter.k8s.aws/v1) ship in the chart. */
export const KARPENTER_CHART = { chart: "oci://public.ecr.aws/karpenter/karpenter", version: "1.8.1" } as const;

/**
 * The AL2023 AMI Karpenter launches, pinned as an alias version (never `@latest`: a new AMI would
 * roll every Karpenter node without a change in this repository). Bump it with the managed node
 * groups' release version, dev first.
 */
export const KARPENTER_AMI_ALIAS = "al2023@v20251117";
