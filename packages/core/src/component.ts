/** Helpers every component shares: argument errors and the protection rule for stateful children. */
import * as pulumi from "@pulumi/pulumi";
import { isNameSegment } from "./naming.js";
import { GCP_PROJECT_PATTERN } from "./patterns.js";

/**
 * A fail-fast argument error for a component: names the argument, the bad value and the fix.
 * Thrown from the constructor before any child is created.
 */
export function invalidArgument(
    component: pulumi.Resource,
    args: { field: string; value: unknown; problem: string; fix: string },
): pulumi.ResourceError {
    const shown = args.value === undefined ? "(unset)" : JSON.stringify(args.value);
    return new pulumi.ResourceError(`Invalid argument ${args.field} = ${shown}: ${args.problem}. Fix: ${args.fix}`, component);
}

/**
 * Options for a stateful child (a key, a database, a bucket): `protect` when the environment
 * protects stateful resources, so `pulumi destroy` or a replacing diff stops instead of losing data.
 */
export function statefulChildOptions(
    parent: pulumi.Resource,
    protect: boolean,
    extra: pulumi.CustomResourceOptions = {},
): pulumi.CustomResourceOptions {
    return { ...extra, parent, protect };
}

/** The naming args every component takes: physical names are `<project>-<environment>-<component>`. */
export interface NamingArgs {
    readonly project: string;
    readonly environment: string;
}

/** Fails fast unless both naming parts are valid name segments. */
export function checkNamingArgs(component: pulumi.Resource, naming: NamingArgs | undefined): void {
    for (const field of ["project", "environment"] as const) {
        const value: unknown = naming?.[field];
        if (!isNameSegment(value)) {
            throw invalidArgument(component, {
                field: `naming.${field}`,
                value,
                problem: "not a name segment",
                fix: "use lowercase letters and digits separated by single hyphens, e.g. acme / prod",
            });
        }
    }
}

/** Fails fast unless `project` is a GCP project id. */
export function checkGcpProjectArg(component: pulumi.Resource, project: unknown): void {
    if (typeof project !== "string" || !GCP_PROJECT_PATTERN.test(project)) {
        throw invalidArgument(component, {
            field: "project",
            value: project,
            problem: "not a GCP project id",
            fix: "use the project id (6-30 lowercase letters, digits and hyphens, starting with a letter), e.g. acme-dr-prod",
        });
    }
}
