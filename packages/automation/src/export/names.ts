/**
 * Pulumi input names to Terraform attribute names. The bridge names a Pulumi input by camel-casing
 * the Terraform name, and pluralizes the names of list fields that are singular in Terraform
 * (`lifecycle_rule` -> `lifecycleRules`); these functions undo that.
 */

/** `kmsKeyId` -> `kms_key_id`, `ipv6CidrBlock` -> `ipv6_cidr_block`, `enableIAMAuth` -> `enable_iam_auth`. */
export function snakeCase(name: string): string {
    return name
        .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
        .replace(/([A-Z])([A-Z][a-z])/g, "$1_$2")
        .toLowerCase();
}

/**
 * Singular names whose plural the endings below get wrong (`alias` is not a plural of `alia`), as
 * the bridge pluralizes them: Route 53 records' `alias` block is `aliases` in Pulumi.
 */
const IRREGULAR_PLURALS: Readonly<Record<string, string>> = { alias: "aliases" };
const IRREGULAR_SINGULARS: Readonly<Record<string, string>> = Object.fromEntries(
    Object.entries(IRREGULAR_PLURALS).map(([singular, plural]) => [plural, singular]),
);

/** `lifecycle_rule` -> `lifecycle_rules`, `policy` -> `policies`, `address` -> `addresses`; plural names stay. */
export function pluralize(name: string): string {
    const irregular = IRREGULAR_PLURALS[name];
    if (irregular !== undefined) return irregular;
    if (name.endsWith("ss") || /(ch|sh|x|z)$/.test(name)) return `${name}es`;
    if (name.endsWith("s")) return name;
    if (/[^aeiou]y$/.test(name)) return `${name.slice(0, -1)}ies`;
    return `${name}s`;
}

/** `rules` -> `rule`, `policies` -> `policy`, `addresses` -> `address`; `ingress` and singular names stay. */
export function singularize(name: string): string {
    const irregular = IRREGULAR_SINGULARS[name];
    if (irregular !== undefined) return irregular;
    if (name.endsWith("ss")) return name;
    if (name.endsWith("ies")) return `${name.slice(0, -3)}y`;
    if (/(sses|ches|shes|xes|zes)$/.test(name)) return name.slice(0, -2);
    if (name.endsWith("s")) return name.slice(0, -1);
    return name;
}

/** The Pulumi name the bridge gives a Terraform field: camelCase, pluralized when it is a list. */
export function pulumiName(terraformName: string, isList: boolean): string {
    const name = isList ? pluralize(terraformName) : terraformName;
    return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
