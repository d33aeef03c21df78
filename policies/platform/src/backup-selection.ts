/**
 * Which resources an AWS Backup selection (`aws.backup.Selection`) assigns to its plan, as AWS
 * Backup decides it: a resource is selected when it matches the `resources` ARNs (`*` for all) or
 * any of the `selectionTags`, every `conditions` entry holds for its tags, and no `notResources`
 * ARN names it. Everything here is pure: the policy reads the values, this decides.
 */
import { asArray, asRecord, asString, asStringArray, type Props } from "@platform/policy-kit";

/** What a selection says, read from its props. */
export interface BackupSelectionRules {
    readonly resources: readonly string[];
    readonly notResources: readonly string[];
    /** `selectionTags` entries (type STRINGEQUALS is the only one AWS accepts). */
    readonly tags: readonly { readonly key: string; readonly value: string }[];
    /** `conditions` entries: tag key (without `aws:ResourceTag/`), operator and value; all must hold. */
    readonly conditions: readonly { readonly key: string; readonly operator: ConditionOperator; readonly value: string }[];
}

export type ConditionOperator = "stringEquals" | "stringNotEquals" | "stringLike" | "stringNotLike";

const CONDITION_LISTS: Readonly<Record<string, ConditionOperator>> = {
    stringEquals: "stringEquals",
    stringNotEquals: "stringNotEquals",
    stringLikes: "stringLike",
    stringNotLikes: "stringNotLike",
};

const RESOURCE_TAG_PREFIX = "aws:ResourceTag/";

/** The rules of a selection's props (missing lists are empty). */
export function selectionRules(props: Props): BackupSelectionRules {
    const tags = (asArray(props["selectionTags"]) ?? []).flatMap((item) => {
        const entry = asRecord(item);
        const key = asString(entry?.["key"]);
        const value = asString(entry?.["value"]);
        return key !== undefined && value !== undefined && asString(entry?.["type"]) === "STRINGEQUALS" ? [{ key, value }] : [];
    });
    const conditions = (asArray(props["conditions"]) ?? []).flatMap((item) => {
        const block = asRecord(item) ?? {};
        return Object.entries(CONDITION_LISTS).flatMap(([list, operator]) =>
            (asArray(block[list]) ?? []).flatMap((c) => {
                const entry = asRecord(c);
                const key = asString(entry?.["key"]);
                const value = asString(entry?.["value"]);
                if (key === undefined || value === undefined) return [];
                return [{ key: key.startsWith(RESOURCE_TAG_PREFIX) ? key.slice(RESOURCE_TAG_PREFIX.length) : key, operator, value }];
            }),
        );
    });
    return {
        resources: asStringArray(props["resources"]),
        notResources: asStringArray(props["notResources"]),
        tags,
        conditions,
    };
}

/** AWS Backup's wildcard match: `*` any run of characters, everything else literal. */
export function wildcardMatch(pattern: string, value: string): boolean {
    const regex = new RegExp(`^${pattern.split("*").map(escapeRegExp).join(".*")}$`, "s");
    return regex.test(value);
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function conditionHolds(condition: BackupSelectionRules["conditions"][number], tags: Readonly<Record<string, string>>): boolean {
    const actual = tags[condition.key];
    switch (condition.operator) {
        case "stringEquals":
            return actual === condition.value;
        case "stringNotEquals":
            return actual !== condition.value;
        case "stringLike":
            return actual !== undefined && wildcardMatch(condition.value, actual);
        case "stringNotLike":
            return actual === undefined || !wildcardMatch(condition.value, actual);
    }
}

/** True when the selection assigns a resource with these effective tags (and ARN, when known) to its plan. */
export function selects(rules: BackupSelectionRules, tags: Readonly<Record<string, string>>, arn: string | undefined): boolean {
    const byArn = rules.resources.some((pattern) => pattern === "*" || (arn !== undefined && wildcardMatch(pattern, arn)));
    const byTag = rules.tags.some((tag) => tags[tag.key] === tag.value);
    if (!byArn && !byTag) return false;
    if (!rules.conditions.every((c) => conditionHolds(c, tags))) return false;
    return !rules.notResources.some((pattern) => arn !== undefined && wildcardMatch(pattern, arn));
}
