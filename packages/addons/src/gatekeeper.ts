/**
 * OPA Gatekeeper (seed 001 S1: Gatekeeper 3.14+, "10 Policies + 8 Mutations", audit every hour):
 * the admission-time twin of the kubernetes CrossGuard pack, so a manifest applied outside Pulumi
 * (kubectl, Helm, GitOps) meets the same ten rules. The rules, their Rego and the mutations live
 * in @platform/security (one list, kept in step with the pack by a test); this component installs
 * the pinned chart and creates the ConstraintTemplates, then one constraint per template, then the
 * mutations. Constraints and mutations select app namespaces only (the platform's namespace-kind
 * label): the add-ons' namespaces run upstream charts that the kubernetes pack reviews when they
 * are installed, and a rule written for app workloads must not block a system controller.
 */
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { type Issue, PlatformComponent } from "@platform/core";
import { constraint, constraintTemplate, GATEKEEPER_MODELS, GATEKEEPER_RULES, mutations } from "@platform/security";
import { NAMESPACE_KIND_LABEL } from "@platform/workload";
import { registerModels } from "@platform/workload/schemas";
import { CHARTS } from "./charts.js";
import { checkReplicas, disruptionBudget } from "./common.js";
import { type AddonContext, controllerPlacement } from "./placement.js";
import { chartRelease } from "./release.js";
import { addonNamespace } from "./namespace.js";

registerModels(GATEKEEPER_MODELS);

export const GATEKEEPER_NAMESPACE = "gatekeeper-system";
/** Seconds between audits of what already runs (seed 001: "every hour"). */
export const GATEKEEPER_AUDIT_INTERVAL_SECONDS = 3600;

export interface GatekeeperArgs {
    readonly context: AddonContext;
    /** Webhook (controller manager) replicas; more than one keeps admission up through a node drain. */
    readonly replicas: number;
    /** Registry host patterns images may come from (`platform:platform.trustedRegistries`). */
    readonly trustedRegistries: readonly string[];
    /** Least replicas of a Deployment or StatefulSet in app namespaces (2 in production, 1 elsewhere). */
    readonly minReplicas: number;
    /** The environment label the mutation adds to workloads that lack it. */
    readonly environment: string;
}

export class Gatekeeper extends PlatformComponent {
    readonly release: k8s.helm.v3.Release;
    /** The ConstraintTemplate kinds, in the rules' order. */
    readonly templateKinds: string[];
    /** The mutation objects' names. */
    readonly mutationNames: string[];

    constructor(name: string, args: GatekeeperArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:addons:Gatekeeper", name, args.context.naming, opts);
        this.validate(validateGatekeeperArgs(args));
        const ctx = args.context;
        const place = controllerPlacement(ctx.onSystemNodes);
        const namespace = addonNamespace(`${name}-namespace`, ctx, GATEKEEPER_NAMESPACE, this, {
            podSecurity: "restricted",
            labels: { "admission.gatekeeper.sh/ignore": "no-self-managing" },
        });
        this.release = chartRelease(
            this.childName("release"),
            {
                name: "gatekeeper",
                namespace: GATEKEEPER_NAMESPACE,
                pin: CHARTS.gatekeeper,
                values: {
                    replicas: args.replicas,
                    auditInterval: GATEKEEPER_AUDIT_INTERVAL_SECONDS,
                    // Deny decisions in the controller's log, and as Kubernetes events on the object.
                    logDenies: true,
                    emitAdmissionEvents: true,
                    emitAuditEvents: true,
                    // Mutations are part of the seed's design; the chart leaves them on unless disabled.
                    disableMutation: false,
                    podDisruptionBudget: disruptionBudget(args.replicas),
                    nodeSelector: place.nodeSelector,
                    tolerations: place.tolerations,
                    controllerManager: { exemptNamespaces: ["kube-system", GATEKEEPER_NAMESPACE] },
                },
            },
            this.childOptions({ dependsOn: [namespace] }),
        );
        const settings = {
            trustedRegistries: args.trustedRegistries,
            minReplicas: args.minReplicas,
            environment: args.environment,
            namespaceLabels: { [NAMESPACE_KIND_LABEL]: "app" },
        };
        // A constraint's kind exists once Gatekeeper has compiled its template: each waits for its own.
        this.templateKinds = GATEKEEPER_RULES.map((rule) => {
            const template = new k8s.apiextensions.CustomResource(
                this.childName(`template-${rule.kind.toLowerCase()}`),
                constraintTemplate(rule) as k8s.apiextensions.CustomResourceArgs,
                this.childOptions({ dependsOn: [this.release] }),
            );
            new k8s.apiextensions.CustomResource(
                this.childName(`constraint-${rule.kind.toLowerCase()}`),
                constraint(rule, settings) as k8s.apiextensions.CustomResourceArgs,
                this.childOptions({ dependsOn: [template] }),
            );
            return rule.kind;
        });
        const built = mutations(settings);
        this.mutationNames = built.map((object) => {
            const metadataName = (object["metadata"] as { name: string }).name;
            new k8s.apiextensions.CustomResource(
                this.childName(`mutation-${metadataName.replace(/^platform-/, "")}`),
                object as k8s.apiextensions.CustomResourceArgs,
                this.childOptions({ dependsOn: [this.release] }),
            );
            return metadataName;
        });
        this.complete("templateKinds", "mutationNames");
    }
}

export function validateGatekeeperArgs(args: GatekeeperArgs): Issue[] {
    const issues: Issue[] = [...checkReplicas("replicas", args.replicas), ...checkReplicas("minReplicas", args.minReplicas)];
    if (args.trustedRegistries.length === 0) {
        issues.push({
            field: "trustedRegistries",
            value: [],
            problem: "is empty, so the trusted-registries constraint would deny every image",
            fix: "list the registries images may come from (platform:platform.trustedRegistries)",
        });
    }
    return issues;
}
