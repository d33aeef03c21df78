/** Loads a stack project's compiled program function, as the language host would call it. */
import { existsSync } from "node:fs";
import { UsageError } from "../workspace/errors.js";
import type { StackProject } from "../workspace/projects.js";

export type ProgramFunction = () => unknown;

/** Requires the project's `main`, which must export the program function (`export = program`). */
export function loadProgram(project: StackProject): ProgramFunction {
    if (!existsSync(project.main)) {
        throw new UsageError(`${project.main} (main of project ${project.name}) does not exist; run pnpm build first`);
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported: unknown = require(project.main);
    if (typeof exported !== "function") {
        throw new UsageError(
            `${project.main} must export a function (\`export = program\`) so it can be run once per stack; it exports ${typeof exported}`,
        );
    }
    return exported as ProgramFunction;
}
