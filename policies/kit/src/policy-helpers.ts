/**
 * Building resource policies by type token. `validateResourceOfType` from `@pulumi/policy` needs
 * the provider SDK's resource class; matching on the token instead keeps @pulumi/aws and
 * @pulumi/gcp out of the packs' runtime, and attaching `__pulumiType` keeps the server's fast
 * not-applicable path (`server.js` checks `getPulumiType(validateResource)`).
 */
import type { ReportViolation, ResourceValidation, ResourceValidationArgs } from "@pulumi/policy";
import type { Props } from "./values.js";

export type TypedValidation = (props: Props, args: ResourceValidationArgs, reportViolation: ReportViolation) => Promise<void> | void;

/** A `validateResource` that runs `validate` for resources of the given type tokens only. */
export function validateResourceOfTypes(types: readonly string[], validate: TypedValidation): ResourceValidation {
    const fn: ResourceValidation & { __pulumiType?: string } = (args, reportViolation) => {
        if (types.includes(args.type)) {
            return validate(args.props, args, reportViolation);
        }
        return args.notApplicable(`Policy only applies to resources of type ${types.map((t) => `'${t}'`).join(", ")}`);
    };
    if (types.length === 1) {
        fn.__pulumiType = types[0];
    }
    return fn;
}

/** Resources of the given type tokens, from a stack policy's resource list. */
export function resourcesOfTypes<R extends { readonly type: string }>(resources: readonly R[], ...types: string[]): R[] {
    return resources.filter((r) => types.includes(r.type));
}
