/** Helpers every component shares: argument errors and the protection rule for stateful children. */
import * as pulumi from "@pulumi/pulumi";

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
