/**
 * Reading IAM/KMS policy documents: statements that allow every principal without a condition.
 * Pure functions over the parsed JSON.
 */
import { asArray, asRecord, asString, parseJson, type Props } from "@platform/policy-kit";

export type PolicyDocument = { readonly ok: true; readonly statements: readonly Props[] } | { readonly ok: false; readonly reason: string };

/** Parses a policy document given as a JSON string (or an object) into its statements. */
export function readPolicyDocument(policy: unknown): PolicyDocument {
    let value: unknown = policy;
    if (typeof policy === "string") {
        const parsed = parseJson(policy);
        if (!parsed.ok) return { ok: false, reason: `is not valid JSON (${parsed.error})` };
        value = parsed.value;
    }
    const doc = asRecord(value);
    const statement = doc?.["Statement"];
    const list = asArray(statement) ?? (asRecord(statement) ? [statement] : undefined);
    if (!list) return { ok: false, reason: "is not a policy document with a Statement" };
    return { ok: true, statements: list.map((s) => asRecord(s) ?? {}) };
}

/** `"*"`, `{ "AWS": "*" }` or `{ "AWS": [..., "*"] }`. */
export function isWildcardPrincipal(principal: unknown): boolean {
    if (principal === "*") return true;
    const aws = asRecord(principal)?.["AWS"];
    return aws === "*" || (asArray(aws)?.includes("*") ?? false);
}

function hasCondition(statement: Props): boolean {
    const condition = asRecord(statement["Condition"]);
    return condition !== undefined && Object.keys(condition).length > 0;
}

/** Statements that Allow a wildcard principal with no Condition, named by Sid or 1-based position. */
export function openStatements(statements: readonly Props[]): string[] {
    return statements.flatMap((s, i) =>
        s["Effect"] === "Allow" && isWildcardPrincipal(s["Principal"]) && !hasCondition(s)
            ? [asString(s["Sid"]) ? `"${asString(s["Sid"])}"` : `#${i + 1}`]
            : [],
    );
}
