import type { StackValidationPolicy } from "@pulumi/policy";
import { resourceLabel, resourceTags, seedTags } from "@platform/policy-kit";
import { REQUIRED_TAG_KEYS, tagKind } from "@platform/facts";

/**
 * Every taggable AWS resource and labellable GCP resource carries the five ownership keys with a
 * non-empty value, counting the provider's `defaultTags` / `defaultLabels` (`tagKind` of
 * `@platform/facts` says which resources count). A stack policy so the whole stack is reported at once.
 */
export const requiredTags: StackValidationPolicy = {
    name: "platform-required-tags",
    description: `Cloud resources carry the ownership tags/labels ${REQUIRED_TAG_KEYS.join(", ")}.`,
    enforcementLevel: "mandatory",
    severity: "medium",
    tags: seedTags("001", "003"),
    remediationSteps:
        "Set the ownership keys once in the provider's defaultTags (AWS) or defaultLabels (GCP), as @platform/core's providers do, or on the resource's own tags / labels.",
    url: "https://docs.aws.amazon.com/whitepapers/latest/tagging-best-practices/tagging-best-practices.html",
    validateStack: (args, reportViolation) => {
        for (const resource of args.resources) {
            const kind = tagKind(resource);
            if (!kind) continue;
            const tags = resourceTags(resource);
            const missing = REQUIRED_TAG_KEYS.filter((k) => !tags[k]);
            if (missing.length === 0) continue;
            const where =
                kind === "tags"
                    ? "the provider's defaultTags (preferred) or the resource's tags"
                    : "the provider's defaultLabels (preferred) or the resource's labels";
            reportViolation(
                `${resource.type} ${resourceLabel(resource)} is missing required ${kind} ${missing.join(", ")}; set them in ${where}.`,
                resource.urn,
            );
        }
    },
};
