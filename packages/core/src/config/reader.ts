/**
 * A small typed reader over untyped config objects. Every accessor records an issue instead of
 * throwing, so validation reports all problems at once.
 */
import type { ConfigIssue } from "./issues.js";

export class IssueCollector {
    readonly issues: ConfigIssue[] = [];

    add(key: string, value: unknown, problem: string, fix: string): void {
        this.issues.push({ key, value, problem, fix });
    }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads fields of one object whose full config key is `prefix` (e.g. `platform:network`). */
export class ObjectReader {
    constructor(
        readonly prefix: string,
        readonly source: Record<string, unknown>,
        readonly issues: IssueCollector,
        /** `:` between a namespace and a top-level key, `.` inside objects. */
        readonly separator: ":" | "." = ".",
    ) {}

    key(field: string): string {
        return `${this.prefix}${this.separator}${field}`;
    }

    /** Flags any field not in `allowed` (catches typos such as `natGateway`). */
    rejectUnknown(allowed: readonly string[]): void {
        for (const field of Object.keys(this.source)) {
            if (!allowed.includes(field)) {
                this.issues.add(this.key(field), this.source[field], "unknown setting", `remove it or use one of: ${allowed.join(", ")}`);
            }
        }
    }

    string(field: string, opts: { required?: boolean; pattern?: RegExp; hint?: string } = {}): string | undefined {
        const value = this.source[field];
        if (value === undefined) {
            if (opts.required) {
                this.issues.add(this.key(field), value, "required setting is missing", `set it to ${opts.hint ?? "a string"}`);
            }
            return undefined;
        }
        if (typeof value !== "string" || value.length === 0) {
            this.issues.add(this.key(field), value, "must be a non-empty string", `set it to ${opts.hint ?? "a string"}`);
            return undefined;
        }
        if (opts.pattern && !opts.pattern.test(value)) {
            this.issues.add(this.key(field), value, `does not match ${opts.pattern}`, `use ${opts.hint ?? "a matching value"}`);
            return undefined;
        }
        return value;
    }

    oneOf<T extends string>(field: string, allowed: readonly T[], opts: { required?: boolean } = {}): T | undefined {
        const value = this.source[field];
        if (value === undefined) {
            if (opts.required) {
                this.issues.add(this.key(field), value, "required setting is missing", `set it to one of: ${allowed.join(", ")}`);
            }
            return undefined;
        }
        if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
            this.issues.add(this.key(field), value, "is not an allowed value", `use one of: ${allowed.join(", ")}`);
            return undefined;
        }
        return value as T;
    }

    integer(field: string, range: { min: number; max: number; allowed?: readonly number[] }): number | undefined {
        const value = this.source[field];
        if (value === undefined) {
            return undefined;
        }
        if (typeof value !== "number" || !Number.isInteger(value) || value < range.min || value > range.max) {
            this.issues.add(
                this.key(field),
                value,
                `must be a whole number from ${range.min} to ${range.max}`,
                "change it to a number in range",
            );
            return undefined;
        }
        if (range.allowed && !range.allowed.includes(value)) {
            this.issues.add(this.key(field), value, "is not an accepted value", `use one of: ${range.allowed.join(", ")}`);
            return undefined;
        }
        return value;
    }

    boolean(field: string): boolean | undefined {
        const value = this.source[field];
        if (value === undefined) {
            return undefined;
        }
        if (typeof value !== "boolean") {
            this.issues.add(this.key(field), value, "must be true or false", "write true or false without quotes");
            return undefined;
        }
        return value;
    }

    stringList(field: string, hint: string): string[] | undefined {
        const value = this.source[field];
        if (value === undefined) {
            return undefined;
        }
        if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || v.length === 0)) {
            this.issues.add(this.key(field), value, "must be a list of non-empty strings", `write a YAML list, e.g. ${hint}`);
            return undefined;
        }
        return value as string[];
    }

    /** A nested object; returns a reader for it, or undefined (with an issue) when not an object. */
    object(field: string, opts: { required?: boolean; hint?: string } = {}): ObjectReader | undefined {
        const value = this.source[field];
        if (value === undefined) {
            if (opts.required) {
                this.issues.add(this.key(field), value, "required setting is missing", `add it, e.g. ${opts.hint ?? "an object"}`);
            }
            return undefined;
        }
        if (!isPlainObject(value)) {
            this.issues.add(
                this.key(field),
                value,
                "must be an object",
                `write it as a YAML mapping, e.g. ${opts.hint ?? "{ key: value }"}`,
            );
            return undefined;
        }
        return new ObjectReader(this.key(field), value, this.issues);
    }
}
