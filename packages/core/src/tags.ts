/**
 * Ownership tags (AWS) and labels (GCP). Every resource carries the same five keys: AWS through
 * the provider's `defaultTags`, GCP through the provider's `defaultLabels`, so no component can
 * forget them. The platform policy pack `platform-required-tags` checks the result.
 */

import { MANAGED_BY, type RequiredTagKey } from "@platform/facts";

export type OwnershipTags = Readonly<Record<RequiredTagKey, string>>;

export function ownershipTags(args: { environment: string; team: string; costCenter: string; project: string }): OwnershipTags {
    return {
        environment: args.environment,
        team: args.team,
        "cost-center": args.costCenter,
        project: args.project,
        "managed-by": MANAGED_BY,
    };
}

/**
 * GCP label rules: keys and values lowercase letters, digits, `_` and `-`, at most 63 characters;
 * keys start with a letter. Anything else is replaced by `_` (so `Cost Center` -> `cost_center`).
 */
export function toGcpLabel(text: string): string {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9_-]/g, "_")
        .slice(0, 63);
}

export function gcpLabels(tags: Readonly<Record<string, string>>): Record<string, string> {
    const labels: Record<string, string> = {};
    for (const [key, value] of Object.entries(tags)) {
        let labelKey = toGcpLabel(key);
        if (!/^[a-z]/.test(labelKey)) {
            labelKey = `k${labelKey}`.slice(0, 63);
        }
        labels[labelKey] = toGcpLabel(value);
    }
    return labels;
}
