/**
 * Allow-lists for a public Kubernetes API endpoint (EKS `publicAccessCidrs`, GKE master
 * authorized networks), shared by config validation and the cluster components.
 */
import { parseCidr, tryParseCidr } from "../cidr/ipv4.js";
import type { Issue } from "../issues.js";
import { checkCidr } from "./cidr.js";

/** The widest block an allow-list may hold: anything shorter opens the API server to a large part of the internet. */
export const MIN_ALLOW_LIST_PREFIX = 8;

/** One allow-list entry: a canonical CIDR block, never 0.0.0.0/0, at least /8. */
export function checkAllowListCidr(field: string, value: unknown): Issue[] {
    const syntax = checkCidr(field, value);
    if (syntax.length > 0 || typeof value !== "string" || !tryParseCidr(value).ok) {
        return syntax;
    }
    const prefix = parseCidr(value).prefix;
    if (prefix === 0) {
        return [
            {
                field,
                value,
                problem: "opens the cluster API endpoint to the whole internet",
                fix: "list the networks that need the API (office egress, CI runners), e.g. 203.0.113.0/24",
            },
        ];
    }
    if (prefix < MIN_ALLOW_LIST_PREFIX) {
        return [
            {
                field,
                value,
                problem: `is /${prefix}, wider than /${MIN_ALLOW_LIST_PREFIX}: it opens the API endpoint to a large part of the internet`,
                fix: "list the specific networks that need the API, e.g. 203.0.113.0/24",
            },
        ];
    }
    return [];
}

/** A whole allow-list: each entry valid and listed once. */
export function checkAllowList(field: string, value: unknown): Issue[] {
    if (!Array.isArray(value)) {
        return [{ field, value, problem: "must be a list of CIDR blocks", fix: "write a YAML list, e.g. [203.0.113.0/24]" }];
    }
    const issues = value.flatMap((entry, i) => checkAllowListCidr(`${field}[${i}]`, entry));
    value.forEach((entry, i) => {
        if (value.indexOf(entry) !== i) {
            issues.push({ field: `${field}[${i}]`, value: entry, problem: "is listed twice", fix: "list each block once" });
        }
    });
    return issues;
}
