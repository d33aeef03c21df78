/** Thrown when stack config does not validate; `issues` lists every problem found. */
import * as pulumi from "@pulumi/pulumi";
import { formatIssues, type Issue } from "../issues.js";

/**
 * A `RunError`: when a program run by the engine throws it, the language host prints the message
 * alone (every problem, no stack trace), as `platform synth` does.
 */
export class ConfigValidationError extends pulumi.RunError {
    constructor(readonly issues: readonly Issue[]) {
        super(formatIssues("Invalid platform configuration", issues));
        this.name = "ConfigValidationError";
    }
}
