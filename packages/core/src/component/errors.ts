/** The error a component throws, before creating any child, when its arguments are wrong. */
import * as pulumi from "@pulumi/pulumi";
import { formatIssues, type Issue } from "../issues.js";

/**
 * Every problem with a component's arguments at once, each as
 * `<argument> = <value>: <problem>. Fix: <fix>`. A `ResourceError`, so the engine attributes it to
 * the component and the CLI reports it as bad input, without a stack trace.
 */
export class ComponentArgumentError extends pulumi.ResourceError {
    constructor(
        readonly component: pulumi.Resource,
        readonly type: string,
        readonly componentName: string,
        readonly issues: readonly Issue[],
    ) {
        super(formatIssues(`Invalid arguments for ${type} "${componentName}"`, issues), component);
        this.name = "ComponentArgumentError";
    }
}
