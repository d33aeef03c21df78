/**
 * The component contract (docs/components.md): every platform component extends this class.
 *
 * - Type token `platform:<package>:<Type>`.
 * - Child logical names are `${name}-<child>` ({@link PlatformComponent.childName}).
 * - Physical names are `<project>-<environment>-<name>-<child>`, so two instances of a component
 *   never collide ({@link PlatformComponent.physicalName}).
 * - Protection is asked for one way, the `protect` resource option on the component (or on an
 *   ancestor), and every child inherits it: children never get an explicit `protect`, and
 *   stateful children are also retained on delete when protected
 *   ({@link PlatformComponent.statefulOptions}).
 * - Arguments are validated before any child exists, every problem listed at once
 *   ({@link PlatformComponent.validate}).
 * - Public outputs are typed fields, registered once, last ({@link PlatformComponent.complete}).
 */
import * as pulumi from "@pulumi/pulumi";
import { COMPONENT_TYPE_PATTERN } from "@platform/facts";
import type { Issue } from "../issues.js";
import { fitName, NAME_RULES, NAME_SEGMENT_PATTERN, type NameKind } from "../naming.js";
import { checkNaming } from "../validation/names.js";
import { ComponentArgumentError } from "./errors.js";

/** The platform packages that own components (the middle part of a type token). */
export type ComponentPackage = "network" | "security" | "cluster" | "data" | "observability" | "delivery" | "addons" | "workload";

/** `platform:<package>:<Type>`. */
export type ComponentType = `platform:${ComponentPackage}:${string}`;

/** The naming context every component takes: physical names start `<project>-<environment>-`. */
export interface ComponentNaming {
    /** Short product prefix, e.g. `acme`. */
    readonly project: string;
    /** Environment name, e.g. `prod`. */
    readonly environment: string;
}

/** What the SDK records on every resource (internal in its typings): the resolved `protect`. */
interface ResolvedResourceOptions {
    readonly __protect?: boolean;
}

export abstract class PlatformComponent extends pulumi.ComponentResource {
    /** `platform:<package>:<Type>`. */
    readonly componentType: ComponentType;
    /** The component's logical name (a name segment); children are named `${componentName}-<child>`. */
    readonly componentName: string;
    /** `<project>-<environment>-<name>`: the start of every physical name this component creates. */
    readonly physicalPrefix: string;
    /**
     * Whether the component is protected: its own `protect` option, else its parent's. Children
     * inherit it from the SDK; this flag only adds `retainOnDelete` to stateful children.
     */
    readonly isProtected: boolean;
    private completed = false;

    protected constructor(type: ComponentType, name: string, naming: ComponentNaming, opts: pulumi.ComponentResourceOptions = {}) {
        super(type, name, {}, opts);
        const issues: Issue[] = [];
        if (!COMPONENT_TYPE_PATTERN.test(type)) {
            issues.push({
                field: "type",
                value: type,
                problem: "is not a platform component type token",
                fix: "use platform:<package>:<Type>, e.g. platform:network:AwsNetwork",
            });
        }
        if (!NAME_SEGMENT_PATTERN.test(name)) {
            issues.push({
                field: "name",
                value: name,
                problem: "is not a name segment (it becomes part of every physical name)",
                fix: "use lowercase letters and digits separated by single hyphens, e.g. network",
            });
        }
        issues.push(...checkNaming("naming", naming));
        this.throwIfAny(type, name, issues);
        this.componentType = type;
        this.componentName = name;
        this.physicalPrefix = `${naming.project}-${naming.environment}-${name}`;
        this.isProtected = (this as unknown as ResolvedResourceOptions).__protect === true;
    }

    /** The logical name of a child: `${componentName}-${child}`. */
    protected childName(child: string): string {
        return `${this.componentName}-${child}`;
    }

    /** `<project>-<environment>-<name>-<child>` fitted to the kind's length limit (stable hash when cut). */
    protected physicalName(child: string, kind: NameKind = "aws"): string {
        if (!NAME_SEGMENT_PATTERN.test(child)) {
            throw new Error(
                `physical name part ${JSON.stringify(child)} of ${this.componentName} is not a name segment (a bug in the component)`,
            );
        }
        return fitName(`${this.physicalPrefix}-${child}`, NAME_RULES[kind].maxLength);
    }

    /** Options for a child: parented here, inheriting provider and protection. Never writes `protect`. */
    protected childOptions(extra: Omit<pulumi.CustomResourceOptions, "parent" | "protect"> = {}): pulumi.CustomResourceOptions {
        if ("protect" in extra) {
            throw new Error(
                `${this.componentName}: components never set protect on a child; children inherit the component's (docs/components.md)`,
            );
        }
        return { ...extra, parent: this };
    }

    /**
     * Options for a stateful child (key material, a zone, data, backups): like {@link childOptions},
     * plus `retainOnDelete` when the component is protected, so even an unprotected-then-deleted
     * production resource stays in the cloud.
     */
    protected statefulOptions(
        extra: Omit<pulumi.CustomResourceOptions, "parent" | "protect" | "retainOnDelete"> = {},
    ): pulumi.CustomResourceOptions {
        return { ...this.childOptions(extra), ...(this.isProtected ? { retainOnDelete: true } : {}) };
    }

    /** Throws a {@link ComponentArgumentError} listing every issue, when there is any. Call before creating children. */
    protected validate(issues: readonly Issue[]): void {
        this.throwIfAny(this.componentType, this.componentName, issues);
    }

    /**
     * Registers the public outputs: the named fields of this component, once, as the last step of
     * the constructor. Naming fields (not building an object) keeps the registered outputs and the
     * typed public API one and the same.
     */
    protected complete<K extends keyof this & string>(...fields: K[]): void {
        if (this.completed) {
            throw new Error(`${this.componentName}: complete() was called twice`);
        }
        this.completed = true;
        const outputs: pulumi.Inputs = {};
        for (const field of fields) {
            outputs[field] = this[field] as pulumi.Input<unknown>;
        }
        this.registerOutputs(outputs);
    }

    private throwIfAny(type: string, name: string, issues: readonly Issue[]): void {
        if (issues.length > 0) {
            throw new ComponentArgumentError(this, type, name, issues);
        }
    }
}

/**
 * The resource options that protect a layer's components when the environment protects stateful
 * resources (prod, dr): `{ protect: true }`, else nothing (never an explicit `protect: false`).
 */
export function protectionOptions(profile: { readonly protectStatefulResources: boolean }): { protect?: true } {
    return profile.protectStatefulResources ? { protect: true } : {};
}
