import * as assert from "node:assert/strict";
import { findResource, synthesize } from "@platform/synth";
import { clusterProvider, eksKubeconfig, gkeKubeconfig } from "../../src/index.js";

describe("exec-based kubeconfigs (no credentials inside)", () => {
    it("EKS: aws eks get-token for the cluster and region, no profile or role", () => {
        assert.deepEqual(
            JSON.parse(
                eksKubeconfig({
                    clusterName: "acme-prod-eks",
                    endpoint: "https://X.gr7.us-east-1.eks.amazonaws.com",
                    certificateAuthority: "Q0E=",
                    region: "us-east-1",
                }),
            ),
            {
                apiVersion: "v1",
                kind: "Config",
                clusters: [
                    {
                        name: "acme-prod-eks",
                        cluster: { server: "https://X.gr7.us-east-1.eks.amazonaws.com", "certificate-authority-data": "Q0E=" },
                    },
                ],
                contexts: [{ name: "acme-prod-eks", context: { cluster: "acme-prod-eks", user: "acme-prod-eks" } }],
                "current-context": "acme-prod-eks",
                preferences: {},
                users: [
                    {
                        name: "acme-prod-eks",
                        user: {
                            exec: {
                                apiVersion: "client.authentication.k8s.io/v1beta1",
                                command: "aws",
                                args: ["eks", "get-token", "--cluster-name", "acme-prod-eks", "--region", "us-east-1", "--output", "json"],
                                interactiveMode: "Never",
                                installHint: "Install the AWS CLI v2 and sign in (aws sso login, or a CI role) before using this cluster.",
                            },
                        },
                    },
                ],
            },
        );
    });

    it("GKE: gke-gcloud-auth-plugin, gcloud's context name, https in front of the endpoint", () => {
        const config = JSON.parse(
            gkeKubeconfig({
                project: "acme-dr-prod",
                location: "us-west1",
                clusterName: "acme-dr-gke",
                endpoint: "172.16.0.2",
                certificateAuthority: "Q0E=",
            }),
        ) as {
            "current-context": string;
            clusters: Array<{ cluster: { server: string } }>;
            users: Array<{ user: { exec: Record<string, unknown> } }>;
        };
        assert.equal(config["current-context"], "gke_acme-dr-prod_us-west1_acme-dr-gke");
        assert.equal(config.clusters[0]?.cluster.server, "https://172.16.0.2");
        assert.deepEqual(config.users[0]?.user.exec, {
            apiVersion: "client.authentication.k8s.io/v1beta1",
            command: "gke-gcloud-auth-plugin",
            interactiveMode: "Never",
            provideClusterInfo: true,
            installHint: "Install gke-gcloud-auth-plugin (gcloud components install gke-gcloud-auth-plugin) and run gcloud auth login.",
        });
    });

    it("the cluster's provider: the kubeconfig as a secret, the cluster as its identity, server-side apply", async () => {
        const result = await synthesize({
            project: "t",
            stack: "dev",
            program: () => void clusterProvider("acme-dev-k8s", { kubeconfig: "{}", clusterName: "acme-dev-eks" }),
        });
        const provider = findResource(result.resources, "pulumi:providers:kubernetes", "acme-dev-k8s");
        assert.deepEqual(
            [
                provider.inputs["kubeconfig"],
                provider.inputs["clusterIdentifier"],
                provider.inputs["enableServerSideApply"],
                provider.inputs["deleteUnreachable"],
            ],
            ["{}", "acme-dev-eks", "true", "false"],
        );
        assert.deepEqual(provider.secretInputs, ["kubeconfig"]);
    });
});
