/**
 * Kubernetes versions the platform supports: the profiles pin one of them per environment, the
 * cluster layer has pinned EKS add-ons for each, and the aws pack's eks-supported-version policy
 * refuses anything older than the first (EKS standard support; the upgrade path is in
 * docs/decisions.md "Kubernetes versions").
 */
export const KUBERNETES_VERSIONS = ["1.34", "1.35", "1.36"] as const;
export type KubernetesVersion = (typeof KUBERNETES_VERSIONS)[number];

/** The oldest minor version a cluster may run. */
export const OLDEST_SUPPORTED_KUBERNETES_VERSION: KubernetesVersion = KUBERNETES_VERSIONS[0];

/** `[major, minor]` of a `<major>.<minor>` version string (a patch part is ignored); undefined for anything else. */
export function kubernetesMinor(version: string): [number, number] | undefined {
    const match = /^(\d+)\.(\d+)(\.\d+)?$/.exec(version);
    return match ? [Number(match[1]), Number(match[2])] : undefined;
}
