/**
 * Reading IAM identity and trust policies: actions of a statement, admin-level actions, OIDC
 * federation conditions. Pure functions over the parsed JSON (`readPolicyDocument`).
 */
import { asArray, asRecord, asString, type Props } from "@platform/policy-kit";

/** A statement's `Action` (or `NotAction`) as a list of strings. */
export function statementActions(statement: Props, key: "Action" | "NotAction" = "Action"): string[] {
    const value = statement[key];
    if (typeof value === "string") return [value];
    return (asArray(value) ?? []).flatMap((a) => (typeof a === "string" ? [a] : []));
}

/** Actions that amount to administrator access: everything, or all of IAM (which grants everything). */
export function isAdminAction(action: string): boolean {
    const a = action.toLowerCase();
    return a === "*" || a === "*:*" || a === "iam:*" || a === "iam:*:*";
}

/** A statement's name for messages: its Sid, else its 1-based position. */
export function statementLabel(statement: Props, index: number): string {
    const sid = asString(statement["Sid"]);
    return sid ? `"${sid}"` : `#${index + 1}`;
}

/** The `Federated` principals of a statement. */
export function federatedPrincipals(statement: Props): string[] {
    const federated = asRecord(statement["Principal"])?.["Federated"];
    if (typeof federated === "string") return [federated];
    return (asArray(federated) ?? []).flatMap((f) => (typeof f === "string" ? [f] : []));
}

/** The OIDC issuer host of a federated principal: an `oidc-provider/<host>` ARN or a bare host; undefined for SAML and others. */
export function oidcIssuerOf(principal: string): string | undefined {
    const arn = /^arn:[^:]+:iam::\d{12}:oidc-provider\/(.+)$/.exec(principal);
    if (arn) return arn[1];
    if (principal.includes(":saml-provider/") || principal.startsWith("arn:")) return undefined;
    return principal.includes(".") ? principal : undefined;
}

/** Values a Condition gives a key under any of the operators (StringEquals, StringLike, ...), by operator. */
export function conditionValues(statement: Props, key: string): { operator: string; values: string[] }[] {
    const condition = asRecord(statement["Condition"]) ?? {};
    return Object.entries(condition).flatMap(([operator, block]) => {
        const value = asRecord(block)?.[key];
        if (value === undefined) return [];
        const values = typeof value === "string" ? [value] : (asArray(value) ?? []).flatMap((v) => (typeof v === "string" ? [v] : []));
        return [{ operator, values }];
    });
}
