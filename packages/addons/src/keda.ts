/**
 * Keda: KEDA (seed 001 P2, 2.12+) in `keda`: the operator, the metrics API server and the admission
 * webhooks, replicated with disruption budgets; the operator's own cloud identity, with which
 * scalers authenticate through the `keda-pod-identity` ClusterTriggerAuthentication (AWS: queue
 * depth of the environment's SQS queues; GCP: Cloud Monitoring metrics for Pub/Sub).
 */
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { type Issue, PlatformComponent } from "@platform/core";
import { CloudIdentity } from "@platform/workload";
import { CHARTS } from "./charts.js";
import { checkReplicas } from "./common.js";
import { kedaSqsPolicy } from "./iam.js";
import { kedaPodIdentityManifest } from "./manifests.mjs";
import { type AddonContext, controllerPlacement } from "./placement.js";
import { chartRelease } from "./release.js";
import { addonNamespace } from "./namespace.js";

export const KEDA_NAMESPACE = "keda";
export const KEDA_OPERATOR_SERVICE_ACCOUNT = "keda-operator";
/** The ClusterTriggerAuthentication Workload's scalers reference. */
export const KEDA_POD_IDENTITY = "keda-pod-identity";

export interface KedaArgs {
    readonly context: AddonContext;
    readonly replicas: number;
}

export class Keda extends PlatformComponent {
    readonly release: k8s.helm.v3.Release;
    readonly triggerAuthentication: string;

    constructor(name: string, args: KedaArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:addons:Keda", name, args.context.naming, opts);
        this.validate(validateKedaArgs(args));
        const ctx = args.context;
        const namespace = addonNamespace(`${name}-namespace`, ctx, KEDA_NAMESPACE, this);
        const prefix = `${ctx.naming.project}-${ctx.naming.environment}`;
        const identity = new CloudIdentity(
            `${name}-identity`,
            {
                naming: ctx.naming,
                cluster: ctx.cluster,
                namespace: KEDA_NAMESPACE,
                serviceAccount: KEDA_OPERATOR_SERVICE_ACCOUNT,
                ...(ctx.cloud === "aws"
                    ? {
                          awsPolicy: aws
                              .getCallerIdentityOutput({}, { parent: this })
                              .accountId.apply((accountId) => JSON.stringify(kedaSqsPolicy({ region: ctx.region, accountId, prefix }))),
                      }
                    : { gcpProjectRoles: ["roles/monitoring.viewer"] }),
            },
            { parent: this },
        );
        const place = controllerPlacement(ctx.onSystemNodes);
        const budget = args.replicas > 1 ? { maxUnavailable: 1 } : {};
        this.release = chartRelease(
            this.childName("release"),
            {
                name: "keda",
                namespace: KEDA_NAMESPACE,
                pin: CHARTS.keda,
                values: {
                    operator: { replicaCount: args.replicas },
                    metricsServer: { replicaCount: args.replicas },
                    webhooks: { replicaCount: args.replicas },
                    podDisruptionBudget: { operator: budget, metricServer: budget, webhooks: budget },
                    serviceAccount: { operator: { name: KEDA_OPERATOR_SERVICE_ACCOUNT, annotations: identity.serviceAccountAnnotations } },
                    nodeSelector: place.nodeSelector,
                    tolerations: place.tolerations,
                    prometheus: {
                        operator: { enabled: true, serviceMonitor: { enabled: true } },
                        metricServer: { enabled: true, serviceMonitor: { enabled: true } },
                    },
                    resources: {
                        operator: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "1Gi" } },
                        metricServer: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "1Gi" } },
                    },
                },
            },
            this.childOptions({ dependsOn: [namespace, identity] }),
        );
        new k8s.apiextensions.CustomResource(
            this.childName("pod-identity"),
            kedaPodIdentityManifest(KEDA_POD_IDENTITY, ctx.cloud, ctx.labels) as k8s.apiextensions.CustomResourceArgs,
            this.childOptions({ dependsOn: [this.release] }),
        );
        this.triggerAuthentication = KEDA_POD_IDENTITY;
        this.complete("triggerAuthentication");
    }
}

export function validateKedaArgs(args: KedaArgs): Issue[] {
    return checkReplicas("replicas", args.replicas);
}
