import type { StackValidationPolicy } from "@pulumi/policy";
import { resourceLabel, resourceTags } from "@platform/policy-kit";
import { tagKind } from "../taggable.js";

/** The ownership keys (seed 003 cost allocation, seed 001 tagging compliance); same as @platform/core REQUIRED_TAG_KEYS. */
export const REQUIRED_KEYS: readonly string[] = ["environment", "team", "cost-center", "project", "managed-by"];

/**
 * Every taggable AWS resource and labellable GCP resource carries the five ownership keys with a
 * non-empty value, counting the provider's `defaultTags` / `defaultLabels` (see taggable.ts for
 * which resources count). A stack policy so the whole stack is reported at once.
 */
export const requiredTags: StackValidationPolicy = {
    name: "required-tags",
    description: "Cloud resources carry the ownership tags/labels environment, team, cost-center, project and managed-by.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const resource of args.resources) {
            const kind = tagKind(resource);
            if (!kind) continue;
            const tags = resourceTags(resource);
            const missing = REQUIRED_KEYS.filter((k) => !tags[k]);
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
