/**
 * AwsLoadBalancerController: the AWS Load Balancer Controller (EKS only), installed for one job:
 * keeping the Pulumi-owned public ALB's IP target group equal to the public gateway's ready pods,
 * through TargetGroupBindings (`elbv2.k8s.aws/v1beta1`). Its IAM policy allows registering targets
 * in those target groups and nothing else ({@link awsLoadBalancerControllerPolicy}); its
 * IngressClass, Service mutator webhook and WAF / Shield handling are off, so it never creates a
 * load balancer nor touches the web ACL the platform associates.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { checkUnique, type Issue, PlatformComponent } from "@platform/core";
import { CloudIdentity } from "@platform/workload";
import { CHARTS } from "./charts.js";
import { checkReplicas } from "./common.js";
import { awsLoadBalancerControllerPolicy } from "./iam.js";
import { addonNamespace } from "./namespace.js";
import { type AddonContext, controllerPlacement } from "./placement.js";
import { chartRelease } from "./release.js";
import "./target-group-binding.js";

export const AWS_LB_CONTROLLER_NAMESPACE = "aws-load-balancer-controller";
export const AWS_LB_CONTROLLER_SERVICE_ACCOUNT = "aws-load-balancer-controller";

/** A Service whose pods a target group receives. */
export interface TargetGroupBindingSpec {
    /** The binding's name (a Kubernetes name). */
    readonly name: string;
    readonly namespace: string;
    readonly serviceName: string;
    /** The Service port whose target port the pods are registered on. */
    readonly servicePort: number;
    readonly targetGroupArn: pulumi.Input<string>;
}

export interface AwsLoadBalancerControllerArgs {
    readonly context: AddonContext;
    /** The VPC (the controller otherwise asks the instance metadata service, which pods cannot reach). */
    readonly vpcId: pulumi.Input<string>;
    readonly replicas: number;
    /** The target groups to keep in sync, one binding each; at least one (else the controller has nothing to do). */
    readonly bindings: readonly TargetGroupBindingSpec[];
}

export class AwsLoadBalancerController extends PlatformComponent {
    readonly release: k8s.helm.v3.Release;
    readonly bindingNames: string[];

    constructor(name: string, args: AwsLoadBalancerControllerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:addons:AwsLoadBalancerController", name, args.context.naming, opts);
        this.validate(validateAwsLoadBalancerControllerArgs(args));
        const ctx = args.context;
        const namespace = addonNamespace(`${name}-namespace`, ctx, AWS_LB_CONTROLLER_NAMESPACE, this);
        const identity = new CloudIdentity(
            `${name}-identity`,
            {
                naming: ctx.naming,
                cluster: ctx.cluster,
                namespace: AWS_LB_CONTROLLER_NAMESPACE,
                serviceAccount: AWS_LB_CONTROLLER_SERVICE_ACCOUNT,
                awsPolicy: pulumi
                    .all(args.bindings.map((b) => b.targetGroupArn))
                    .apply((arns) => JSON.stringify(awsLoadBalancerControllerPolicy(arns))),
            },
            { parent: this },
        );
        const place = controllerPlacement(ctx.onSystemNodes);
        this.release = chartRelease(
            this.childName("release"),
            {
                name: "aws-load-balancer-controller",
                namespace: AWS_LB_CONTROLLER_NAMESPACE,
                pin: CHARTS.awsLoadBalancerController,
                values: {
                    clusterName: ctx.clusterName,
                    region: ctx.region,
                    vpcId: args.vpcId,
                    replicaCount: args.replicas,
                    serviceAccount: { create: true, name: AWS_LB_CONTROLLER_SERVICE_ACCOUNT },
                    // Bindings only: no IngressClass, no Service mutation, no WAF or Shield calls.
                    createIngressClassResource: false,
                    enableServiceMutatorWebhook: false,
                    enableShield: false,
                    enableWaf: false,
                    enableWafv2: false,
                    podDisruptionBudget: args.replicas > 1 ? { maxUnavailable: 1 } : {},
                    podSecurityContext: { fsGroup: 65534, runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
                    securityContext: {
                        allowPrivilegeEscalation: false,
                        capabilities: { drop: ["ALL"] },
                        readOnlyRootFilesystem: true,
                        runAsNonRoot: true,
                    },
                    nodeSelector: place.nodeSelector,
                    tolerations: place.tolerations,
                    serviceMonitor: { enabled: true },
                    resources: { requests: { cpu: "50m", memory: "128Mi" }, limits: { memory: "512Mi" } },
                },
            },
            this.childOptions({ dependsOn: [namespace, identity] }),
        );
        // The binding's CRD and webhook come with the release.
        for (const b of args.bindings) {
            new k8s.apiextensions.CustomResource(
                this.childName(`binding-${b.name}`),
                {
                    apiVersion: "elbv2.k8s.aws/v1beta1",
                    kind: "TargetGroupBinding",
                    metadata: { name: b.name, namespace: b.namespace, labels: { ...ctx.labels } },
                    spec: {
                        serviceRef: { name: b.serviceName, port: b.servicePort },
                        targetGroupARN: b.targetGroupArn,
                        targetType: "ip",
                    },
                },
                this.childOptions({ dependsOn: [this.release] }),
            );
        }
        this.bindingNames = args.bindings.map((b) => b.name);
        this.complete("bindingNames");
    }
}

/** Every problem with the controller's arguments. */
export function validateAwsLoadBalancerControllerArgs(args: AwsLoadBalancerControllerArgs): Issue[] {
    const issues = [
        ...checkReplicas("replicas", args.replicas),
        ...checkUnique(
            "bindings",
            args.bindings.map((b) => `${b.namespace}/${b.name}`),
            "binding",
        ),
    ];
    if (args.context.cloud !== "aws") {
        issues.push({
            field: "context.cloud",
            value: args.context.cloud,
            problem: "the AWS Load Balancer Controller runs on EKS only",
            fix: "install it only where the cluster is EKS",
        });
    }
    if (args.bindings.length === 0) {
        issues.push({
            field: "bindings",
            value: [],
            problem: "is empty: the controller would bind no target group",
            fix: "pass the public edge's target group, or do not install the controller",
        });
    }
    return issues;
}
