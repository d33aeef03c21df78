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

/** True when an action pattern of a policy (`s3:Get*`, `*`) covers `action`, case-insensitively. */
export function actionCovers(pattern: string, action: string): boolean {
    const regex = new RegExp(
        `^${pattern
            .split("*")
            .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
            .join(".*")}$`,
        "i",
    );
    return regex.test(action);
}

/**
 * True when the statement's actions cover `action`: one of its `Action` patterns does, or it has a
 * `NotAction` none of whose patterns does (NotAction grants everything else).
 */
export function grantsAction(statement: Props, action: string): boolean {
    if (statement["NotAction"] !== undefined) return !statementActions(statement, "NotAction").some((p) => actionCovers(p, action));
    return statementActions(statement).some((p) => actionCovers(p, action));
}

/** The statement's `Resource` as a list of strings. */
export function statementResources(statement: Props): string[] {
    const value = statement["Resource"];
    if (typeof value === "string") return [value];
    return (asArray(value) ?? []).flatMap((r) => (typeof r === "string" ? [r] : []));
}

/** True when the statement has a non-empty `Condition`. */
export function hasCondition(statement: Props): boolean {
    const condition = asRecord(statement["Condition"]);
    return condition !== undefined && Object.keys(condition).length > 0;
}

/** An Allow statement on Resource "*" without a Condition: what it grants, it grants on everything. */
export function isUnscopedAllow(statement: Props): boolean {
    return statement["Effect"] === "Allow" && !hasCondition(statement) && statementResources(statement).includes("*");
}

/** The identity policy documents of a role policy or policy (`policy`), or of a role (its `inlinePolicies`), named for messages. */
export function identityPolicies(type: string, props: Props, roleType: string): Array<{ where: string; policy: unknown }> {
    if (type !== roleType) return props["policy"] === undefined ? [] : [{ where: "policy", policy: props["policy"] }];
    return (asArray(props["inlinePolicies"]) ?? []).flatMap((p, i) => {
        const inline = asRecord(p);
        return inline?.["policy"] === undefined
            ? []
            : [{ where: `inline policy ${asString(inline["name"]) ?? `#${i + 1}`}`, policy: inline["policy"] }];
    });
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
