import * as assert from "node:assert/strict";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import {
    eksOidcIssuer,
    replacesOnChange,
    simulateResource,
    SIMULATED_AWS_ACCOUNT_ID,
    simulatedCaBundle,
    simulateInvoke,
    stableHex,
    synthesize,
    isClusterScoped,
} from "../src/index.js";

describe("simulated cloud: the cluster layer's types", () => {
    it("an EKS cluster: its name as id, ARN, endpoint, CA bundle, OIDC issuer and cluster security group", () => {
        const { id, state } = simulateResource(
            {
                type: "aws:eks/cluster:Cluster",
                name: "eks-cluster",
                inputs: { name: "acme-dev-eks", version: "1.35", vpcConfig: { subnetIds: ["a"] } },
            },
            { awsRegion: "us-east-1" },
        );
        assert.equal(id, "acme-dev-eks");
        assert.equal(state["arn"], `arn:aws:eks:us-east-1:${SIMULATED_AWS_ACCOUNT_ID}:cluster/acme-dev-eks`);
        assert.match(String(state["endpoint"]), /^https:\/\/[0-9A-F]{32}\.gr7\.us-east-1\.eks\.amazonaws\.com$/);
        assert.deepEqual(state["certificateAuthority"], { data: simulatedCaBundle("eks/us-east-1/acme-dev-eks") });
        const pem = Buffer.from(simulatedCaBundle("x"), "base64").toString();
        assert.match(pem, /^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=]+\n-----END CERTIFICATE-----\n$/);
        assert.match(Buffer.from(pem.split("\n")[1] ?? "", "base64").toString(), /: not a certificate$/);
        assert.deepEqual(state["identities"], [{ oidcs: [{ issuer: eksOidcIssuer("us-east-1", "acme-dev-eks") }] }]);
        assert.deepEqual(state["vpcConfig"], {
            subnetIds: ["a"],
            clusterSecurityGroupId: `sg-${stableHex(17, "acme-dev-eks", "eks-cluster-sg")}`,
            vpcId: `vpc-${stableHex(17, "acme-dev-eks", "eks-vpc")}`,
        });
        assert.deepEqual([state["version"], state["status"]], ["1.35", "ACTIVE"]);
    });

    it("EKS children: ids the provider uses (<cluster>:<name>), node group autoscaling groups, Pod Identity association ids", () => {
        const inputs = { clusterName: "acme-dev-eks" };
        assert.equal(
            simulateResource({ type: "aws:eks/addon:Addon", name: "a", inputs: { ...inputs, addonName: "vpc-cni" } }).id,
            "acme-dev-eks:vpc-cni",
        );
        const group = simulateResource({ type: "aws:eks/nodeGroup:NodeGroup", name: "g", inputs: { ...inputs, nodeGroupName: "general" } });
        assert.equal(group.id, "acme-dev-eks:general");
        assert.match(
            String((group.state["resources"] as Array<{ autoscalingGroups: Array<{ name: string }> }>)[0]?.autoscalingGroups[0]?.name),
            /^eks-general-[0-9a-f]{8}$/,
        );
        const entry = simulateResource({
            type: "aws:eks/accessEntry:AccessEntry",
            name: "e",
            inputs: { ...inputs, principalArn: "arn:aws:iam::1:role/r" },
        });
        assert.equal(entry.id, "acme-dev-eks:arn:aws:iam::1:role/r");
        const association = simulateResource({ type: "aws:eks/podIdentityAssociation:PodIdentityAssociation", name: "p", inputs });
        assert.match(association.id, /^a-[0-9a-f]{17}$/);
        assert.equal(association.state["associationId"], association.id);
        const oidc = simulateResource({
            type: "aws:iam/openIdConnectProvider:OpenIdConnectProvider",
            name: "o",
            inputs: { url: "https://oidc.eks.us-east-1.amazonaws.com/id/ABC" },
        });
        assert.equal(oidc.state["arn"], `arn:aws:iam::${SIMULATED_AWS_ACCOUNT_ID}:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC`);
        const queue = simulateResource({ type: "aws:sqs/queue:Queue", name: "q", inputs: { name: "acme-dev-karpenter-interruption" } });
        assert.deepEqual(
            [queue.id, queue.state["arn"]],
            [
                `https://sqs.us-east-1.amazonaws.com/${SIMULATED_AWS_ACCOUNT_ID}/acme-dev-karpenter-interruption`,
                `arn:aws:sqs:us-east-1:${SIMULATED_AWS_ACCOUNT_ID}:acme-dev-karpenter-interruption`,
            ],
        );
        const template = simulateResource({ type: "aws:ec2/launchTemplate:LaunchTemplate", name: "t", inputs: { name: "nodes" } });
        assert.match(template.id, /^lt-[0-9a-f]{17}$/);
        assert.deepEqual([template.state["latestVersion"], template.state["defaultVersion"]], [1, 1]);
    });

    it("a GKE cluster: a path id, a private endpoint when asked, the CA, the version the channel picked", () => {
        const { id, state } = simulateResource({
            type: "gcp:container/cluster:Cluster",
            name: "gke-cluster",
            inputs: {
                project: "acme-dr-prod",
                name: "acme-dr-gke",
                location: "us-west1",
                minMasterVersion: "1.35",
                privateClusterConfig: { enablePrivateEndpoint: true },
            },
        });
        assert.equal(id, "projects/acme-dr-prod/locations/us-west1/clusters/acme-dr-gke");
        const config = state["privateClusterConfig"] as Record<string, string>;
        assert.equal(state["endpoint"], config["privateEndpoint"]);
        assert.match(String(config["privateEndpoint"]), /^172\.16\.\d+\.\d+$/);
        assert.deepEqual(
            [state["masterVersion"], (state["masterAuth"] as Record<string, string>)["clusterCaCertificate"]],
            ["1.35.3-gke.1000", simulatedCaBundle(`gke/${id}`)],
        );
        const pool = simulateResource({
            type: "gcp:container/nodePool:NodePool",
            name: "p",
            inputs: { name: "general", cluster: id, location: "us-west1" },
        });
        assert.equal(pool.id, `${id}/nodePools/general`);
        const account = simulateResource({
            type: "gcp:serviceaccount/account:Account",
            name: "sa",
            inputs: { project: "acme-dr-prod", accountId: "acme-dr-gke-nodes" },
        });
        assert.deepEqual(
            [account.state["email"], account.state["member"]],
            [
                "acme-dr-gke-nodes@acme-dr-prod.iam.gserviceaccount.com",
                "serviceAccount:acme-dr-gke-nodes@acme-dr-prod.iam.gserviceaccount.com",
            ],
        );
    });

    it("force-new fields: a new cluster name or role replaces, a new version or endpoint setting updates in place", () => {
        assert.deepEqual(
            ["name", "roleArn", "version", "vpcConfig", "enabledClusterLogTypes", "accessConfig"].map((p) =>
                replacesOnChange("aws:eks/cluster:Cluster", p),
            ),
            [true, true, false, false, false, false],
        );
        assert.deepEqual(
            ["subnetIds", "instanceTypes", "launchTemplate", "scalingConfig", "version"].map((p) =>
                replacesOnChange("aws:eks/nodeGroup:NodeGroup", p),
            ),
            [true, true, false, false, false],
        );
        assert.deepEqual(
            ["datapathProvider", "network", "releaseChannel", "masterAuthorizedNetworksConfig"].map((p) =>
                replacesOnChange("gcp:container/cluster:Cluster", p),
            ),
            [true, true, false, false],
        );
    });

    it("getSessionContext: the IAM role behind an assumed-role ARN; any other ARN passes through", () => {
        assert.deepEqual(
            [
                simulateInvoke("aws:iam/getSessionContext:getSessionContext", {
                    arn: "arn:aws:sts::123456789012:assumed-role/platform-admin/alice",
                }),
                simulateInvoke("aws:iam/getSessionContext:getSessionContext", { arn: "arn:aws:iam::123456789012:user/ci" }),
            ].map((r) => [r["issuerArn"], r["issuerName"], r["sessionName"]]),
            [
                ["arn:aws:iam::123456789012:role/platform-admin", "platform-admin", "alice"],
                ["arn:aws:iam::123456789012:user/ci", "", ""],
            ],
        );
    });

    it("Karpenter's kinds are cluster-scoped: no namespace, the name is the id", () => {
        const pool = simulateResource({
            type: "kubernetes:karpenter.sh/v1:NodePool",
            name: "pool",
            inputs: { apiVersion: "karpenter.sh/v1", kind: "NodePool", metadata: { name: "general" }, spec: {} },
        });
        assert.equal(pool.id, "general");
        assert.equal((pool.state["metadata"] as Record<string, unknown>)["namespace"], undefined);
        assert.equal(isClusterScoped("EC2NodeClass"), true);
    });

    it("a stack reference by <organization>/<project>/<stack> finds the outputs recorded by <project>/<stack>", () => {
        const outputs = { vpcId: "vpc-1" };
        const found = simulateResource(
            { type: "pulumi:pulumi:StackReference", name: "foundation", inputs: { name: "organization/foundation/dev" } },
            { stackOutputs: { "foundation/dev": outputs } },
        );
        assert.deepEqual(found.state["outputs"], outputs);
        assert.throws(
            () =>
                simulateResource(
                    { type: "pulumi:pulumi:StackReference", name: "foundation", inputs: { name: "acme/foundation/dev" } },
                    { stackOutputs: { "foundation/dev": outputs } },
                ),
            /stack reference acme\/foundation\/dev: the simulated cloud has no outputs for it/,
        );
    });
});

describe("synthesize: Kubernetes objects through the Kubernetes model", () => {
    it("autonames from the URN, namespaces from the object's provider, ids and status like the real provider", async () => {
        const result = await synthesize({
            project: "t",
            stack: "dev",
            program: () => {
                const provider = new k8s.Provider("cluster", { namespace: "apps", kubeconfig: "{}" });
                const parent = new (class extends pulumi.ComponentResource {
                    constructor() {
                        super("test:index:Parent", "parent", {}, { providers: [provider] });
                    }
                })();
                new k8s.core.v1.ConfigMap("settings", { data: { a: "b" } }, { parent });
                new k8s.storage.v1.StorageClass("fast", { metadata: { name: "fast" }, provisioner: "ebs.csi.aws.com" }, { parent });
                new k8s.core.v1.Namespace("team", {}, { provider });
            },
        });
        const byName = (name: string) => result.resources.find((r) => r.name === name)!;
        const configMap = byName("settings");
        const name = `settings-${stableHex(8, "kubernetes-autoname", configMap.urn)}`;
        assert.equal(configMap.urn, "urn:pulumi:dev::t::test:index:Parent$kubernetes:core/v1:ConfigMap::settings");
        assert.equal(configMap.id, `apps/${name}`);
        assert.deepEqual((configMap.outputs["metadata"] as Record<string, unknown>)["annotations"], { "pulumi.com/autonamed": "true" });
        assert.equal(byName("fast").id, "fast");
        const namespace = byName("team");
        assert.deepEqual((namespace.outputs["status"] as Record<string, unknown>)["phase"], "Active");
    });

    it("a Helm release: named and namespaced, deployed at revision 1", async () => {
        const result = await synthesize({
            project: "t",
            stack: "dev",
            program: () =>
                void new k8s.helm.v3.Release("karpenter", {
                    name: "karpenter",
                    namespace: "kube-system",
                    chart: "oci://x/karpenter",
                    version: "1.8.1",
                }),
        });
        const release = result.resources.find((r) => r.type === "kubernetes:helm.sh/v3:Release")!;
        assert.deepEqual(
            [release.id, release.outputs["status"]],
            [
                "kube-system/karpenter",
                {
                    name: "karpenter",
                    namespace: "kube-system",
                    chart: "oci://x/karpenter",
                    version: "1.8.1",
                    appVersion: "1.8.1",
                    revision: 1,
                    status: "deployed",
                },
            ],
        );
    });
});
