/**
 * ExternalSecrets: the External Secrets Operator (CRDs included) with its webhook and certificate
 * controller replicated, and the `platform-secrets` ClusterSecretStore of the environment's cloud
 * store (seed 001 P4, S6): AWS Secrets Manager in the region, or Secret Manager in the project,
 * read with the operator's own Pod Identity / Workload Identity. On AWS it may read only the
 * environment's secrets (`<project>-<environment>-*`), decrypting them with the foundation's
 * secrets key only through Secrets Manager.
 */
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { type Issue, PlatformComponent } from "@platform/core";
import { CloudIdentity } from "@platform/workload";
import { CHARTS } from "./charts.js";
import { checkReplicas, disruptionBudget } from "./common.js";
import { externalSecretsPolicy } from "./iam.js";
import { clusterSecretStoreManifest } from "./manifests.mjs";
import { type AddonContext, controllerPlacement } from "./placement.js";
import { chartRelease } from "./release.js";
import { addonNamespace } from "./namespace.js";

export const EXTERNAL_SECRETS_NAMESPACE = "external-secrets";
export const EXTERNAL_SECRETS_SERVICE_ACCOUNT = "external-secrets";
/** The ClusterSecretStore app teams' ExternalSecrets reference. */
export const PLATFORM_SECRET_STORE = "platform-secrets";

export interface ExternalSecretsArgs {
    readonly context: AddonContext;
    readonly replicas: number;
    /** AWS: ARN of the key encrypting the environment's secrets (the foundation's `secrets` key). */
    readonly secretsKmsKeyArn?: pulumi.Input<string>;
}

export class ExternalSecrets extends PlatformComponent {
    readonly release: k8s.helm.v3.Release;
    readonly secretStoreName: string;

    constructor(name: string, args: ExternalSecretsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:addons:ExternalSecrets", name, args.context.naming, opts);
        this.validate(validateExternalSecretsArgs(args));
        const ctx = args.context;
        const namespace = addonNamespace(`${name}-namespace`, ctx, EXTERNAL_SECRETS_NAMESPACE, this);
        const prefix = `${ctx.naming.project}-${ctx.naming.environment}`;
        const identity = new CloudIdentity(
            `${name}-identity`,
            {
                naming: ctx.naming,
                cluster: ctx.cluster,
                namespace: EXTERNAL_SECRETS_NAMESPACE,
                serviceAccount: EXTERNAL_SECRETS_SERVICE_ACCOUNT,
                ...(ctx.cloud === "aws"
                    ? {
                          awsPolicy: pulumi
                              .all([aws.getCallerIdentityOutput({}, { parent: this }).accountId, args.secretsKmsKeyArn ?? ""])
                              .apply(([accountId, secretsKeyArn]) =>
                                  JSON.stringify(externalSecretsPolicy({ region: ctx.region, accountId, prefix, secretsKeyArn })),
                              ),
                      }
                    : { gcpProjectRoles: ["roles/secretmanager.secretAccessor"] }),
            },
            { parent: this },
        );
        const place = controllerPlacement(ctx.onSystemNodes);
        const pdb = disruptionBudget(args.replicas);
        const common = {
            replicaCount: args.replicas,
            podDisruptionBudget: pdb,
            nodeSelector: place.nodeSelector,
            tolerations: place.tolerations,
        };
        this.release = chartRelease(
            this.childName("release"),
            {
                name: "external-secrets",
                namespace: EXTERNAL_SECRETS_NAMESPACE,
                pin: CHARTS.externalSecrets,
                values: {
                    installCRDs: true,
                    leaderElect: args.replicas > 1,
                    ...common,
                    serviceAccount: { name: EXTERNAL_SECRETS_SERVICE_ACCOUNT, annotations: identity.serviceAccountAnnotations },
                    serviceMonitor: { enabled: true },
                    resources: { requests: { cpu: "50m", memory: "128Mi" }, limits: { memory: "512Mi" } },
                    webhook: { ...common },
                    certController: { ...common },
                },
            },
            this.childOptions({ dependsOn: [namespace, identity] }),
        );
        new k8s.apiextensions.CustomResource(
            this.childName("cluster-secret-store"),
            clusterSecretStoreManifest({
                name: PLATFORM_SECRET_STORE,
                store: ctx.cluster.cloud === "aws" ? { cloud: "aws", region: ctx.region } : { cloud: "gcp", project: ctx.cluster.project },
                labels: ctx.labels,
            }) as k8s.apiextensions.CustomResourceArgs,
            this.childOptions({ dependsOn: [this.release] }),
        );
        this.secretStoreName = PLATFORM_SECRET_STORE;
        this.complete("secretStoreName");
    }
}

export function validateExternalSecretsArgs(args: ExternalSecretsArgs): Issue[] {
    const issues = checkReplicas("replicas", args.replicas);
    if (args.context.cloud === "aws" && args.secretsKmsKeyArn === undefined) {
        issues.push({
            field: "secretsKmsKeyArn",
            value: undefined,
            problem: "is required on AWS: the secrets are encrypted with it",
            fix: "pass the foundation's kmsKeyArns.secrets",
        });
    }
    return issues;
}
