/**
 * Effective AWS tags and GCP labels of a resource: what the cloud will actually carry, i.e. the
 * resource's own tags/labels merged over its provider's `defaultTags` / `defaultLabels` (the
 * platform sets ownership tags once on the provider, see `@platform/core` providers.ts), plus the
 * provider-computed `tagsAll` / `effectiveLabels` / `pulumiLabels` that stack policies see in outputs.
 */
import { AWS_TYPES_WITHOUT_DEFAULT_TAGS } from "@platform/facts";
import { parseJsonOrObject } from "./json.js";
import { asArray, asRecord, asStringMap, type Props } from "./values.js";

/** The parts of a resource (a `ResourceValidationArgs` or a `PolicyResource`) tag readers need. */
export interface TaggedResourceLike {
    readonly type: string;
    readonly props: Props;
    readonly provider?: { readonly props: Props };
}

/** `defaultTags.tags` of an AWS provider's props (object or JSON string). */
export function awsDefaultTags(providerProps: Props | undefined): Record<string, string> {
    const defaultTags = parseJsonOrObject(providerProps?.["defaultTags"]);
    return asStringMap(defaultTags?.["tags"]);
}

/** `defaultLabels` of a GCP provider's props (object or JSON string). */
export function gcpDefaultLabels(providerProps: Props | undefined): Record<string, string> {
    return asStringMap(parseJsonOrObject(providerProps?.["defaultLabels"]));
}

/** A `tags` value as a map: a map as is, or a list of `{ key, value }` (autoscaling groups). */
function tagMap(value: unknown): Record<string, string> {
    const list = asArray(value);
    if (!list) return asStringMap(value);
    const result: Record<string, string> = {};
    for (const item of list) {
        const entry = asRecord(item);
        const key = entry?.["key"];
        const v = entry?.["value"];
        if (typeof key === "string" && typeof v === "string") result[key] = v;
    }
    return result;
}

/** Effective tags of an AWS resource: provider default tags < `tagsAll` < `tags`. */
export function awsTags(resource: TaggedResourceLike): Record<string, string> {
    const defaults = AWS_TYPES_WITHOUT_DEFAULT_TAGS.has(resource.type) ? {} : awsDefaultTags(resource.provider?.props);
    return { ...defaults, ...asStringMap(resource.props["tagsAll"]), ...tagMap(resource.props["tags"]) };
}

/**
 * Effective labels of a GCP resource: provider default labels < `effectiveLabels` < `pulumiLabels`
 * < `labels` (GKE clusters call theirs `resourceLabels`).
 */
export function gcpLabels(resource: TaggedResourceLike): Record<string, string> {
    return {
        ...gcpDefaultLabels(resource.provider?.props),
        ...asStringMap(resource.props["effectiveLabels"]),
        ...asStringMap(resource.props["pulumiLabels"]),
        ...asStringMap(resource.props["resourceLabels"]),
        ...asStringMap(resource.props["labels"]),
    };
}

/** Effective tags (AWS) or labels (GCP) by the resource's package; {} for other packages. */
export function resourceTags(resource: TaggedResourceLike): Record<string, string> {
    if (resource.type.startsWith("aws:")) return awsTags(resource);
    if (resource.type.startsWith("gcp:")) return gcpLabels(resource);
    return {};
}
