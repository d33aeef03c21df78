/**
 * Kubeconfigs that carry no credentials: the client asks the cloud CLI of whoever runs it for a
 * short-lived token (`aws eks get-token`, `gke-gcloud-auth-plugin`). No profile, role, key or
 * token is written in; the caller's environment (AWS_PROFILE, a CI role, gcloud's login) decides
 * who they are, and access entries / IAM decide what they may do. JSON is valid YAML, so the
 * result works as a kubeconfig file and as the kubernetes provider's `kubeconfig`.
 */

/** The client authentication API the exec plugins speak. */
export const EXEC_API_VERSION = "client.authentication.k8s.io/v1beta1";

interface ExecConfig {
    readonly apiVersion: string;
    readonly command: string;
    readonly args?: readonly string[];
    readonly interactiveMode: "Never";
    readonly provideClusterInfo?: boolean;
    readonly installHint: string;
}

function kubeconfig(name: string, server: string, certificateAuthority: string, exec: ExecConfig): string {
    return JSON.stringify({
        apiVersion: "v1",
        kind: "Config",
        clusters: [{ name, cluster: { server, "certificate-authority-data": certificateAuthority } }],
        contexts: [{ name, context: { cluster: name, user: name } }],
        "current-context": name,
        preferences: {},
        users: [{ name, user: { exec } }],
    });
}

export interface EksKubeconfigArgs {
    readonly clusterName: string;
    /** `https://...` (EKS `endpoint`). */
    readonly endpoint: string;
    /** Base64-encoded PEM CA bundle (EKS `certificateAuthority.data`). */
    readonly certificateAuthority: string;
    readonly region: string;
}

/** An EKS kubeconfig that runs `aws eks get-token` (no `--profile`, no `--role-arn`). */
export function eksKubeconfig(args: EksKubeconfigArgs): string {
    return kubeconfig(args.clusterName, args.endpoint, args.certificateAuthority, {
        apiVersion: EXEC_API_VERSION,
        command: "aws",
        args: ["eks", "get-token", "--cluster-name", args.clusterName, "--region", args.region, "--output", "json"],
        interactiveMode: "Never",
        installHint: "Install the AWS CLI v2 and sign in (aws sso login, or a CI role) before using this cluster.",
    });
}

export interface GkeKubeconfigArgs {
    /** Context name: `gke_<project>_<location>_<cluster>`, as gcloud names it. */
    readonly project: string;
    readonly location: string;
    readonly clusterName: string;
    /** The endpoint IP or host (GKE `endpoint`, without scheme). */
    readonly endpoint: string;
    /** Base64-encoded PEM CA bundle (GKE `masterAuth.clusterCaCertificate`). */
    readonly certificateAuthority: string;
}

/** A GKE kubeconfig that runs `gke-gcloud-auth-plugin` (the caller's gcloud credentials). */
export function gkeKubeconfig(args: GkeKubeconfigArgs): string {
    const server = args.endpoint.startsWith("https://") ? args.endpoint : `https://${args.endpoint}`;
    return kubeconfig(`gke_${args.project}_${args.location}_${args.clusterName}`, server, args.certificateAuthority, {
        apiVersion: EXEC_API_VERSION,
        command: "gke-gcloud-auth-plugin",
        interactiveMode: "Never",
        provideClusterInfo: true,
        installHint: "Install gke-gcloud-auth-plugin (gcloud components install gke-gcloud-auth-plugin) and run gcloud auth login.",
    });
}
