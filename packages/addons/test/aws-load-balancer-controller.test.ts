import * as assert from "node:assert/strict";
import { fieldsAndProblems, findResource, type InventoryResource, ofType, rejectedIssues, synthesize } from "@platform/synth";
import { validateObject } from "@platform/workload/schemas";
import {
    type AddonContext,
    AwsLoadBalancerController,
    type AwsLoadBalancerControllerArgs,
    awsLoadBalancerControllerPolicy,
    Istio,
    targetGroupBindingProblems,
} from "../src/index.js";

const TG = "arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/acme-prod-edge-gateway/0123456789abcdef";
const context = (cloud: "aws" | "gcp" = "aws"): AddonContext => ({
    naming: { project: "acme", environment: "prod" },
    cloud,
    region: "us-east-1",
    kubernetesVersion: "1.35",
    cluster:
        cloud === "aws"
            ? { cloud: "aws", clusterName: "acme-prod-eks", clusterArn: "arn:aws:eks:us-east-1:111111111111:cluster/acme-prod-eks" }
            : { cloud: "gcp", project: "acme-dr" },
    clusterName: "acme-prod-eks",
    onSystemNodes: true,
    labels: { environment: "prod", team: "platform" },
});
const binding = {
    name: "public-gateway",
    namespace: "istio-ingress",
    serviceName: "istio-ingressgateway",
    servicePort: 80,
    targetGroupArn: TG,
};
const args = (extra: Partial<AwsLoadBalancerControllerArgs> = {}): AwsLoadBalancerControllerArgs => ({
    context: context(),
    vpcId: "vpc-1",
    replicas: 2,
    bindings: [binding],
    ...extra,
});

async function synth(program: () => void): Promise<InventoryResource[]> {
    return (await synthesize({ project: "t", stack: "prod", program })).resources;
}

describe("AwsLoadBalancerController", () => {
    it("IAM: Describe calls only on *, and target registration on the bound target groups' exact ARNs", () => {
        assert.deepEqual(awsLoadBalancerControllerPolicy([TG]), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "Describe",
                    Effect: "Allow",
                    Action: [
                        "ec2:DescribeAvailabilityZones",
                        "ec2:DescribeInstances",
                        "ec2:DescribeNetworkInterfaces",
                        "ec2:DescribeSecurityGroups",
                        "ec2:DescribeSubnets",
                        "ec2:DescribeVpcs",
                        "elasticloadbalancing:DescribeListeners",
                        "elasticloadbalancing:DescribeLoadBalancers",
                        "elasticloadbalancing:DescribeTags",
                        "elasticloadbalancing:DescribeTargetGroupAttributes",
                        "elasticloadbalancing:DescribeTargetGroups",
                        "elasticloadbalancing:DescribeTargetHealth",
                    ],
                    Resource: "*",
                },
                {
                    Sid: "BoundTargets",
                    Effect: "Allow",
                    Action: ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"],
                    Resource: [TG],
                },
            ],
        });
        // Nothing that creates, changes or deletes a load balancer, listener, rule or security group.
        const actions = awsLoadBalancerControllerPolicy([TG]).Statement.flatMap((s) => s["Action"] as string[]);
        assert.deepEqual(
            actions.filter((a) => !/:Describe/.test(a)),
            ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"],
        );
    });

    it("a pinned release with its Pod Identity role, bindings only (no IngressClass, no Service mutation, no WAF or Shield), then the TargetGroupBinding", async () => {
        const resources = await synth(() => new AwsLoadBalancerController("lbc", args()));
        const release = findResource(resources, "kubernetes:helm.sh/v3:Release", "lbc-release");
        assert.deepEqual(
            [
                release.inputs["chart"],
                release.inputs["version"],
                release.inputs["namespace"],
                (release.inputs["repositoryOpts"] as Record<string, unknown>)["repo"],
            ],
            ["aws-load-balancer-controller", "1.13.3", "aws-load-balancer-controller", "https://aws.github.io/eks-charts"],
        );
        const v = release.inputs["values"] as Record<string, unknown>;
        assert.deepEqual(
            [
                v["clusterName"],
                v["region"],
                v["vpcId"],
                v["replicaCount"],
                v["createIngressClassResource"],
                v["enableServiceMutatorWebhook"],
                v["enableShield"],
                v["enableWaf"],
                v["enableWafv2"],
            ],
            ["acme-prod-eks", "us-east-1", "vpc-1", 2, false, false, false, false, false],
        );
        assert.deepEqual(v["nodeSelector"], { "platform.io/node-pool": "system" });
        assert.deepEqual(v["podDisruptionBudget"], { maxUnavailable: 1 });
        const policy: unknown = JSON.parse(
            String(findResource(resources, "aws:iam/rolePolicy:RolePolicy", "lbc-identity-policy").inputs["policy"]),
        );
        assert.deepEqual(policy, awsLoadBalancerControllerPolicy([TG]));
        assert.equal(ofType(resources, "aws:eks/podIdentityAssociation:PodIdentityAssociation").length, 1);
        const tgb = findResource(resources, "kubernetes:elbv2.k8s.aws/v1beta1:TargetGroupBinding", "lbc-binding-public-gateway");
        assert.deepEqual(tgb.inputs["spec"], {
            serviceRef: { name: "istio-ingressgateway", port: 80 },
            targetGroupARN: TG,
            targetType: "ip",
        });
        assert.ok(tgb.dependencies.includes(release.urn));
        validateObject(tgb.inputs);
    });

    it("rejects a GKE cluster, no bindings, duplicate bindings and bad replicas, all at once", async () => {
        assert.deepEqual(
            fieldsAndProblems(
                await rejectedIssues(
                    synth(() => new AwsLoadBalancerController("lbc", args({ context: context("gcp"), bindings: [], replicas: 0 }))),
                ),
            ),
            [
                ["replicas", "must be a whole number from 1 to 10"],
                ["context.cloud", "the AWS Load Balancer Controller runs on EKS only"],
                ["bindings", "is empty: the controller would bind no target group"],
            ],
        );
        const issues = await rejectedIssues(synth(() => new AwsLoadBalancerController("lbc", args({ bindings: [binding, binding] }))));
        assert.deepEqual(
            issues.map((i) => i.field),
            ["bindings"],
        );
    });
});

describe("TargetGroupBinding schema", () => {
    const good = {
        apiVersion: "elbv2.k8s.aws/v1beta1",
        kind: "TargetGroupBinding",
        metadata: { name: "public-gateway", namespace: "istio-ingress" },
        spec: { serviceRef: { name: "istio-ingressgateway", port: 80 }, targetGroupARN: TG, targetType: "ip" },
    };

    it("accepts the platform's binding", () => {
        assert.deepEqual(targetGroupBindingProblems(good), []);
    });

    it("names every wrong field: a typo, a missing service, a non-ARN and an unknown target type", () => {
        assert.deepEqual(
            targetGroupBindingProblems({
                ...good,
                spec: { serviceRef: { port: 80.5 }, targetGroupArn: TG, targetGroupARN: "tg", targetType: "pod" },
            }),
            [
                "/spec/targetGroupArn is not a field of TargetGroupBinding",
                "/spec/serviceRef/name is required",
                "/spec/serviceRef/port must be a port number or name",
                "/spec/targetGroupARN must be a target group ARN",
                "/spec/targetType must be ip or instance",
            ],
        );
        assert.throws(() => validateObject({ ...good, spec: undefined }), /invalid TargetGroupBinding: \/spec is required/);
    });
});

describe("Istio ingress exposure", () => {
    const service = async (ingressExposure?: "loadBalancer" | "publicEdge") => {
        const resources = await synth(
            () =>
                new Istio("istio", {
                    context: context(),
                    istiodReplicas: 1,
                    ingressGatewayReplicas: 1,
                    egressGatewayReplicas: 1,
                    ...(ingressExposure !== undefined ? { ingressExposure } : {}),
                    ...(ingressExposure === "publicEdge" ? { publicHosts: ["acme.example.com", "*.acme.example.com"] } : {}),
                }),
        );
        return (
            findResource(resources, "kubernetes:helm.sh/v3:Release", "istio-ingress-gateway").inputs["values"] as Record<string, unknown>
        )["service"];
    };

    it("behind the public edge the gateway Service is ClusterIP (no second, unguarded entry); otherwise (and unset) an NLB", async () => {
        assert.deepEqual(await service("publicEdge"), { type: "ClusterIP" });
        const nlb = {
            type: "LoadBalancer",
            externalTrafficPolicy: "Local",
            annotations: {
                "service.beta.kubernetes.io/aws-load-balancer-type": "nlb",
                "service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled": "true",
            },
        };
        assert.deepEqual(await service("loadBalancer"), nlb);
        assert.deepEqual(await service(), nlb);
    });

    it("behind the public edge, the Istio Gateway istio-ingress/public-edge accepts the edge's names on plain HTTP 80, from any namespace's routes", async () => {
        let istio: Istio | undefined;
        const resources = await synth(() => {
            istio = new Istio("istio", {
                context: context(),
                istiodReplicas: 1,
                ingressGatewayReplicas: 1,
                egressGatewayReplicas: 1,
                ingressExposure: "publicEdge",
                publicHosts: ["acme.example.com", "*.acme.example.com"],
            });
        });
        const gateway = findResource(resources, "kubernetes:networking.istio.io/v1:Gateway", "istio-public-gateway");
        assert.deepEqual(gateway.inputs, {
            apiVersion: "networking.istio.io/v1",
            kind: "Gateway",
            metadata: { name: "public-edge", namespace: "istio-ingress", labels: { environment: "prod", team: "platform" } },
            spec: {
                selector: { istio: "ingressgateway" },
                servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["*/acme.example.com", "*/*.acme.example.com"] }],
            },
        });
        validateObject(gateway.inputs);
        assert.equal(istio?.publicGateway, "istio-ingress/public-edge");
        const plain = await synth(
            () => new Istio("istio", { context: context(), istiodReplicas: 1, ingressGatewayReplicas: 1, egressGatewayReplicas: 1 }),
        );
        assert.equal(ofType(plain, "kubernetes:networking.istio.io/v1:Gateway").length, 0, "no edge, no Gateway");
    });

    it("refuses a public edge without names, names without an edge, and a malformed name", async () => {
        const run = (extra: Record<string, unknown>) =>
            synth(
                () =>
                    new Istio("istio", {
                        context: context(),
                        istiodReplicas: 1,
                        ingressGatewayReplicas: 1,
                        egressGatewayReplicas: 1,
                        ...extra,
                    }),
            );
        assert.deepEqual(fieldsAndProblems(await rejectedIssues(run({ ingressExposure: "publicEdge" }))), [
            ["publicHosts", "the public edge's names are needed for its Istio Gateway"],
        ]);
        assert.deepEqual(fieldsAndProblems(await rejectedIssues(run({ publicHosts: ["a.example.com"] }))), [
            ["publicHosts", "is only used behind a public edge"],
        ]);
        assert.deepEqual(fieldsAndProblems(await rejectedIssues(run({ ingressExposure: "publicEdge", publicHosts: ["**.example.com"] }))), [
            ["publicHosts[0]", "is not a lowercase host name or one wildcard level"],
        ]);
    });
});
