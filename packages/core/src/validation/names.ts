/** Name rules shared by config validation and component arguments. */
import type { Issue } from "../issues.js";
import { NAME_SEGMENT_PATTERN } from "../naming.js";

/** Lowercase DNS names: labels of 1-63 letters, digits and inner hyphens, a 2-63 letter TLD. */
export const DOMAIN_NAME_PATTERN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/** AWS regions such as `us-east-1`, `us-gov-west-1`. */
export const AWS_REGION_PATTERN = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
/** GCP regions such as `us-west1`, `europe-west4`. */
export const GCP_REGION_PATTERN = /^[a-z]+-[a-z]+\d+$/;
/** GCP project ids: 6-30 characters, lowercase letters, digits, hyphens, starting with a letter. */
export const GCP_PROJECT_PATTERN = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
/** The `project` prefix of physical names: short, so names fit the tightest limits (IAM, ALB). */
export const PROJECT_PREFIX_PATTERN = /^[a-z][a-z0-9]{1,11}$/;
/** An IAM role or user ARN without wildcards. */
export const IAM_PRINCIPAL_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/[\w+=,.@/-]+$/;
/** An IAM role ARN without wildcards (cluster admins are roles people assume, never long-lived users). */
export const IAM_ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
/** An EKS cluster name as EKS accepts it: 1-100 letters, digits, `-` and `_`, starting with a letter or digit. */
export const EKS_CLUSTER_NAME_PATTERN = /^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/;

/** A string matching `pattern`; `hint` describes a valid value with an example. */
export function checkPattern(field: string, value: unknown, pattern: RegExp, hint: string): Issue[] {
    if (typeof value === "string" && pattern.test(value)) {
        return [];
    }
    return [
        {
            field,
            value,
            problem: typeof value === "string" ? `is not ${hint.replace(/, e\.g\..*$/, "")}` : "must be a string",
            fix: `use ${hint}`,
        },
    ];
}

export function checkGcpProject(field: string, value: unknown): Issue[] {
    return checkPattern(
        field,
        value,
        GCP_PROJECT_PATTERN,
        "a GCP project id (6-30 lowercase letters, digits and hyphens, starting with a letter), e.g. acme-dr-prod",
    );
}

/** An IAM role ARN (cluster administrators): a role people assume, not a user with long-lived keys. */
export function checkIamRoleArn(field: string, value: unknown): Issue[] {
    return checkPattern(
        field,
        value,
        IAM_ROLE_ARN_PATTERN,
        "an IAM role ARN without wildcards, e.g. arn:aws:iam::123456789012:role/platform-admin",
    );
}

/** An EKS cluster name (the network's subnet tags, an access entry's cluster). */
export function checkEksClusterName(field: string, value: unknown): Issue[] {
    return typeof value === "string" && EKS_CLUSTER_NAME_PATTERN.test(value)
        ? []
        : [{ field, value, problem: "is not a valid EKS cluster name", fix: "use letters, digits, - and _ (1-100 characters)" }];
}

export function checkRegion(field: string, value: unknown, cloud: "aws" | "gcp"): Issue[] {
    return cloud === "aws"
        ? checkPattern(field, value, AWS_REGION_PATTERN, "an AWS region, e.g. us-east-1")
        : checkPattern(field, value, GCP_REGION_PATTERN, "a GCP region, e.g. us-west1");
}

/** A domain name; a trailing dot is accepted when `allowTrailingDot` (Cloud DNS style). */
export function checkDomainName(field: string, value: unknown, allowTrailingDot = false): Issue[] {
    const name = allowTrailingDot && typeof value === "string" && value.endsWith(".") ? value.slice(0, -1) : value;
    return checkPattern(field, name, DOMAIN_NAME_PATTERN, "a lowercase domain name, e.g. example.com").map((i) => ({ ...i, value }));
}

/** The naming context every component takes (`naming.project`, `naming.environment`). */
export function checkNaming(field: string, value: unknown): Issue[] {
    const naming = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
    return (["project", "environment"] as const).flatMap((part) => {
        const v = naming[part];
        return typeof v === "string" && NAME_SEGMENT_PATTERN.test(v)
            ? []
            : [
                  {
                      field: `${field}.${part}`,
                      value: v,
                      problem: "is not a name segment",
                      fix: "use lowercase letters and digits separated by single hyphens, e.g. acme / prod",
                  },
              ];
    });
}

/** Each element once. `what` names an element for the message (`zone`, `purpose`). */
export function checkUnique(field: string, values: readonly unknown[], what: string): Issue[] {
    const duplicates = [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
    return duplicates.length === 0
        ? []
        : [
              {
                  field,
                  value: values,
                  problem: `${duplicates.map((d) => JSON.stringify(d)).join(", ")} listed twice`,
                  fix: `list each ${what} once`,
              },
          ];
}

/** One of a fixed set of values. */
export function checkOneOf<T>(field: string, value: unknown, allowed: readonly T[]): Issue[] {
    return allowed.includes(value as T)
        ? []
        : [{ field, value, problem: "is not an allowed value", fix: `use one of ${allowed.join(", ")}` }];
}
