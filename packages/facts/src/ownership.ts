/**
 * Ownership tags (AWS) and labels (GCP): the keys every taggable resource carries (seed 003 cost
 * allocation, seed 001 tagging compliance). Core sets them once on each provider; the platform
 * pack's platform-required-tags policy checks them.
 */
export const REQUIRED_TAG_KEYS = ["environment", "team", "cost-center", "project", "managed-by"] as const;
export type RequiredTagKey = (typeof REQUIRED_TAG_KEYS)[number];

/** Value of `managed-by` on everything this platform creates. */
export const MANAGED_BY = "pulumi";
