import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { checkov, resourceEnvironment, resourceLabel, stackEnvironments } from "@platform/policy-kit";
import { isProductionEnvironment, isStatefulType, STATEFUL_TYPES } from "@platform/facts";

const FIX =
    "set the resource option protect: true on it, or on the component that creates it (children inherit it unless they set protect: false)";

/** The production environment a resource belongs to: its own (tags/labels over provider defaults), else the stack's. */
function productionEnvironment(resource: PolicyResource, stackProduction: readonly string[]): string | undefined {
    const own = resourceEnvironment(resource);
    if (isProductionEnvironment(own)) return own;
    return stackProduction.length > 0 ? stackProduction.join("/") : undefined;
}

/**
 * In prod and dr, every stateful resource (`STATEFUL_TYPES` of `@platform/facts`, on both clouds:
 * KMS keys and key rings, DNS zones, log groups, buckets, databases, caches, queues, secrets,
 * clusters, registries) carries `protect: true`, so a refactor, a rename or a stack removal can
 * never delete or replace it: what it holds cannot be recreated. The environment is the
 * resource's own `environment` tag/label (over its provider's defaults), else the stack's (the
 * providers' `defaultTags` / `defaultLabels`); a stack that declares prod or dr holds all its
 * stateful resources to this, as the stricter rule. Without any environment the stack is not
 * production (platform-required-tags flags it). A stack policy, so resources on the engine's
 * default provider (a key ring has no labels of its own) get the stack's environment. Checkov's
 * CKV_GCP_82 is the GCP KMS part of this; it replaces the gcp pack's kms-prevent-destroy.
 */
export const protectStatefulProd: StackValidationPolicy = {
    name: "platform-protect-stateful-prod",
    description: "Stateful resources are protected from deletion in prod and dr.",
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: checkov({ CKV_GCP_82: "Ensure KMS keys are protected from deletion" }),
    remediationSteps:
        "In prod and dr, set the resource option protect: true on every stateful resource (KMS keys and key rings, DNS zones, log groups, buckets, databases, caches, queues, secrets, clusters, registries), or on the component that creates it (children inherit it unless they set protect: false); to delete one on purpose, unprotect it first (protect: false, or pulumi state unprotect).",
    url: "https://www.pulumi.com/docs/iac/concepts/resources/options/protect/",
    validateStack: (args, reportViolation) => {
        const stackProduction = stackEnvironments(args.resources).filter(isProductionEnvironment);
        for (const resource of args.resources) {
            if (!isStatefulType(resource.type) || resource.opts.protect) continue;
            const environment = productionEnvironment(resource, stackProduction);
            if (environment === undefined) continue;
            reportViolation(
                `${resource.type} ${resourceLabel(resource)} is in ${environment} but not protected, so a refactor or a stack removal could delete or replace it (at stake: ${STATEFUL_TYPES[resource.type]}); ${FIX}.`,
                resource.urn,
            );
        }
    },
};
