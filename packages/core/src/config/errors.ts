/** Thrown when stack config does not validate; `issues` lists every problem found. */
import { formatIssues, type Issue } from "../issues.js";

export class ConfigValidationError extends Error {
    constructor(readonly issues: readonly Issue[]) {
        super(formatIssues("Invalid platform configuration", issues));
        this.name = "ConfigValidationError";
    }
}
